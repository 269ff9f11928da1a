import { weekLabel, type IsoWeek } from '../domain';
import { hoursShort } from './hours';

/**
 * Why hours cannot join an allocation (mergeAllocationMinutes said no), naming who, where
 * and how much: "Ana Souza already has 100 h on REQ-201 in W49; 100 h more would make
 * 200 h, and one allocation holds at most 168 h a week."
 */
export function allocationOverWeekText(a: {
  specialist: string;
  requestId: string;
  week: IsoWeek;
  existing: number;
  added: number;
  max: number;
}): string {
  const where = `on ${a.requestId} in ${weekLabel(a.week)}`;
  return (
    `${a.specialist} already has ${hoursShort(a.existing)} h ${where}; ${hoursShort(a.added)} h more would make ` +
    `${hoursShort(a.existing + a.added)} h, and one allocation holds at most ${hoursShort(a.max)} h a week.`
  );
}

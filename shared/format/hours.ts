import { formatHours } from '../domain';

/** Hours as people read them: 960 -> "16", 440 -> "7.33". */
export function hoursShort(minutes: number): string {
  return formatHours(minutes).replace(/\.00$/, '');
}

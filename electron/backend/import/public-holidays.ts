import { addDays } from 'date-fns';
import Holidays from 'date-holidays';
import { formatIsoDate, parseIsoDate } from '../../../shared/domain';
import { ApiError } from '../../../shared/api/errors';
import type { Db } from '../db/open';
import { writeHolidays } from './kinds/holidays';

export interface PublicHolidayRequest {
  calendar: string;
  country: string;
  region?: string | undefined;
  fromYear: number;
  toYear: number;
}

/**
 * Writes a country's (and region's) public holidays for the chosen years into the plan,
 * from date-holidays' offline data. Only days of type "public" are taken: observances and
 * bank holidays do not close offices. Written rows are ordinary plan holidays, so they
 * can be reviewed and removed like imported ones.
 */
export function loadPublicHolidays(db: Db, req: PublicHolidayRequest): { calendar: string; holidays: number; changed: number } {
  const country = req.country.toUpperCase();
  const countries = new Holidays().getCountries('en') as Record<string, string>;
  if (!countries[country])
    throw new ApiError(
      'invalid-input',
      `"${req.country}" is not a country the offline holiday data knows (use a code such as DE, FR, US).`,
    );
  const region = req.region?.toUpperCase();
  if (region !== undefined) {
    const states = (new Holidays().getStates(country, 'en') ?? {}) as Record<string, string>;
    if (!states[region]) {
      const known = Object.keys(states);
      throw new ApiError(
        'invalid-input',
        `"${req.region}" is not a region of ${country}${known.length ? ` (known: ${known.slice(0, 30).join(', ')})` : ' (it has no regions)'}.`,
      );
    }
  }
  const hd = region ? new Holidays(country, region) : new Holidays(country);
  const rows: { calendar: string; date: string; name: string }[] = [];
  const seen = new Set<string>();
  for (let year = req.fromYear; year <= req.toYear; year++) {
    for (const h of hd.getHolidays(year, 'en')) {
      if (h.type !== 'public') continue;
      // Some holidays last several days (Eid, New Year in some countries): every day counts.
      const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / 86_400_000));
      for (let i = 0; i < days; i++) {
        const date = formatIsoDate(addDays(parseIsoDate(h.date.slice(0, 10)), i));
        if (seen.has(date)) continue;
        seen.add(date);
        rows.push({ calendar: req.calendar, date, name: h.name });
      }
    }
  }
  const source = `date-holidays:${country}${region ? `-${region}` : ''}`;
  const changed = writeHolidays(db, rows, source);
  return { calendar: req.calendar, holidays: rows.length, changed };
}

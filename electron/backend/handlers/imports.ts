import type { ApiParsedInput, ImportResult } from '../../../shared/api';
import { importCsv } from '../import';
import { loadPublicHolidays } from '../import/public-holidays';
import { requireSession, type BackendContext } from './context';

export function importCsvHandler(ctx: BackendContext, input: ApiParsedInput<'import-csv'>): ImportResult {
  const s = requireSession(ctx);
  try {
    return importCsv(s.db, input.kind, input.fileName, input.text, ctx.clock.now());
  } finally {
    s.invalidate();
  }
}

export function holidaysLoad(ctx: BackendContext, input: ApiParsedInput<'holidays-load'>) {
  const s = requireSession(ctx);
  return s.write((db) => loadPublicHolidays(db, input));
}

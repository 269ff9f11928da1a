import { PRIORITIES, REQUEST_STATUSES, STAGES } from '../../../../shared/domain';
import { readPlanMeta } from '../../db/plan-meta';
import { KeyTracker } from '../rows';
import type { ImportKindSpec } from './types';

interface Row {
  code: string;
  title: string;
  stage: string;
  service: string | null;
  requester: string | null;
  priority: string;
  status: string;
  startWeek: string;
  endWeek: string;
  budgetMinor: number | null;
  notes: string | null;
}

export const requestsKind: ImportKindSpec<{ minorDigits: number; keys: KeyTracker }, Row> = {
  kind: 'requests',
  columns: [
    { name: 'id', required: true, aliases: ['request_id'] },
    { name: 'title', required: true },
    { name: 'stage', required: true },
    { name: 'service' },
    { name: 'requester' },
    { name: 'priority' },
    { name: 'status' },
    { name: 'start_week', required: true },
    { name: 'end_week', required: true },
    { name: 'budget' },
    { name: 'notes' },
  ],
  prepare: (db) => ({ minorDigits: readPlanMeta(db).minorDigits, keys: new KeyTracker() }),
  parse(r, ctx) {
    const code = r.required('id');
    if (code !== null) ctx.keys.check(r, code, 'id');
    const title = r.required('title');
    const stageText = r.required('stage');
    const stage = stageText === null ? null : r.oneOf('stage', STAGES, 'design');
    const priority = r.oneOf('priority', PRIORITIES, 'medium');
    const status = r.oneOf('status', REQUEST_STATUSES, 'submitted');
    const startWeek = r.week('start_week', true);
    const endWeek = r.week('end_week', true);
    if (startWeek && endWeek && startWeek > endWeek) r.fail('end_week', `${endWeek} is before start_week ${startWeek}`);
    const budgetText = r.optional('budget');
    const budgetMinor = r.money('budget', ctx.minorDigits, false);
    if (budgetText !== null && budgetMinor === null) return null;
    if (
      code === null ||
      title === null ||
      stage === null ||
      priority === null ||
      status === null ||
      startWeek === null ||
      endWeek === null
    ) {
      return null;
    }
    return {
      code,
      title,
      stage,
      service: r.optional('service'),
      requester: r.optional('requester'),
      priority,
      status,
      startWeek,
      endWeek,
      budgetMinor,
      notes: r.optional('notes'),
    };
  },
  write(db, rows) {
    const upsert = db.prepare(`
      INSERT INTO requests (code, title, stage, service, requester, priority, status, start_week, end_week, budget_minor, notes)
      VALUES (@code, @title, @stage, @service, @requester, @priority, @status, @startWeek, @endWeek, @budgetMinor, @notes)
      ON CONFLICT (code) DO UPDATE SET
        title = excluded.title, stage = excluded.stage, service = excluded.service, requester = excluded.requester,
        priority = excluded.priority, status = excluded.status, start_week = excluded.start_week,
        end_week = excluded.end_week, budget_minor = excluded.budget_minor, notes = excluded.notes
      WHERE (title, stage, service, requester, priority, status, start_week, end_week, budget_minor, notes)
         IS NOT (excluded.title, excluded.stage, excluded.service, excluded.requester, excluded.priority, excluded.status,
                 excluded.start_week, excluded.end_week, excluded.budget_minor, excluded.notes)`);
    let n = 0;
    for (const row of rows) n += upsert.run(row).changes;
    return n;
  },
};

import {
  PRIORITIES,
  REQUEST_STATUSES,
  STAGES,
  allowedTransitions,
  canTransition,
  reasonRequired,
  type RequestStatus,
} from '../../../../shared/domain';
import { currentWeek } from '../../../../shared/domain';
import { transitionRefusedText } from '../../../../shared/format';
import type { RequestRowChange } from '../../db/history';
import { readPlanMeta } from '../../db/plan-meta';
import { REQUEST_COLUMNS, type RequestImage } from '../../db/request-rows';
import { auditEntries, recordAudit } from '../../requests/audit';
import { KeyTracker } from '../rows';
import type { ImportAt, ImportKindSpec } from './types';

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

interface Ctx {
  minorDigits: number;
  keys: KeyTracker;
  /** The plan's requests by id, with their status: an import moves a status only as the workflow allows. */
  statuses: Map<string, RequestStatus>;
  at: ImportAt;
}

export const requestsKind: ImportKindSpec<Ctx, Row> = {
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
  prepare: (db, at) => ({
    minorDigits: readPlanMeta(db).minorDigits,
    keys: new KeyTracker(),
    statuses: new Map(db.prepare('SELECT code, status FROM requests').raw().all() as [string, RequestStatus][]),
    at,
  }),
  parse(r, ctx) {
    const code = r.required('id');
    if (code !== null) ctx.keys.check(r, code, 'id');
    const title = r.required('title');
    const stageText = r.required('stage');
    const stage = stageText === null ? null : r.oneOf('stage', STAGES, 'design');
    const priority = r.oneOf('priority', PRIORITIES, 'medium');
    // An empty status keeps the plan's: a file made before the manager approved must not
    // take the approval back when it is imported again.
    const was = code === null ? undefined : ctx.statuses.get(code);
    const status = r.oneOf('status', REQUEST_STATUSES, was ?? 'submitted');
    if (code !== null && was !== undefined && status !== null && status !== was) {
      if (!canTransition(was, status)) r.fail('status', transitionRefusedText(code, was, status, allowedTransitions(was)));
      else if (reasonRequired(status))
        r.fail('status', `rejecting ${code} needs a reason: reject it in the app or with request set-status --reason`);
    }
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
  write(db, rows, ctx) {
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
    const image = db.prepare(`SELECT ${REQUEST_COLUMNS.join(', ')} FROM requests WHERE code = ?`);
    // A request closed by the file was closed in the week of the import, as far as the plan knows.
    const closeWeek = db.prepare("UPDATE requests SET closed_week = ? WHERE code = ? AND status = 'closed' AND closed_week IS NULL");
    const week = currentWeek(ctx.at.now);
    const changes: RequestRowChange[] = [];
    let n = 0;
    for (const row of rows) {
      const before = (image.get(row.code) as RequestImage | undefined) ?? null;
      const changed = upsert.run(row).changes;
      n += changed;
      if (changed === 0) continue;
      closeWeek.run(week, row.code);
      changes.push({ table: 'requests', before, after: image.get(row.code) as RequestImage });
    }
    // Every change of a request is in its history (domain.md), an import's too.
    recordAudit(db, auditEntries(db, changes, ctx.minorDigits, `Imported from ${ctx.at.fileName}`), ctx.at.now);
    return n;
  },
};

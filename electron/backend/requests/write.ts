import type { ApiParsedInput, RequestWritten } from '../../../shared/api';
import { ApiError } from '../../../shared/api/errors';
import { requestProblems, skillKey, type RequestStatus } from '../../../shared/domain';
import { problemPlace, requestProblemText } from '../../../shared/format';
import { AllocationWriter } from '../db/allocation-rows';
import { historyState, recordHistory, type RequestRowChange, type RowChange } from '../db/history';
import type { Db } from '../db/open';
import { DEMAND_LINE_COLUMNS, REQUEST_COLUMNS, type DemandLineImage, type RequestImage } from '../db/request-rows';
import { TableWriter } from '../db/table-writer';
import { thisWeek } from '../clock';
import { requireSession, type BackendContext } from '../handlers/context';
import { auditEntries, recordAudit } from './audit';
import { stepStatus, type StatusStep } from './status';

/** A staffing summary kept on a request as the latest staffing received. */
export interface StaffingReceivedInput {
  /** The summary file as JSON text, exactly as received. */
  json: string;
  exportedAt: string;
}

/**
 * One change of a request, written in one transaction with one undo entry and its history
 * entries: the editor's save, an imported request file, a received staffing summary.
 */
export interface RequestChange {
  /** Absent: a new request. */
  ref?: number | undefined;
  /** For a new request: its id (absent = the next free "R<n>"). */
  id?: string | undefined;
  fields?: ApiParsedInput<'requests-save'>['fields'] | undefined;
  /** The demand lines as they should be; absent = unchanged. Lines are matched by ref, else by skill and start week. */
  lines?: ApiParsedInput<'requests-save'>['lines'] | undefined;
  /** A new request's status (default draft). */
  status?: RequestStatus | undefined;
  /** An existing request's next workflow step, taken in the same action (an imported file's status). */
  statusStep?: StatusStep | undefined;
  staffingReceived?: StaffingReceivedInput | undefined;
}

/** The writers of one request action; their changes become one undo entry. */
export class RequestWriters {
  readonly requests: TableWriter<RequestImage>;
  readonly lines: TableWriter<DemandLineImage>;
  readonly allocations: AllocationWriter;
  private readonly order: RowChange[] = [];

  constructor(readonly db: Db) {
    // One list in the order the rows were written: undo takes them back in reverse, so a
    // line comes back before the allocations that point at it again.
    this.requests = new TableWriter<RequestImage>(db, 'requests', REQUEST_COLUMNS, (c) => this.order.push({ table: 'requests', ...c }));
    this.lines = new TableWriter<DemandLineImage>(db, 'demand_lines', DEMAND_LINE_COLUMNS, (c) =>
      this.order.push({ table: 'demand_lines', ...c }),
    );
    this.allocations = new AllocationWriter(db, (c) => this.order.push(c));
  }

  get changes(): readonly RowChange[] {
    return this.order;
  }

  get requestChanges(): RequestRowChange[] {
    return this.order.filter((c): c is RequestRowChange => c.table === 'requests' || c.table === 'demand_lines');
  }
}

/**
 * Runs one request action: in one transaction it writes the rows, records the undo entry
 * and the request's history, then drops what the session derived from the old state.
 */
export function runRequestAction(
  ctx: BackendContext,
  reason: string | null,
  fn: (w: RequestWriters) => { ref: number; label: string },
): RequestWritten {
  const s = requireSession(ctx);
  const minorDigits = s.meta.minorDigits;
  const done = s.write((db) => {
    const w = new RequestWriters(db);
    const { ref, label } = fn(w);
    recordHistory(db, label, w.changes);
    recordAudit(db, auditEntries(db, w.requestChanges, minorDigits, reason), ctx.clock.now());
    const code = db.prepare('SELECT code FROM requests WHERE id = ?').pluck().get(ref) as string;
    return { ref, id: code, label, history: historyState(db) };
  });
  return done;
}

export function writeRequest(ctx: BackendContext, change: RequestChange, label?: string): RequestWritten {
  if (change.fields && change.lines) checkRules(change.fields, change.lines);
  return runRequestAction(ctx, null, (w) => {
    const skills = new SkillResolver(w.db);
    let current: RequestImage;
    let created = false;
    if (change.ref === undefined) {
      if (!change.fields) throw new ApiError('invalid-input', 'A new request needs its fields.');
      const code = change.id ?? nextRequestId(w.db);
      if (w.db.prepare('SELECT 1 FROM requests WHERE code = ?').get(code)) {
        throw new ApiError('invalid-input', `A request with id ${code} exists already.`);
      }
      current = w.requests.insert({
        code,
        ...columnsOf(change.fields!),
        status: change.status ?? 'draft',
        rejection_reason: null,
        // A request that arrives closed was closed now, as far as this plan knows: its later
        // allocations count as inactive from here on.
        closed_week: change.status === 'closed' ? thisWeek(ctx.clock) : null,
        staffing_received: null,
        staffing_received_at: null,
      });
      created = true;
    } else {
      const found = w.requests.get(change.ref);
      if (!found) throw new ApiError('not-found', `There is no request with ref ${change.ref}.`);
      current = found;
      if (change.fields) current = w.requests.update(current, columnsOf(change.fields!));
    }
    if (change.staffingReceived) {
      const received = change.staffingReceived;
      current = w.requests.update(current, { staffing_received: received.json, staffing_received_at: ctx.clock.now().toISOString() });
    }
    const lineCount = change.lines ? writeLines(w, skills, current, change.lines) : 0;
    if (change.statusStep && !created) current = stepStatus(ctx, w, current, change.statusStep).request;
    const what = created ? `Create request ${current.code}` : `Edit ${current.code}`;
    return {
      ref: current.id,
      label: label ?? (change.lines && !created && lineCount > 0 ? `${what} and its demand lines` : what),
    };
  });
}

function columnsOf(f: ApiParsedInput<'requests-save'>['fields']) {
  return {
    title: f.title.trim(),
    stage: f.stage,
    service: f.service,
    requester: f.requester,
    priority: f.priority,
    start_week: f.startWeek,
    end_week: f.endWeek,
    budget_minor: f.budgetMinor,
    notes: f.notes,
  };
}

/** The API checks these too; writers called from inside (imports) get the same refusal. */
function checkRules(fields: ApiParsedInput<'requests-save'>['fields'], lines: ApiParsedInput<'requests-save'>['lines']): void {
  const problems = requestProblems({ title: fields.title, startWeek: fields.startWeek, endWeek: fields.endWeek, lines });
  if (problems.length > 0) {
    const texts = problems.map((p) => `${problemPlace(p)}: ${requestProblemText(p)}`);
    throw new ApiError('invalid-input', `The request was not saved: ${texts.join('; ')}.`, texts);
  }
}

/**
 * Puts the request's demand lines as listed: a line named by ref (or with the same skill
 * and first week as an existing one) is changed in place, keeping the allocations that
 * serve it; a line no longer listed is removed and its allocations stay, serving no line.
 * Returns how many lines changed.
 */
function writeLines(
  w: RequestWriters,
  skills: SkillResolver,
  request: RequestImage,
  wanted: ApiParsedInput<'requests-save'>['lines'],
): number {
  const existing = w.db
    .prepare(`SELECT ${DEMAND_LINE_COLUMNS.join(', ')} FROM demand_lines WHERE request_id = ? ORDER BY id`)
    .all(request.id) as DemandLineImage[];
  const byRef = new Map(existing.map((l) => [l.id, l]));
  const byKey = new Map(existing.map((l) => [`${l.skill_id}|${l.start_week}`, l]));
  const kept = new Map<number, { line: DemandLineImage; patch: Omit<DemandLineImage, 'id' | 'request_id'> }>();
  const added: Omit<DemandLineImage, 'id'>[] = [];
  for (const l of wanted) {
    const skillId = skills.idOf(l.skill);
    const row = {
      skill_id: skillId,
      min_level: l.minLevel,
      minutes_per_week: l.minutesPerWeek,
      start_week: l.startWeek,
      end_week: l.endWeek,
    };
    let match: DemandLineImage | undefined;
    if (l.ref !== undefined) {
      match = byRef.get(l.ref);
      if (!match) throw new ApiError('invalid-input', `Demand line ${l.ref} is not a line of ${request.code}.`);
    } else match = byKey.get(`${skillId}|${l.startWeek}`);
    if (match && !kept.has(match.id)) kept.set(match.id, { line: match, patch: row });
    else added.push({ request_id: request.id, ...row });
  }
  let n = 0;
  // Removed first, then changed, then added: the (request, skill, first week) key is never
  // held twice in between.
  for (const line of existing) {
    if (kept.has(line.id)) continue;
    const serving = w.db.prepare('SELECT id FROM allocations WHERE demand_line_id = ?').pluck().all(line.id) as number[];
    for (const id of serving) w.allocations.update(w.allocations.get(id)!, { demand_line_id: null });
    w.lines.delete(line);
    n++;
  }
  // A line whose skill or first week changes takes a placeholder week first, so that lines
  // trading places (both moved a week later) never hold one key at the same time.
  const moving = [...kept.values()].filter(({ line, patch }) => line.skill_id !== patch.skill_id || line.start_week !== patch.start_week);
  const parked = new Map<number, DemandLineImage>();
  for (const { line } of moving) parked.set(line.id, w.lines.update(line, { start_week: `0000-W${line.id}` }));
  for (const { line, patch } of kept.values()) {
    w.lines.update(parked.get(line.id) ?? line, patch);
    if (!sameLine(line, patch)) n++;
  }
  for (const row of added) {
    w.lines.insert(row);
    n++;
  }
  return n;
}

function sameLine(a: DemandLineImage, b: Omit<DemandLineImage, 'id' | 'request_id'>): boolean {
  return (
    a.skill_id === b.skill_id &&
    a.min_level === b.min_level &&
    a.minutes_per_week === b.minutes_per_week &&
    a.start_week === b.start_week &&
    a.end_week === b.end_week
  );
}

/** Skills by name as the plan keeps them (ASCII case aside); a new name becomes a new skill. */
class SkillResolver {
  private readonly known = new Map<string, number>();
  constructor(private readonly db: Db) {
    for (const [id, name] of db.prepare('SELECT id, name FROM skills').raw().all() as [number, string][])
      this.known.set(skillKey(name), id);
  }
  idOf(name: string): number {
    const key = skillKey(name);
    let id = this.known.get(key);
    if (id === undefined) {
      id = Number(this.db.prepare('INSERT INTO skills (name) VALUES (?)').run(name.trim()).lastInsertRowid);
      this.known.set(key, id);
    }
    return id;
  }
}

/** The next "R<n>" after the highest such id in the plan. */
export function nextRequestId(db: Db): string {
  const codes = db.prepare("SELECT code FROM requests WHERE code GLOB 'R[0-9]*'").pluck().all() as string[];
  let max = 0;
  for (const c of codes) {
    if (/^R\d+$/.test(c)) max = Math.max(max, Number(c.slice(1)));
  }
  return `R${max + 1}`;
}

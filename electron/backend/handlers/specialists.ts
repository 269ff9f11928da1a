import type { ApiParsedInput, SpecialistRow, TimelineRow } from '../../../shared/api';
import { cmpName, cmpText, foldText, weekRange, type EngineSpecialist } from '../../../shared/domain';
import type { PlanSession } from '../plan-session';
import { requireSession, type BackendContext } from './context';

export function specialistsList(
  ctx: BackendContext,
  input: ApiParsedInput<'specialists-list'>,
): { weeks: string[]; specialists: SpecialistRow[] } {
  const s = requireSession(ctx);
  return { weeks: weekRange(input.from, input.to), specialists: specialistRows(s, null, input.from, input.to) };
}

const byDepartmentThenName = (a: { department: string; name: string }, b: { department: string; name: string }): number =>
  cmpName(a.department, b.department) || cmpName(a.name, b.name);

function activeSpecialists(s: PlanSession, refs: ReadonlySet<number> | null): EngineSpecialist[] {
  const ix = s.index();
  const list = refs ? [...refs].map((r) => ix.specialistByRef.get(r)!).filter(Boolean) : ix.snapshot.specialists;
  return list.filter((sp) => sp.active);
}

/** Active specialists with capacity and load per week; only `refs` when given (after a change). */
export function specialistRows(s: PlanSession, refs: ReadonlySet<number> | null, from: string, to: string): SpecialistRow[] {
  const ix = s.index();
  const weeks = weekRange(from, to);
  const skillNames = s.skillNames();
  const roles = s.roles();
  return activeSpecialists(s, refs)
    .map((sp) => {
      const tentative = new Map<string, number>();
      for (const a of ix.allocationsOfSpecialist(sp.ref)) {
        if (a.status === 'tentative' && a.week >= from && a.week <= to) tentative.set(a.week, (tentative.get(a.week) ?? 0) + a.minutes);
      }
      return {
        ref: sp.ref,
        id: sp.id,
        name: sp.name,
        department: sp.department,
        role: roles.get(sp.ref) ?? null,
        weeklyMinutes: sp.weeklyMinutes,
        hourlyRateMinor: sp.hourlyRateMinor,
        skills: [...sp.skills]
          .map(([ref, level]) => ({ name: skillNames.get(ref) ?? '?', level }))
          .sort((a, b) => b.level - a.level || cmpName(a.name, b.name)),
        weeks: weeks.map((week) => ({
          week,
          capacity: ix.capacity(sp.ref, week).minutes,
          allocated: ix.loadOf(sp.ref, week),
          tentative: tentative.get(week) ?? 0,
        })),
      };
    })
    .sort(byDepartmentThenName);
}

export function timelineGet(ctx: BackendContext, input: ApiParsedInput<'timeline-get'>) {
  const s = requireSession(ctx);
  const query = input.query === undefined ? undefined : foldText(input.query.trim());
  const all = activeSpecialists(s, null)
    .filter((sp) => input.department === undefined || sp.department === input.department)
    .filter((sp) => !query || foldText(sp.name).includes(query) || foldText(sp.id).includes(query))
    .sort(byDepartmentThenName);
  const window = all.slice(input.offset, input.offset + input.limit);
  return {
    weeks: weekRange(input.from, input.to),
    total: all.length,
    offset: input.offset,
    rows: timelineRows(s, new Set(window.map((sp) => sp.ref)), input.from, input.to),
  };
}

/** Specialists by weeks: capacity, load and the allocation chips in each cell. */
export function timelineRows(s: PlanSession, refs: ReadonlySet<number>, from: string, to: string): TimelineRow[] {
  const ix = s.index();
  const weeks = weekRange(from, to);
  return activeSpecialists(s, refs)
    .sort(byDepartmentThenName)
    .map((sp) => {
      const chips = new Map<string, TimelineRow['cells'][number]['chips']>();
      for (const a of ix.allocationsOfSpecialist(sp.ref)) {
        if (a.week < from || a.week > to) continue;
        const r = ix.requestByRef.get(a.requestRef)!;
        const list = chips.get(a.week) ?? [];
        list.push({ ref: a.ref, requestRef: r.ref, requestId: r.id, title: r.title, stage: r.stage, minutes: a.minutes, status: a.status });
        chips.set(a.week, list);
      }
      return {
        ref: sp.ref,
        id: sp.id,
        name: sp.name,
        department: sp.department,
        cells: weeks.map((week) => ({
          week,
          capacity: ix.capacity(sp.ref, week).minutes,
          allocated: ix.loadOf(sp.ref, week),
          chips: (chips.get(week) ?? []).sort((a, b) => cmpText(a.requestId, b.requestId)),
        })),
      };
    });
}

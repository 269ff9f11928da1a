import type { ApiParsedInput, SpecialistRow } from '../../../shared/api';
import { loadKey, weekRange } from '../../../shared/domain';
import { requireSession, type BackendContext } from './context';

export function specialistsList(ctx: BackendContext, input: ApiParsedInput<'specialists-list'>): { weeks: string[]; specialists: SpecialistRow[] } {
  const s = requireSession(ctx);
  const ix = s.index();
  const weeks = weekRange(input.from, input.to);
  const tentative = new Map<string, number>();
  for (const a of ix.snapshot.allocations) {
    if (a.status !== 'tentative' || a.week < input.from || a.week > input.to) continue;
    const k = loadKey(a.specialistRef, a.week);
    tentative.set(k, (tentative.get(k) ?? 0) + a.minutes);
  }
  const skillNames = new Map(s.db.prepare('SELECT id, name FROM skills').raw().all() as [number, string][]);
  const roles = new Map(s.db.prepare('SELECT id, role FROM specialists').raw().all() as [number, string | null][]);
  const specialists = ix.snapshot.specialists
    .filter((sp) => sp.active)
    .map((sp) => ({
      ref: sp.ref,
      id: sp.id,
      name: sp.name,
      department: sp.department,
      role: roles.get(sp.ref) ?? null,
      weeklyMinutes: sp.weeklyMinutes,
      hourlyRateMinor: sp.hourlyRateMinor,
      skills: [...sp.skills]
        .map(([ref, level]) => ({ name: skillNames.get(ref) ?? '?', level }))
        .sort((a, b) => b.level - a.level || a.name.localeCompare(b.name)),
      weeks: weeks.map((week) => ({
        week,
        capacity: ix.capacity(sp.ref, week).minutes,
        allocated: ix.load.get(loadKey(sp.ref, week)) ?? 0,
        tentative: tentative.get(loadKey(sp.ref, week)) ?? 0,
      })),
    }))
    .sort((a, b) => a.department.localeCompare(b.department) || a.name.localeCompare(b.name));
  return { weeks, specialists };
}

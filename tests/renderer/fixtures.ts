import { ApiError } from '../../shared/api/errors';
import type { BoardView, PlanInfo, RequestCard, SpecialistRow } from '../../shared/api';
import type { Flag, FlagKind } from '../../shared/domain';
import { FLAG_KINDS, weekRange } from '../../shared/domain';

export const plan: PlanInfo = {
  path: '/tmp/test.db',
  name: 'Test plan',
  currency: 'EUR',
  minorDigits: 2,
  schemaVersion: 1,
  counts: { departments: 2, specialists: 2, requests: 3, allocations: 4, holidays: 0 },
  span: { from: '2026-W48', to: '2027-W02' },
};

export function card(over: Partial<RequestCard> & Pick<RequestCard, 'id' | 'stage'>): RequestCard {
  return {
    ref: Number(over.id.replace(/\D/g, '')) || 1,
    title: `Request ${over.id}`,
    service: 'Billing',
    requester: 'Lena Hoffmann',
    priority: 'high',
    status: 'approved',
    startWeek: '2026-W48',
    endWeek: '2026-W51',
    budgetMinor: 1_200_000,
    costMinor: 600_000,
    budgetState: 'ok',
    staffing: 'partly staffed',
    demand: [],
    people: [],
    ...over,
  };
}

export function board(from: string, to: string): BoardView {
  const weeks = weekRange(from, to);
  return {
    weeks,
    currency: 'EUR',
    minorDigits: 2,
    lanes: [
      {
        stage: 'design',
        requests: [
          card({
            id: 'REQ-1',
            stage: 'design',
            demand: [
              {
                ref: 1,
                skill: 'PostgreSQL',
                minLevel: 3,
                minutesPerWeek: 960,
                startWeek: '2026-W48',
                endWeek: '2026-W49',
                weeks: [
                  { week: '2026-W48', served: 480, demanded: 960 },
                  { week: '2026-W49', served: 960, demanded: 960 },
                ],
              },
            ],
            people: [{ specialistRef: 1, specialistId: 'E1', name: 'Ana Souza', minutes: 1440, tentativeMinutes: 0 }],
          }),
        ],
      },
      { stage: 'transition', requests: [card({ id: 'REQ-2', stage: 'transition', costMinor: 1_300_001, budgetState: 'overrun' })] },
      { stage: 'operation', requests: [card({ id: 'REQ-3', stage: 'operation', budgetMinor: null, budgetState: 'none' })] },
    ],
  };
}

export function specialists(from: string, to: string, count = 2): { weeks: string[]; specialists: SpecialistRow[] } {
  const weeks = weekRange(from, to);
  return {
    weeks,
    specialists: Array.from({ length: count }, (_, i) => ({
      ref: i + 1,
      id: `E${i + 1}`,
      name: i === 0 ? 'Ana Souza' : `Specialist ${i + 1}`,
      department: 'Database Services',
      role: null,
      weeklyMinutes: 2400,
      hourlyRateMinor: 8000,
      skills: [{ name: 'PostgreSQL', level: 4 }],
      weeks: weeks.map((week, j) => ({ week, capacity: 2400, allocated: i === 0 && j === 0 ? 2640 : 960, tentative: 0 })),
    })),
  };
}

export function flags(): { flags: Flag[]; counts: Record<FlagKind, number> } {
  const list: Flag[] = [
    {
      kind: 'over_allocation',
      week: '2026-W48',
      specialistId: 'E1',
      requestId: null,
      specialistRef: 1,
      requestRef: null,
      detail: 'Ana Souza: 44:00 of 40:00 h, 110%',
    },
    {
      kind: 'cost_overrun',
      week: null,
      specialistId: null,
      requestId: 'REQ-2',
      specialistRef: null,
      requestRef: 2,
      detail: 'Request REQ-2: cost 13,000.01 of budget 12,000.00, 108%, 1,000.01 over',
    },
  ];
  const counts = Object.fromEntries(FLAG_KINDS.map((k) => [k, 0])) as Record<FlagKind, number>;
  for (const f of list) counts[f.kind]++;
  return { flags: list, counts };
}

export type Handler = (input: Record<string, unknown>) => unknown;
export type Calls = { name: string; input: Record<string, unknown> }[];

/**
 * Stands in for the desktop bridge (window.tmPlanner) with fake operations; records every
 * call so a test can check what the screen asked for.
 */
export function fakeBridge(handlers: Record<string, Handler>): Calls {
  const calls: Calls = [];
  window.tmPlanner = {
    invoke: (async (name: string, input: Record<string, unknown>) => {
      calls.push({ name, input });
      const h = handlers[name];
      if (!h) throw new ApiError('unknown-operation', `no fake for ${name}`);
      return h(input);
    }) as never,
    on: () => () => {},
    platform: 'linux',
  };
  return calls;
}

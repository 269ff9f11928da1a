/**
 * Seeded generator of a large, realistic plan for `npm run bench`: the same seed gives the
 * same CSV texts byte for byte, so timings of two runs compare the same work. Nothing here
 * reads the clock; the horizon starts at a fixed week.
 *
 * The plan is built to raise every kind of flag in realistic numbers: teams are chosen
 * by skill with light load balancing (so over-allocation comes from weekly peaks, not
 * from a random pile-up), a few staff are unqualified for their line, some runs stray a
 * week outside their request, people keep working through leave, some demand is short,
 * and budgets are set around the cost the allocations really produce.
 */
import { addIsoWeeks, allocationCost, formatMoney, roundDiv, seededRandom, weekDates } from '../../shared/domain';
import { csvText } from '../../electron/backend/export/csv-write';

export interface GenerateOptions {
  seed: number;
  specialists: number;
  requests: number;
  weeks: number;
  allocations: number;
  /** First week of the horizon, e.g. 2027-W01. */
  startWeek: string;
}

export const BENCH_PLAN: GenerateOptions = {
  seed: 20270101,
  specialists: 2_000,
  requests: 5_000,
  weeks: 52,
  allocations: 250_000,
  startWeek: '2027-W01',
};

/** The CSV kinds in the order they must be imported (allocations need all the others). */
export const SETUP_KINDS = ['specialists', 'holidays', 'time-off', 'requests', 'demand'] as const;

export interface GeneratedPlan {
  options: GenerateOptions;
  weeks: string[];
  csv: Record<(typeof SETUP_KINDS)[number] | 'allocations', string>;
  counts: {
    departments: number;
    skills: number;
    specialists: number;
    holidays: number;
    timeOff: number;
    requests: number;
    demandLines: number;
    allocations: number;
    tentative: number;
  };
}

const DEPARTMENTS: readonly [string, readonly string[]][] = [
  ['Database Services', ['PostgreSQL', 'Oracle', 'SQL Server', 'MongoDB', 'Kafka']],
  ['Network Engineering', ['Cisco', 'Juniper', 'BGP', 'Load Balancers', 'SD-WAN']],
  ['Storage & Backup', ['NetApp', 'Pure Storage', 'Backup', 'Ceph', 'Tape Libraries']],
  ['Cloud Platform', ['AWS', 'Azure', 'Kubernetes', 'Terraform', 'GCP']],
  ['Security Engineering', ['Security Design', 'Firewalls', 'Vulnerability Mgmt', 'PKI', 'SIEM']],
  ['Server & OS', ['RHEL', 'Windows Server', 'VMware', 'Hyper-V', 'Patching']],
  ['Middleware', ['WebLogic', 'Tomcat', 'RabbitMQ', 'IBM MQ', 'API Gateway']],
  ['Identity & Access', ['Active Directory', 'Entra ID', 'Keycloak', 'LDAP', 'PAM']],
  ['Observability', ['Prometheus', 'Grafana', 'Splunk', 'Elastic', 'OpenTelemetry']],
  ['End-User Computing', ['Intune', 'Citrix', 'M365', 'SCCM', 'Service Desk Tools']],
];
const CROSS_SKILLS = ['Linux', 'Python', 'Ansible', 'ITIL', 'Bash'];

const FIRST = [
  'Ana',
  'Bernd',
  'Chloé',
  'Dmitri',
  'Eva',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kira',
  'Lars',
  'Maya',
  'Nils',
  'Olga',
  'Pablo',
  'Quinn',
  'Rosa',
  'Samir',
  'Tess',
  'Umar',
  'Vera',
  'Wen',
  'Xavier',
  'Yara',
  'Zoe',
  'Aksel',
  'Bea',
  'Cem',
  'Dana',
  'Emil',
  'Fatima',
  'Goran',
  'Hana',
  'Ivo',
  'Julia',
  'Kwame',
  'Lena',
  'Marco',
  'Nadia',
];
const LAST = [
  'Souza',
  'Keller',
  'Martin',
  'Volkov',
  'Lindqvist',
  'Haddad',
  'Okafor',
  'Tanaka',
  'Duarte',
  'Weber',
  'Novak',
  'Jensen',
  'Patel',
  'Berg',
  'Ivanova',
  'Ruiz',
  'Murphy',
  'Fischer',
  'Khan',
  'Nguyen',
  'Ali',
  'Schmidt',
  'Li',
  'Dubois',
  'Costa',
  'Adams',
  'Moen',
  'Romano',
  'Yilmaz',
  'Weiss',
  "O'Brien",
  'Kowalski',
  'Horvat',
  'Sato',
  'Mensah',
  'Hoffmann',
  'Bianchi',
  'Olsen',
  'Demir',
  'Raman',
];
const ROLES = ['Engineer', 'Senior Engineer', 'Architect', 'Junior Engineer', 'Specialist', 'Lead'];

const CALENDARS: readonly [string, readonly [string, string][]][] = [
  [
    'DE-BY',
    [
      ['2027-01-01', 'Neujahr'],
      ['2027-01-06', 'Heilige Drei Könige'],
      ['2027-03-26', 'Karfreitag'],
      ['2027-03-29', 'Ostermontag'],
      ['2027-05-01', 'Tag der Arbeit'],
      ['2027-05-06', 'Christi Himmelfahrt'],
      ['2027-05-17', 'Pfingstmontag'],
      ['2027-05-27', 'Fronleichnam'],
      ['2027-08-15', 'Mariä Himmelfahrt'],
      ['2027-10-03', 'Tag der Deutschen Einheit'],
      ['2027-11-01', 'Allerheiligen'],
      ['2027-12-24', 'Heiligabend (Betriebsruhe)'],
      ['2027-12-25', '1. Weihnachtstag'],
      ['2027-12-26', '2. Weihnachtstag'],
      ['2027-12-31', 'Silvester (Betriebsruhe)'],
    ],
  ],
  [
    'GB-ENG',
    [
      ['2027-01-01', "New Year's Day"],
      ['2027-03-26', 'Good Friday'],
      ['2027-03-29', 'Easter Monday'],
      ['2027-05-03', 'Early May bank holiday'],
      ['2027-05-31', 'Spring bank holiday'],
      ['2027-08-30', 'Summer bank holiday'],
      ['2027-12-27', 'Christmas Day (substitute day)'],
      ['2027-12-28', 'Boxing Day (substitute day)'],
    ],
  ],
  [
    'FR',
    [
      ['2027-01-01', "Jour de l'an"],
      ['2027-03-29', 'Lundi de Pâques'],
      ['2027-05-01', 'Fête du Travail'],
      ['2027-05-06', 'Ascension'],
      ['2027-05-08', 'Victoire 1945'],
      ['2027-05-17', 'Lundi de Pentecôte'],
      ['2027-07-14', 'Fête nationale'],
      ['2027-08-15', 'Assomption'],
      ['2027-11-01', 'Toussaint'],
      ['2027-11-11', 'Armistice'],
      ['2027-12-25', 'Noël'],
    ],
  ],
  [
    'US',
    [
      ['2027-01-01', "New Year's Day"],
      ['2027-01-18', 'Martin Luther King Jr. Day'],
      ['2027-02-15', "Washington's Birthday"],
      ['2027-05-31', 'Memorial Day'],
      ['2027-06-18', 'Juneteenth (observed)'],
      ['2027-07-05', 'Independence Day (observed)'],
      ['2027-09-06', 'Labor Day'],
      ['2027-11-25', 'Thanksgiving'],
      ['2027-11-26', 'Day after Thanksgiving'],
      ['2027-12-24', 'Christmas Day (observed)'],
    ],
  ],
];

const SERVICES = [
  'Payments',
  'Billing',
  'Customer Portal',
  'Data Centre',
  'Container Platform',
  'Storage',
  'Backup',
  'Cloud',
  'Remote Access',
  'Security',
  'PKI',
  'HR Systems',
  'Data Warehouse',
  'E-Mail',
  'Identity',
  'Monitoring',
  'CRM',
  'ERP',
  'Mobile App',
  'Intranet',
];
const REQUESTERS = [
  'Lena Hoffmann',
  'Marco Bianchi',
  'Sven Olsen',
  'Priya Raman',
  'Aylin Demir',
  'Ops Desk',
  'Security Office',
  'Tomás Silva',
  'Keiko Mori',
  'Ruth Abebe',
  'Jan Kowalczyk',
  'Sofia Rossi',
];
const TITLES: Record<'design' | 'transition' | 'operation', readonly string[]> = {
  design: ['Architecture review', 'Capacity model', 'Security design', 'Resilience design', 'Network design', 'Data platform design'],
  transition: ['Migration', 'Release build and test', 'Deployment weekend', 'Knowledge transfer', 'Platform rollout', 'Upgrade'],
  operation: [
    'Patching rota',
    'Major incident support',
    'Problem investigation',
    'Run work',
    'Vulnerability remediation',
    'Certificate renewals',
  ],
};

interface Spec {
  code: string;
  dept: number;
  weeklyHours: number;
  rateMinor: number;
  skills: Map<string, number>;
}

interface Req {
  code: string;
  dept: number;
  stage: 'design' | 'transition' | 'operation';
  status: string;
  start: number;
  end: number;
  lines: Line[];
}

interface Line {
  skill: string;
  minLevel: number;
  hours: number;
  start: number;
  end: number;
  explicitRange: boolean;
}

/** Hours as a user types them: mostly whole or half hours, sometimes two decimals. */
function hoursText(hundredths: number): string {
  return hundredths % 100 === 0 ? String(hundredths / 100) : formatMoney(hundredths, 2);
}

export function generatePlan(o: GenerateOptions = BENCH_PLAN): GeneratedPlan {
  const rnd = seededRandom(o.seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const chance = (p: number): boolean => rnd() < p;
  const weighted = <T>(pairs: readonly [T, number][]): T => {
    let x = rnd() * pairs.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of pairs) if ((x -= w) < 0) return v;
    return pairs[pairs.length - 1]![0];
  };
  const W = o.weeks;
  const weeks = Array.from({ length: W }, (_, i) => addIsoWeeks(o.startWeek, i));
  const dates = weeks.map((w) => weekDates(w));

  // Specialists ---------------------------------------------------------------------------
  const specs: Spec[] = [];
  const specialistRows: (string | number)[][] = [];
  const holders = new Map<string, { spec: number; level: number }[]>();
  const byDept: number[][] = DEPARTMENTS.map(() => []);
  const shuffled = <T>(xs: readonly T[]): T[] => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  const level = (): number =>
    weighted([
      [1, 5],
      [2, 15],
      [3, 35],
      [4, 30],
      [5, 15],
    ]);
  for (let i = 0; i < o.specialists; i++) {
    const dept = i % DEPARTMENTS.length;
    const [deptName, pool] = DEPARTMENTS[dept]!;
    const skills = new Map<string, number>();
    const own = shuffled(pool).slice(0, int(2, 3));
    for (const s of own) skills.set(s, level());
    if (chance(0.4)) skills.set(pick(CROSS_SKILLS), level());
    if (chance(0.15)) skills.set(pick(DEPARTMENTS[(dept + int(1, DEPARTMENTS.length - 1)) % DEPARTMENTS.length]![1]), int(1, 3));
    const [hours, days] = weighted<[number, string]>([
      [[40, ''], 70],
      [[37.5, 'Mon,Tue,Wed,Thu,Fri'], 10],
      [[32, 'Mon,Tue,Wed,Thu'], 8],
      [[36, ''], 4],
      [[20, ''], 5],
      [[24, 'Mon,Tue,Wed'], 3],
    ]);
    const rateMinor = int(45, 125) * 100 + (chance(0.3) ? int(1, 99) : 0);
    const calendar = weighted([
      ['DE-BY', 35],
      ['GB-ENG', 30],
      ['FR', 15],
      ['US', 10],
      ['', 10],
    ]);
    // A few join or leave during the year: their weeks outside employment have no capacity.
    const startDate = chance(0.02) ? dates[int(4, W - 8)]![int(0, 4)]! : '';
    const endDate = !startDate && chance(0.02) ? dates[int(8, W - 4)]![int(0, 4)]! : '';
    const code = `E${String(i + 1).padStart(5, '0')}`;
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
    specs.push({ code, dept, weeklyHours: hours, rateMinor, skills });
    byDept[dept]!.push(i);
    for (const [s, l] of skills) {
      let list = holders.get(s);
      if (!list) holders.set(s, (list = []));
      list.push({ spec: i, level: l });
    }
    specialistRows.push([
      code,
      name,
      deptName,
      `${pick(ROLES)}`,
      hours,
      days,
      formatMoney(rateMinor, 2),
      calendar,
      [...skills].map(([s, l]) => `${s}:${l}`).join(';'),
      `${code.toLowerCase()}@example.org`,
      startDate,
      endDate,
    ]);
  }

  // Holidays ------------------------------------------------------------------------------
  const holidayRows = CALENDARS.flatMap(([cal, days]) => days.map(([date, name]) => [cal, date, name]));

  // Time off: vacations of one or two weeks, sick days, part-day training -------------------
  const timeOffRows: (string | number)[][] = [];
  for (let i = 0; i < specs.length; i++) {
    const code = specs[i]!.code;
    const seen = new Set<string>();
    const add = (start: string, end: string, hours: string, reason: string): void => {
      if (seen.has(`${start}|${end}`)) return;
      seen.add(`${start}|${end}`);
      timeOffRows.push([code, start, end, hours, reason]);
    };
    if (chance(0.6)) {
      const w = int(0, W - 2);
      const len = chance(0.6) ? 1 : 2;
      add(dates[w]![0]!, dates[Math.min(W - 1, w + len - 1)]![4]!, '', 'leave');
    }
    if (chance(0.25)) {
      const w = int(0, W - 1);
      const d = int(0, 3);
      add(dates[w]![d]!, dates[w]![d + int(0, 1)]!, '', 'sick');
    }
    if (chance(0.15)) {
      const w = int(0, W - 1);
      const d = int(0, 4);
      add(dates[w]![d]!, dates[w]![d]!, pick(['4', '2.5', '6', '3.75']), 'training');
    }
  }

  // Requests and demand lines -------------------------------------------------------------
  const reqs: Req[] = [];
  for (let i = 0; i < o.requests; i++) {
    const stage = weighted<Req['stage']>([
      ['design', 30],
      ['transition', 35],
      ['operation', 35],
    ]);
    const len = stage === 'design' ? int(2, 8) : stage === 'transition' ? int(3, 12) : int(6, 26);
    const start = int(0, W - 2);
    const end = Math.min(W - 1, start + len - 1);
    const status = weighted([
      ['approved', 50],
      ['submitted', 25],
      ['draft', 10],
      ['closed', 10],
      ['cancelled', 3],
      ['rejected', 2],
    ]);
    const dept = int(0, DEPARTMENTS.length - 1);
    const pool = shuffled([...DEPARTMENTS[dept]![1], ...(chance(0.2) ? [pick(CROSS_SKILLS)] : [])]);
    const nLines = weighted([
      [1, 35],
      [2, 40],
      [3, 25],
    ]);
    const lines: Line[] = [];
    for (let k = 0; k < nLines; k++) {
      const sub = chance(0.3) && end > start;
      const ls = sub ? int(start, end - 1) : start;
      const le = sub ? int(ls, end) : end;
      lines.push({
        skill: pool[k]!,
        minLevel: weighted([
          [2, 30],
          [3, 50],
          [4, 20],
        ]),
        hours: 4 * int(1, 8),
        start: ls,
        end: le,
        explicitRange: sub,
      });
    }
    reqs.push({ code: `REQ-${String(i + 1).padStart(5, '0')}`, dept, stage, status, start, end, lines });
  }

  // Allocations ---------------------------------------------------------------------------
  const N = o.allocations;
  const load = new Float64Array(specs.length * W); // hours per specialist-week, for balancing
  const keys = new Set<number>();
  const cost = new Float64Array(reqs.length);
  const allocRows: string[][] = [];
  let tentative = 0;
  const put = (spec: number, req: number, w: number, hundredths: number, status: string, skill: string, note: string): boolean => {
    if (allocRows.length >= N) return false;
    const key = (spec * reqs.length + req) * W + w;
    if (keys.has(key)) return true;
    keys.add(key);
    load[spec * W + w]! += hundredths / 100;
    cost[req]! += allocationCost(roundDiv(hundredths * 60, 100), specs[spec]!.rateMinor);
    if (status === 'tentative') tentative++;
    allocRows.push([specs[spec]!.code, reqs[req]!.code, weeks[w]!, hoursText(hundredths), status, skill, note]);
    return true;
  };
  /** Of a few candidates, the one with the least load over the weeks: light balancing. */
  const leastLoaded = (candidates: readonly number[], from: number, to: number, tries: number): number => {
    let best = -1;
    let bestLoad = Infinity;
    for (let t = 0; t < tries; t++) {
      const c = pick(candidates);
      let l = 0;
      for (let w = from; w <= to; w++) l += load[c * W + w]! / specs[c]!.weeklyHours;
      if (l < bestLoad) {
        best = c;
        bestLoad = l;
      }
    }
    return best;
  };
  const notes = ['', '', '', '', '', '', 'cut-over, weekend', 'on call', 'remote', 'shadowing "new joiner"'];

  // Phase A: staff the demand lines, most fully, some short; a few people lack the level.
  outer: for (let r = 0; r < reqs.length; r++) {
    const req = reqs[r]!;
    if (req.status === 'draft' && chance(0.6)) continue;
    for (const line of req.lines) {
      const all = holders.get(line.skill) ?? [];
      const qualified = all.filter((h) => h.level >= line.minLevel).map((h) => h.spec);
      const under = all.filter((h) => h.level < line.minLevel).map((h) => h.spec);
      const k = line.hours <= 12 ? 1 : line.hours <= 24 ? int(1, 2) : int(2, 3);
      const team: number[] = [];
      for (let m = 0; m < k; m++) {
        const unqualified = under.length > 0 && (qualified.length === 0 || chance(0.06));
        const from = unqualified ? under : qualified.length > 0 ? qualified : byDept[req.dept]!;
        const c = leastLoaded(from, line.start, line.end, 4);
        if (!team.includes(c)) team.push(c);
      }
      const short = chance(0.25);
      const status = req.status === 'draft' || chance(0.15) ? 'tentative' : 'confirmed';
      for (let w = line.start; w <= line.end; w++) {
        if (short && chance(0.3)) continue; // a week nobody covers
        const share = (line.hours * 100) / team.length;
        for (const c of team) {
          let h = short ? share * (0.5 + rnd() * 0.4) : share;
          h = chance(0.15) ? Math.round(h) : Math.round(h / 50) * 50; // mostly half hours
          h = Math.max(200, Math.min(2400, h));
          if (!put(c, r, w, h, status, line.skill, pick(notes))) break outer;
        }
      }
    }
  }

  // Phase B: hand staffing without a named line (the import matches a line when it can),
  // a few runs stray a week outside their request.
  while (allocRows.length < N) {
    const r = int(0, reqs.length - 1);
    const req = reqs[r]!;
    const from = int(req.start, req.end);
    const to = Math.min(req.end, from + int(0, 5));
    const pool = chance(0.7) ? byDept[req.dept]! : byDept[int(0, DEPARTMENTS.length - 1)]!;
    const c = leastLoaded(pool, from, to, 3);
    const status = chance(0.15) ? 'tentative' : 'confirmed';
    const base = weighted([
      [int(2, 16) * 100, 70],
      [int(4, 32) * 50, 20],
      [int(200, 1600), 10],
    ]);
    for (let w = from; w <= to; w++) put(c, r, w, base, status, '', '');
    if (chance(0.02)) {
      const stray = req.end + 1 < W ? req.end + 1 : req.start - 1;
      if (stray >= 0) put(c, r, stray, base, status, '', 'stray week');
    }
  }

  // Budgets around the real cost: some overrun, some at risk, most fine, some none.
  const requestRows = reqs.map((req, r) => {
    const c = cost[r]!;
    const budgetMinor = chance(0.15)
      ? null
      : c === 0
        ? int(50, 500) * 10_000
        : Math.round(
            c *
              weighted([
                [0.7 + rnd() * 0.29, 10],
                [1 + rnd() * 0.1, 10],
                [1.15 + rnd() * 0.85, 80],
              ]),
          );
    return [
      req.code,
      `${pick(TITLES[req.stage])}: ${pick(SERVICES)}`,
      req.stage,
      pick(SERVICES),
      pick(REQUESTERS),
      weighted([
        ['critical', 5],
        ['high', 25],
        ['medium', 50],
        ['low', 20],
      ]),
      req.status,
      weeks[req.start]!,
      weeks[req.end]!,
      budgetMinor === null ? '' : formatMoney(budgetMinor, 2),
    ];
  });
  const demandRows = reqs.flatMap((req) =>
    req.lines.map((l) => [
      req.code,
      l.skill,
      l.minLevel,
      l.hours,
      l.explicitRange ? weeks[l.start]! : '',
      l.explicitRange ? weeks[l.end]! : '',
    ]),
  );

  const skills = new Set([...holders.keys(), ...reqs.flatMap((r) => r.lines.map((l) => l.skill))]);
  return {
    options: o,
    weeks,
    csv: {
      specialists: csvText(
        [
          'id',
          'name',
          'department',
          'role',
          'weekly_hours',
          'working_days',
          'hourly_rate',
          'calendar',
          'skills',
          'email',
          'start_date',
          'end_date',
        ],
        specialistRows,
      ),
      holidays: csvText(['calendar', 'date', 'name'], holidayRows),
      'time-off': csvText(['specialist_id', 'start_date', 'end_date', 'hours_per_day', 'reason'], timeOffRows),
      requests: csvText(
        ['id', 'title', 'stage', 'service', 'requester', 'priority', 'status', 'start_week', 'end_week', 'budget'],
        requestRows,
      ),
      demand: csvText(['request_id', 'skill', 'min_level', 'hours_per_week', 'start_week', 'end_week'], demandRows),
      allocations: csvText(['specialist_id', 'request_id', 'week', 'hours', 'status', 'skill', 'note'], allocRows),
    },
    counts: {
      departments: DEPARTMENTS.length,
      skills: skills.size,
      specialists: specs.length,
      holidays: holidayRows.length,
      timeOff: timeOffRows.length,
      requests: reqs.length,
      demandLines: demandRows.length,
      allocations: allocRows.length,
      tentative,
    },
  };
}

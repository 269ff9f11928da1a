import { addIsoWeeks, formatHours, seededRandom, weekDates, type IsoWeek } from '../../../shared/domain';
import { importCsv } from '../import';
import { csvText } from '../export/csv-write';
import { loadPublicHolidays } from '../import/public-holidays';
import type { PlanSession } from '../plan-session';

/**
 * A realistic sample plan around `thisWeek` (the backend clock's week), written through the same CSV import a
 * user runs, so the demo exercises the real path. It is built to raise every kind of flag.
 */
export function fillDemoPlan(session: PlanSession, thisWeek: IsoWeek): void {
  const w = (n: number): string => addIsoWeeks(thisWeek, n);
  const day = (n: number, d: number): string => weekDates(w(n))[d]!;
  const rnd = seededRandom(20261126);
  const year = Number(thisWeek.slice(0, 4));

  const specialists = [
    // id, name, department, role, hours, days, rate, calendar, skills
    ['E1001', 'Ana Souza', 'Database Services', 'Senior DBA', 40, '', 85, 'DE-BY', 'PostgreSQL:5;Oracle:3;Linux:4'],
    ['E1002', 'Bernd Keller', 'Database Services', 'DBA', 40, '', 70, 'DE-BY', 'Oracle:5;PostgreSQL:3;SQL Server:2'],
    ['E1003', 'Chloé Martin', 'Database Services', 'DBA', 32, 'Mon,Tue,Wed,Thu', 68, 'DE-BY', 'SQL Server:4;PostgreSQL:3'],
    ['E1004', 'Dmitri Volkov', 'Database Services', 'Data Engineer', 40, '', 75, 'DE-BY', 'PostgreSQL:4;Kafka:4;Python:3'],
    ['E1005', 'Eva Lindqvist', 'Database Services', 'Junior DBA', 40, '', 52, 'DE-BY', 'PostgreSQL:2;Linux:2'],
    ['E1006', 'Farid Haddad', 'Database Services', 'DBA', 37.5, '', 66, 'GB-ENG', 'Oracle:4;Linux:3'],
    ['E2001', 'Grace Okafor', 'Network Engineering', 'Network Architect', 40, '', 92, 'GB-ENG', 'Cisco:5;Firewalls:4;BGP:5'],
    ['E2002', 'Hiro Tanaka', 'Network Engineering', 'Network Engineer', 40, '', 64, 'GB-ENG', 'Cisco:4;BGP:3;Load Balancers:3'],
    ['E2003', 'Ines Duarte', 'Network Engineering', 'Network Engineer', 40, '', 61, 'DE-BY', 'Juniper:4;Cisco:3'],
    ['E2004', 'Jonas Weber', 'Network Engineering', 'Network Engineer', 20, '', 60, 'DE-BY', 'Load Balancers:4;Cisco:2'],
    ['E2005', 'Kira Novak', 'Network Engineering', 'Firewall Engineer', 40, '', 71, 'DE-BY', 'Firewalls:5;Cisco:3'],
    ['E2006', 'Lars Jensen', 'Network Engineering', 'Network Engineer', 40, '', 58, 'GB-ENG', 'Cisco:3;Juniper:2'],
    ['E3001', 'Maya Patel', 'Storage & Backup', 'Storage Lead', 40, '', 80, 'GB-ENG', 'NetApp:5;Backup:4;Linux:3'],
    ['E3002', 'Nils Berg', 'Storage & Backup', 'Storage Engineer', 40, '', 62, 'DE-BY', 'NetApp:3;Pure Storage:4'],
    ['E3003', 'Olga Ivanova', 'Storage & Backup', 'Backup Engineer', 40, '', 57, 'DE-BY', 'Backup:5;Linux:3'],
    ['E3004', 'Pablo Ruiz', 'Storage & Backup', 'Storage Engineer', 30, 'Mon,Tue,Wed', 63, 'DE-BY', 'Pure Storage:3;NetApp:2'],
    ['E3005', 'Quinn Murphy', 'Storage & Backup', 'Backup Engineer', 40, '', 55, 'GB-ENG', 'Backup:3;Windows Server:3'],
    ['E4001', 'Rosa Fischer', 'Cloud Platform', 'Cloud Architect', 40, '', 95, 'DE-BY', 'AWS:5;Kubernetes:4;Terraform:4'],
    ['E4002', 'Samir Khan', 'Cloud Platform', 'Platform Engineer', 40, '', 78, 'GB-ENG', 'Kubernetes:5;Terraform:4;Linux:4'],
    ['E4003', 'Tess Nguyen', 'Cloud Platform', 'Platform Engineer', 40, '', 74, 'DE-BY', 'Azure:4;Terraform:3;Kubernetes:3'],
    ['E4004', 'Umar Ali', 'Cloud Platform', 'Platform Engineer', 40, '', 72, 'DE-BY', 'AWS:4;Kubernetes:3;Python:3'],
    ['E4005', 'Vera Schmidt', 'Cloud Platform', 'SRE', 40, '', 76, 'DE-BY', 'Kubernetes:4;Linux:5;Python:4'],
    ['E4006', 'Wen Li', 'Cloud Platform', 'Junior Engineer', 40, '', 50, 'GB-ENG', 'AWS:2;Terraform:2'],
    ['E4007', 'Xavier Dubois', 'Cloud Platform', 'Platform Engineer', 36, '', 73, 'DE-BY', 'Azure:5;Windows Server:4'],
    ['E5001', 'Yara Costa', 'Security Engineering', 'Security Architect', 40, '', 98, 'GB-ENG', 'Security Design:5;Firewalls:4;AWS:3'],
    ['E5002', 'Zoe Adams', 'Security Engineering', 'Security Engineer', 40, '', 70, 'GB-ENG', 'Vulnerability Mgmt:4;Linux:3'],
    ['E5003', 'Aksel Moen', 'Security Engineering', 'Security Engineer', 40, '', 69, 'DE-BY', 'Security Design:3;Azure:3'],
    ['E5004', 'Bea Romano', 'Security Engineering', 'PKI Engineer', 24, 'Mon,Tue,Wed', 67, 'DE-BY', 'PKI:5;Windows Server:3'],
    ['E5005', 'Cem Yilmaz', 'Security Engineering', 'Security Engineer', 40, '', 65, 'DE-BY', 'Vulnerability Mgmt:3;Firewalls:3'],
    ['E5006', 'Dana Weiss', 'Security Engineering', 'SOC Analyst', 40, '', 54, 'GB-ENG', 'Vulnerability Mgmt:2;Linux:2'],
  ] as const;

  const requests = [
    // id, title, stage, service, requester, priority, status, start, end, budget
    ['REQ-101', 'Capacity model for Payments 2.0', 'design', 'Payments', 'Lena Hoffmann', 'high', 'approved', 0, 5, 24000],
    [
      'REQ-102',
      'Security design review: Customer Portal',
      'design',
      'Customer Portal',
      'Marco Bianchi',
      'critical',
      'approved',
      -1,
      3,
      18000,
    ],
    ['REQ-103', 'Network segmentation design for DC2', 'design', 'Data Centre', 'Sven Olsen', 'medium', 'submitted', 1, 7, 15000],
    ['REQ-104', 'Kubernetes platform architecture', 'design', 'Container Platform', 'Priya Raman', 'high', 'submitted', 2, 9, null],
    ['REQ-201', 'Oracle 19c to PostgreSQL migration', 'transition', 'Billing', 'Lena Hoffmann', 'critical', 'approved', -2, 7, 60000],
    ['REQ-202', 'Release 24.3 build and test', 'transition', 'Customer Portal', 'Marco Bianchi', 'high', 'approved', 0, 3, 9000],
    ['REQ-203', 'Storage array refresh, weekend cut-over', 'transition', 'Storage', 'Sven Olsen', 'high', 'approved', 1, 2, 5200],
    ['REQ-204', 'Knowledge transfer: new backup platform', 'transition', 'Backup', 'Aylin Demir', 'medium', 'submitted', 3, 6, 8000],
    ['REQ-205', 'Azure landing zone rollout', 'transition', 'Cloud', 'Priya Raman', 'medium', 'draft', 4, 11, 45000],
    ['REQ-301', 'Database patching rota', 'operation', 'All databases', 'Ops Desk', 'medium', 'approved', -4, 12, null],
    ['REQ-302', 'Major incident support: storage latency', 'operation', 'Storage', 'Ops Desk', 'critical', 'approved', 0, 1, 3000],
    ['REQ-303', 'Problem investigation: intermittent VPN drops', 'operation', 'Remote Access', 'Ops Desk', 'high', 'approved', 0, 2, 4000],
    ['REQ-304', 'Quarterly vulnerability remediation', 'operation', 'Security', 'Security Office', 'high', 'approved', -1, 6, 20000],
    ['REQ-305', 'Certificate renewal campaign', 'operation', 'PKI', 'Security Office', 'low', 'approved', 2, 4, 2500],
  ] as const;

  const demand = [
    // request, skill, level, hours/week, from, to (week offsets; null = request's)
    ['REQ-101', 'PostgreSQL', 4, 16, null, null],
    ['REQ-101', 'Kafka', 3, 8, null, null],
    ['REQ-102', 'Security Design', 4, 20, null, null],
    ['REQ-103', 'Cisco', 4, 24, null, null],
    ['REQ-103', 'Firewalls', 4, 8, 2, 5],
    ['REQ-104', 'Kubernetes', 4, 24, null, null],
    ['REQ-201', 'PostgreSQL', 3, 32, null, null],
    ['REQ-201', 'Oracle', 4, 16, null, null],
    ['REQ-202', 'Linux', 3, 16, null, null],
    ['REQ-203', 'Pure Storage', 3, 24, null, null],
    ['REQ-203', 'NetApp', 4, 8, null, null],
    ['REQ-204', 'Backup', 4, 12, null, null],
    ['REQ-205', 'Azure', 4, 32, null, null],
    ['REQ-301', 'PostgreSQL', 2, 8, null, null],
    ['REQ-301', 'Oracle', 3, 8, null, null],
    ['REQ-302', 'NetApp', 4, 16, null, null],
    ['REQ-303', 'Cisco', 3, 12, null, null],
    ['REQ-304', 'Vulnerability Mgmt', 3, 24, null, null],
    ['REQ-305', 'PKI', 4, 8, null, null],
  ] as const;

  const alloc: [string, string, string, number | string, string, string][] = [];
  const put = (sid: string, rid: string, n: number, hours: number | string, status = 'confirmed', skill = ''): void => {
    alloc.push([sid, rid, w(n), hours, status, skill]);
  };
  // Ana: the journey's example, over-allocated this week (24 h + 20 h on 40 h = 110%).
  put('E1001', 'REQ-201', 0, 24, 'confirmed', 'PostgreSQL');
  put('E1001', 'REQ-101', 0, 20, 'tentative', 'PostgreSQL');
  for (let n = 1; n <= 5; n++) put('E1001', 'REQ-101', n, 16, n > 3 ? 'tentative' : 'confirmed', 'PostgreSQL');
  for (let n = 1; n <= 7; n++) put('E1001', 'REQ-201', n, 16, 'confirmed', 'PostgreSQL');
  // Migration team, partly staffed.
  for (let n = -2; n <= 7; n++) put('E1004', 'REQ-201', n, 16, n > 4 ? 'tentative' : 'confirmed', 'PostgreSQL');
  for (let n = -2; n <= 5; n++) put('E1002', 'REQ-201', n, 16, 'confirmed', 'Oracle');
  for (let n = 0; n <= 5; n++) put('E1004', 'REQ-101', n, 8, 'confirmed', 'Kafka');
  // A junior on a line that asks for L3: skill mismatch.
  for (let n = 0; n <= 2; n++) put('E1005', 'REQ-201', n, 12, 'tentative', 'PostgreSQL');
  // Patching rota.
  for (let n = -4; n <= 12; n++) {
    put('E1003', 'REQ-301', n, 8, 'confirmed', 'PostgreSQL');
    put('E1006', 'REQ-301', n, 8, 'confirmed', 'Oracle');
  }
  // Security design review, near its budget.
  for (let n = -1; n <= 3; n++) put('E5001', 'REQ-102', n, 20, 'confirmed', 'Security Design');
  for (let n = 0; n <= 2; n++) put('E5003', 'REQ-102', n, 12, 'confirmed', 'Security Design');
  // Release build and test.
  for (let n = 0; n <= 3; n++) put('E4005', 'REQ-202', n, 16, 'confirmed', 'Linux');
  // Storage cut-over: the weekend work runs over its small budget.
  put('E3002', 'REQ-203', 1, 30, 'confirmed', 'Pure Storage');
  put('E3002', 'REQ-203', 2, 30, 'confirmed', 'Pure Storage');
  put('E3001', 'REQ-203', 1, 12, 'confirmed', 'NetApp');
  put('E3001', 'REQ-203', 2, 12, 'confirmed', 'NetApp');
  // Major incident: Maya also covers it this week and next.
  put('E3001', 'REQ-302', 0, 16, 'confirmed', 'NetApp');
  put('E3001', 'REQ-302', 1, 20, 'confirmed', 'NetApp');
  // VPN problem.
  for (let n = 0; n <= 2; n++) put('E2002', 'REQ-303', n, 12, 'confirmed', 'Cisco');
  // Vulnerability remediation, with one allocation a week after the request ends.
  for (let n = -1; n <= 6; n++) put('E5002', 'REQ-304', n, 16, 'confirmed', 'Vulnerability Mgmt');
  for (let n = 0; n <= 6; n++) put('E5005', 'REQ-304', n, 8, 'confirmed', 'Vulnerability Mgmt');
  put('E5005', 'REQ-304', 7, 8, 'tentative');
  // Certificates: Bea is on leave in week +3.
  for (let n = 2; n <= 4; n++) put('E5004', 'REQ-305', n, 8, 'confirmed', 'PKI');
  // Network design and platform architecture, early staffing.
  for (let n = 1; n <= 4; n++) put('E2001', 'REQ-103', n, 16, n > 2 ? 'tentative' : 'confirmed', 'Cisco');
  for (let n = 2; n <= 5; n++) put('E2005', 'REQ-103', n, 8, 'confirmed', 'Firewalls');
  for (let n = 2; n <= 6; n++) put('E4002', 'REQ-104', n, 16, 'tentative', 'Kubernetes');
  // Cloud team on the landing zone draft (tentative) and a few hours of Rosa's time.
  for (let n = 4; n <= 8; n++) put('E4007', 'REQ-205', n, Math.round(8 + rnd() * 16), 'tentative', 'Azure');
  put('E4001', 'REQ-104', 2, 6.5, 'confirmed', 'Kubernetes');
  put('E4001', 'REQ-104', 3, 7.33, 'confirmed', 'Kubernetes');

  const timeOff = [
    ['E1005', day(1, 0), day(1, 4), '', 'leave'],
    ['E5004', day(3, 0), day(3, 6), '', 'leave'],
    ['E1003', day(0, 2), day(0, 2), '4', 'training'],
    ['E2003', day(2, 0), day(3, 4), '', 'leave'],
    ['E4003', day(0, 0), day(0, 1), '', 'sick'],
    ['E3001', day(4, 3), day(4, 4), '', 'leave'],
    ['E2004', day(1, 1), day(1, 1), '6', 'medical'],
  ];

  const db = session.db;
  for (const [calendar, country, region] of [
    ['DE-BY', 'DE', 'BY'],
    ['GB-ENG', 'GB', 'ENG'],
  ] as const) {
    session.write(() => loadPublicHolidays(db, { calendar, country, region, fromYear: year - 1, toYear: year + 1 }));
  }
  const imports: [Parameters<typeof importCsv>[1], string][] = [
    [
      'specialists',
      csvText(
        ['id', 'name', 'department', 'role', 'weekly_hours', 'working_days', 'hourly_rate', 'calendar', 'skills', 'email'],
        specialists.map(([id, name, dept, role, hours, days, rate, cal, skills]) => [
          id,
          name,
          dept,
          role,
          hours,
          days,
          rate.toFixed(2),
          cal,
          skills,
          `${name.split(' ')[0]!.toLowerCase()}@example.org`,
        ]),
      ),
    ],
    [
      'requests',
      csvText(
        ['id', 'title', 'stage', 'service', 'requester', 'priority', 'status', 'start_week', 'end_week', 'budget'],
        requests.map(([id, title, stage, service, requester, prio, status, from, to, budget]) => [
          id,
          title,
          stage,
          service,
          requester,
          prio,
          status,
          w(from),
          w(to),
          budget === null ? '' : budget.toFixed(2),
        ]),
      ),
    ],
    [
      'demand',
      csvText(
        ['request_id', 'skill', 'min_level', 'hours_per_week', 'start_week', 'end_week'],
        demand.map(([rid, skill, level, hours, from, to]) => [
          rid,
          skill,
          level,
          hours,
          from === null ? '' : w(from),
          to === null ? '' : w(to),
        ]),
      ),
    ],
    ['time-off', csvText(['specialist_id', 'start_date', 'end_date', 'hours_per_day', 'reason'], timeOff)],
    [
      'allocations',
      csvText(
        ['specialist_id', 'request_id', 'week', 'hours', 'status', 'skill'],
        alloc.map(([sid, rid, week, hours, status, skill]) => [
          sid,
          rid,
          week,
          typeof hours === 'number' ? formatHours(Math.round(hours * 60)) : hours,
          status,
          skill,
        ]),
      ),
    ],
  ];
  for (const [kind, text] of imports) importCsv(db, kind, `demo-${kind}.csv`, text);
  session.invalidate();
}

/**
 * Numbered migrations, bundled as code. `user_version` holds how many ran; the
 * `schema_migrations` table holds their names so a file whose history is not a prefix of
 * this list (a fork, a hand edit) is refused instead of being migrated on guesswork.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'plan-schema',
    sql: `
CREATE TABLE plan_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE departments (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
  head        TEXT,
  cost_centre TEXT
) STRICT;

CREATE TABLE skills (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL UNIQUE COLLATE NOCASE,
  category TEXT
) STRICT;

CREATE TABLE specialists (
  id                INTEGER PRIMARY KEY,
  code              TEXT NOT NULL UNIQUE,
  name              TEXT NOT NULL,
  department_id     INTEGER NOT NULL REFERENCES departments(id),
  role              TEXT,
  email             TEXT,
  weekly_minutes    INTEGER NOT NULL CHECK (weekly_minutes > 0 AND weekly_minutes <= 4800),
  working_days      TEXT NOT NULL DEFAULT 'Mon,Tue,Wed,Thu,Fri',
  hourly_rate_minor INTEGER NOT NULL CHECK (hourly_rate_minor >= 0),
  calendar          TEXT,
  start_date        TEXT,
  end_date          TEXT,
  active            INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE specialist_skills (
  specialist_id INTEGER NOT NULL REFERENCES specialists(id) ON DELETE CASCADE,
  skill_id      INTEGER NOT NULL REFERENCES skills(id),
  level         INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  PRIMARY KEY (specialist_id, skill_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE time_off (
  id              INTEGER PRIMARY KEY,
  specialist_id   INTEGER NOT NULL REFERENCES specialists(id) ON DELETE CASCADE,
  start_date      TEXT NOT NULL,
  end_date        TEXT NOT NULL,
  minutes_per_day INTEGER CHECK (minutes_per_day IS NULL OR minutes_per_day > 0),
  reason          TEXT,
  UNIQUE (specialist_id, start_date, end_date),
  CHECK (start_date <= end_date)
) STRICT;

CREATE TABLE holidays (
  calendar TEXT NOT NULL,
  date     TEXT NOT NULL,
  name     TEXT NOT NULL,
  source   TEXT NOT NULL DEFAULT 'csv',
  PRIMARY KEY (calendar, date)
) STRICT, WITHOUT ROWID;

CREATE TABLE requests (
  id               INTEGER PRIMARY KEY,
  code             TEXT NOT NULL UNIQUE,
  title            TEXT NOT NULL,
  stage            TEXT NOT NULL CHECK (stage IN ('design', 'transition', 'operation')),
  service          TEXT,
  requester        TEXT,
  priority         TEXT NOT NULL DEFAULT 'medium' CHECK (priority IN ('critical', 'high', 'medium', 'low')),
  status           TEXT NOT NULL DEFAULT 'submitted'
                   CHECK (status IN ('draft', 'submitted', 'approved', 'closed', 'rejected', 'cancelled')),
  rejection_reason TEXT,
  start_week       TEXT NOT NULL,
  end_week         TEXT NOT NULL,
  budget_minor     INTEGER CHECK (budget_minor IS NULL OR budget_minor >= 0),
  notes            TEXT,
  CHECK (start_week <= end_week)
) STRICT;

CREATE TABLE demand_lines (
  id               INTEGER PRIMARY KEY,
  request_id       INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
  skill_id         INTEGER NOT NULL REFERENCES skills(id),
  min_level        INTEGER NOT NULL DEFAULT 1 CHECK (min_level BETWEEN 1 AND 5),
  minutes_per_week INTEGER NOT NULL CHECK (minutes_per_week > 0),
  start_week       TEXT NOT NULL,
  end_week         TEXT NOT NULL,
  UNIQUE (request_id, skill_id, start_week),
  CHECK (start_week <= end_week)
) STRICT;

-- AUTOINCREMENT: undo history names rows by id, and an id must never come back for another row.
CREATE TABLE allocations (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  specialist_id  INTEGER NOT NULL REFERENCES specialists(id) ON DELETE CASCADE,
  request_id     INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
  week           TEXT NOT NULL,
  minutes        INTEGER NOT NULL CHECK (minutes > 0),
  status         TEXT NOT NULL DEFAULT 'confirmed' CHECK (status IN ('confirmed', 'tentative')),
  demand_line_id INTEGER REFERENCES demand_lines(id) ON DELETE SET NULL,
  note           TEXT,
  UNIQUE (specialist_id, request_id, week)
) STRICT;

CREATE INDEX allocations_by_request ON allocations(request_id, week);
CREATE INDEX allocations_by_week ON allocations(week);
CREATE INDEX demand_lines_by_request ON demand_lines(request_id);
CREATE INDEX time_off_by_specialist ON time_off(specialist_id, start_date);
`,
  },
  {
    version: 2,
    name: 'change-history',
    sql: `
-- Undo and redo live in the plan so they survive a restart. Each entry holds the row
-- images before and after one user action; undone entries form the redo stack and are
-- dropped when a new action is recorded.
CREATE TABLE history (
  id         INTEGER PRIMARY KEY,
  label      TEXT NOT NULL,
  changes    TEXT NOT NULL,
  undone     INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX history_by_state ON history(undone, id);
`,
  },
  {
    version: 3,
    name: 'request-workflow',
    sql: `
-- What happened to each request, for the lead and the manager: when, what changed
-- (before -> after) and the reason given. Undo writes entries too: history is never rewritten.
CREATE TABLE request_history (
  id         INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
  at         TEXT NOT NULL,
  what       TEXT NOT NULL,
  before     TEXT,
  after      TEXT,
  reason     TEXT
) STRICT;
CREATE INDEX request_history_by_request ON request_history(request_id, id);

-- A closed request remembers its closing week: allocations kept after it are flagged.
ALTER TABLE requests ADD COLUMN closed_week TEXT;
-- The latest staffing summary received from the manager's copy, as received.
ALTER TABLE requests ADD COLUMN staffing_received TEXT;
ALTER TABLE requests ADD COLUMN staffing_received_at TEXT;
`,
  },
];

export const LATEST_SCHEMA_VERSION = migrations.length;

import { indexPlan, type PlanIndex, type PlanSnapshot } from '../../shared/domain';
import { createPlan, openPlan, type Db, type OpenOptions } from './db/open';
import { readPlanMeta, type PlanMeta } from './db/plan-meta';
import { loadSnapshot } from './db/snapshot';

/**
 * One open plan file. The engine's snapshot and index are built on first need and kept
 * until a write, so reads between changes (board, flags, reports) share one load.
 */
export class PlanSession {
  private cached: { snapshot: PlanSnapshot; index: PlanIndex } | null = null;
  meta: PlanMeta;

  private constructor(
    readonly db: Db,
    readonly path: string,
  ) {
    this.meta = readPlanMeta(db);
  }

  static open(path: string, o: OpenOptions = {}): PlanSession {
    return new PlanSession(openPlan(path, o), path);
  }

  static create(path: string, o: Parameters<typeof createPlan>[1]): PlanSession {
    return new PlanSession(createPlan(path, o), path);
  }

  snapshot(): PlanSnapshot {
    return this.view().snapshot;
  }

  index(): PlanIndex {
    return this.view().index;
  }

  private view(): { snapshot: PlanSnapshot; index: PlanIndex } {
    if (!this.cached) {
      const snapshot = loadSnapshot(this.db);
      this.cached = { snapshot, index: indexPlan(snapshot) };
    }
    return this.cached;
  }

  /** Runs a write in one transaction and drops what was derived from the old state. */
  write<T>(fn: (db: Db) => T): T {
    try {
      return this.db.transaction(fn)(this.db);
    } finally {
      this.cached = null;
      this.meta = readPlanMeta(this.db);
    }
  }

  /** For writers that manage their own transaction (CSV import). */
  invalidate(): void {
    this.cached = null;
    this.meta = readPlanMeta(this.db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

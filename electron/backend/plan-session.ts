import type { EngineAllocation, PlanIndex, PlanSnapshot, Priority } from '../../shared/domain';
import { indexPlan } from '../../shared/domain';
import type { AllocationChange, AllocationImage } from './db/allocation-rows';
import { createPlan, openPlan, type Db, type OpenOptions } from './db/open';
import { readPlanMeta, type PlanMeta } from './db/plan-meta';
import { loadSnapshot } from './db/snapshot';

export interface RequestDetails {
  service: string | null;
  requester: string | null;
  priority: Priority;
}

interface Derived {
  index: PlanIndex;
  requestDetails?: Map<number, RequestDetails>;
  skillNames?: Map<number, string>;
  roles?: Map<number, string | null>;
}

export function toEngineAllocation(row: AllocationImage): EngineAllocation {
  return {
    ref: row.id,
    specialistRef: row.specialist_id,
    requestRef: row.request_id,
    week: row.week,
    minutes: row.minutes,
    status: row.status,
    demandLineRef: row.demand_line_id,
  };
}

/**
 * One open plan file. What the screens need is derived once and kept: the engine's index
 * is patched in place by allocation changes, and dropped whole by any other write.
 */
export class PlanSession {
  private derived: Derived | null = null;
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

  private view(): Derived {
    if (!this.derived) this.derived = { index: indexPlan(loadSnapshot(this.db)) };
    return this.derived;
  }

  /** The plan as it is now. */
  snapshot(): PlanSnapshot {
    return this.view().index.snapshot;
  }

  index(): PlanIndex {
    return this.view().index;
  }

  requestDetails(): Map<number, RequestDetails> {
    const v = this.view();
    v.requestDetails ??= new Map(
      (
        this.db.prepare('SELECT id, service, requester, priority FROM requests').raw().all() as [
          number,
          string | null,
          string | null,
          Priority,
        ][]
      ).map(([ref, service, requester, priority]) => [ref, { service, requester, priority }]),
    );
    return v.requestDetails;
  }

  skillNames(): Map<number, string> {
    const v = this.view();
    v.skillNames ??= new Map(this.db.prepare('SELECT id, name FROM skills').raw().all() as [number, string][]);
    return v.skillNames;
  }

  roles(): Map<number, string | null> {
    const v = this.view();
    v.roles ??= new Map(this.db.prepare('SELECT id, role FROM specialists').raw().all() as [number, string | null][]);
    return v.roles;
  }

  /**
   * Builds the allocation groupings a first drop needs while the user is still looking at
   * the board, so that drop answers as fast as the later ones. Never keeps a CLI alive.
   */
  warmUpSoon(): void {
    const timer = setTimeout(() => {
      const ix = this.db.open ? this.derived?.index : undefined;
      if (!ix) return;
      ix.allocationsOfSpecialist(-1);
      ix.allocationsOfRequest(-1);
      ix.allocationsAt(-1, '');
    }, 0);
    timer.unref?.();
  }

  /** Runs a write in one transaction and drops everything derived from the old state. */
  write<T>(fn: (db: Db) => T): T {
    try {
      return this.db.transaction(fn)(this.db);
    } finally {
      this.invalidate();
    }
  }

  /**
   * Runs an allocation write in one transaction; on commit, patches the engine with the
   * rows it changed. On failure nothing was written and nothing derived changes.
   */
  writeAllocations<T extends { changes: readonly AllocationChange[] }>(fn: (db: Db) => T): T {
    const result = this.db.transaction(fn)(this.db);
    const ix = this.derived?.index;
    if (ix) {
      for (const c of result.changes) {
        ix.applyAllocationChange(c.before && toEngineAllocation(c.before), c.after && toEngineAllocation(c.after));
      }
    }
    return result;
  }

  /** For writers that manage their own transaction (CSV import). */
  invalidate(): void {
    this.derived = null;
    this.meta = readPlanMeta(this.db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

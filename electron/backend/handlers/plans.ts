import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ApiParsedInput, PlanInfo } from '../../../shared/api';
import { ApiError } from '../../../shared/api/errors';
import { planWeekSpan } from '../../../shared/domain';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { currencyMinorDigits } from '../db/plan-meta';
import { thisWeek } from '../clock';
import { fillDemoPlan } from '../demo/demo-plan';
import { PlanSession } from '../plan-session';
import { requireSession, type BackendContext } from './context';

export function planInfo(ctx: BackendContext): PlanInfo {
  const s = requireSession(ctx);
  const count = (table: string): number => (s.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    path: s.path,
    name: s.meta.name,
    currency: s.meta.currency,
    minorDigits: s.meta.minorDigits,
    schemaVersion: LATEST_SCHEMA_VERSION,
    counts: {
      departments: count('departments'),
      specialists: count('specialists'),
      requests: count('requests'),
      allocations: count('allocations'),
      holidays: count('holidays'),
    },
    span: planWeekSpan(s.snapshot()),
  };
}

/** Swaps the open plan only once the new one opened cleanly, so a bad file loses nothing. */
function switchTo(ctx: BackendContext, next: PlanSession): PlanInfo {
  ctx.session?.close();
  ctx.session = next;
  const info = planInfo(ctx);
  next.warmUpSoon();
  return info;
}

export function planOpen(ctx: BackendContext, input: ApiParsedInput<'plan-open'>): PlanInfo {
  const path = resolve(input.path);
  if (input.createDemoIfMissing && !existsSync(path)) return planCreate(ctx, { path, demo: true });
  return switchTo(ctx, PlanSession.open(path, { nativeBinding: ctx.nativeBinding }));
}

export function planCreate(ctx: BackendContext, input: ApiParsedInput<'plan-create'>): PlanInfo {
  const path = resolve(input.path);
  const currency = input.currency ?? 'EUR';
  if (!isCurrency(currency)) throw new ApiError('invalid-input', `"${currency}" is not an ISO 4217 currency code.`);
  mkdirSync(dirname(path), { recursive: true });
  const session = PlanSession.create(path, {
    name: input.name ?? (input.demo ? 'Demo plan' : 'New plan'),
    currency,
    minorDigits: currencyMinorDigits(currency),
    nativeBinding: ctx.nativeBinding,
  });
  try {
    if (input.demo) fillDemoPlan(session, thisWeek(ctx.clock));
  } catch (e) {
    // A half-filled new plan is worth nothing: remove it rather than leave a trap.
    session.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    throw e;
  }
  return switchTo(ctx, session);
}

export async function planSaveCopy(ctx: BackendContext, input: ApiParsedInput<'plan-save-copy'>): Promise<{ path: string }> {
  const s = requireSession(ctx);
  const target = resolve(input.path);
  if (target === resolve(s.path)) throw new ApiError('invalid-input', 'A copy must go to another file than the open plan.');
  if (existsSync(target)) throw new ApiError('exists', `${target} already exists; choose another file name.`);
  // The online backup API copies a consistent state even while the plan is in WAL mode.
  await s.db.backup(target);
  return { path: target };
}

export function departmentsList(ctx: BackendContext): { departments: string[] } {
  const s = requireSession(ctx);
  const rows = s.db.prepare('SELECT name FROM departments ORDER BY name COLLATE NOCASE').pluck().all() as string[];
  return { departments: rows };
}

function isCurrency(code: string): boolean {
  const known = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('currency');
  return known ? known.includes(code) : /^[A-Z]{3}$/.test(code);
}

import type { Db } from './open';

export interface PlanMeta {
  name: string;
  currency: string;
  minorDigits: number;
  createdAt: string;
}

export function readPlanMeta(db: Db): PlanMeta {
  const rows = db.prepare('SELECT key, value FROM plan_meta').all() as { key: string; value: string }[];
  const m = new Map(rows.map((r) => [r.key, r.value]));
  return {
    name: m.get('name') ?? 'Plan',
    currency: m.get('currency') ?? 'EUR',
    minorDigits: Number(m.get('minor_digits') ?? 2),
    createdAt: m.get('created_at') ?? '',
  };
}

/** Minor digits of an ISO 4217 currency (EUR 2, JPY 0, BHD 3), from the runtime's ICU data. */
export function currencyMinorDigits(code: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** One row of the bench table: a measure and its baseline, sampled in the same run. */
export interface Measure {
  key: string;
  label: string;
  includes: string;
  baseline: string;
  samples: number[];
  baselineSamples: number[];
  /** Absolute limit in ms on the median, if the issue sets one. */
  limitMs: number | null;
  /** Absolute limit in ms on the p95, if the issue sets one. */
  p95LimitMs?: number;
  maxRatio: number | null;
}

// Recent plans and the last-opened plan, kept in userData/recent-plans.json. The list logic
// is pure; the two I/O functions at the end are the only parts touching the disk.
import fs from 'node:fs';
import path from 'node:path';

export const MAX_RECENT = 10;

export interface RecentState {
  recent: string[];
  lastOpened: string | null;
}

export const emptyRecentState: RecentState = Object.freeze({ recent: [], lastOpened: null }) as RecentState;

/** Windows and macOS file systems are case-insensitive by default: "Plan.tmplan" and "plan.tmplan" are one file. */
export function pathKey(p: string, platform: NodeJS.Platform = process.platform): string {
  const resolved = path.resolve(p);
  return platform === 'win32' || platform === 'darwin' ? resolved.toLowerCase() : resolved;
}

function dedupe(paths: readonly string[], platform: NodeJS.Platform, max: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of paths) {
    const key = pathKey(p, platform);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(path.resolve(p));
    if (out.length >= max) break;
  }
  return out;
}

/** The opened plan moves to the front and becomes the one reopened at start-up. */
export function addRecent(
  state: RecentState,
  planPath: string,
  platform: NodeJS.Platform = process.platform,
  max = MAX_RECENT,
): RecentState {
  const resolved = path.resolve(planPath);
  return { recent: dedupe([resolved, ...state.recent], platform, max), lastOpened: resolved };
}

export function removeRecent(state: RecentState, planPath: string, platform: NodeJS.Platform = process.platform): RecentState {
  const key = pathKey(planPath, platform);
  return {
    recent: state.recent.filter((p) => pathKey(p, platform) !== key),
    lastOpened: state.lastOpened && pathKey(state.lastOpened, platform) === key ? null : state.lastOpened,
  };
}

/** Clearing the menu list keeps the plan that is open now as the one to reopen. */
export function clearRecent(state: RecentState): RecentState {
  return { recent: [], lastOpened: state.lastOpened };
}

export function pruneMissing(state: RecentState, exists: (p: string) => boolean): RecentState {
  return {
    recent: state.recent.filter((p) => exists(p)),
    lastOpened: state.lastOpened && exists(state.lastOpened) ? state.lastOpened : null,
  };
}

/** Tolerant: a hand-edited or damaged file yields what is usable rather than an error at start-up. */
export function parseRecentState(text: string, platform: NodeJS.Platform = process.platform): RecentState {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { recent: [], lastOpened: null };
  }
  if (typeof data !== 'object' || data === null) return { recent: [], lastOpened: null };
  const raw = (data as { recent?: unknown }).recent;
  const last = (data as { lastOpened?: unknown }).lastOpened;
  const recent = Array.isArray(raw) ? raw.filter((p): p is string => typeof p === 'string' && p.length > 0 && !p.includes('\0')) : [];
  return {
    recent: dedupe(recent, platform, MAX_RECENT),
    lastOpened: typeof last === 'string' && last.length > 0 && !last.includes('\0') ? path.resolve(last) : null,
  };
}

export function serializeRecentState(state: RecentState): string {
  return JSON.stringify({ recent: state.recent.slice(0, MAX_RECENT), lastOpened: state.lastOpened }, null, 2) + '\n';
}

export function loadRecentState(file: string, exists: (p: string) => boolean = fs.existsSync): RecentState {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { recent: [], lastOpened: null };
  }
  return pruneMissing(parseRecentState(text), exists);
}

/** Written to a temporary file and renamed, so a crash mid-write never leaves half a list. */
export function saveRecentState(file: string, state: RecentState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, serializeRecentState(state));
  fs.renameSync(tmp, file);
}

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiInput, ApiName, ApiResult } from '../../shared/api';
import { TEST_NOW } from './clock';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningHost {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the real web host (`npm run web`'s entry) on a free port and waits for its URL line. */
export function startHost(db: string, extra: string[] = []): Promise<RunningHost> {
  const child = spawn(
    process.execPath,
    // The host's day is the tests' pinned one (then its clock runs), as the page's is.
    [
      join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      join(ROOT, 'electron/web/main.ts'),
      '--db',
      db,
      '--port',
      '0',
      '--as-of',
      TEST_NOW.toISOString(),
      ...extra,
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start: ${out}${err}`)), 60_000);
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`web host exited with ${code}: ${err}`)));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1]!,
          port: Number(m[2]),
          process: child,
          stop: () =>
            new Promise<void>((r) => {
              if (child.exitCode !== null) return r();
              child.once('exit', () => r());
              child.kill('SIGTERM');
            }),
        });
      }
    });
  });
}

/** Calls the host's API as the page does, for a test's setup and checks. */
export async function api<K extends ApiName>(host: RunningHost, name: K, input: ApiInput<K>): Promise<ApiResult<K>> {
  const res = await fetch(`${host.url}api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; result: ApiResult<K>; error?: { message: string } };
  if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
  return body.result;
}

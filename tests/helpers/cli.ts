import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { join } from 'node:path';
import { runCli } from '../../electron/cli/main';
import { testClock } from './clock';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in this process on the tests' pinned day, capturing what it prints. */
export async function cli(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) }, { clock: testClock });
  return { code, out, err };
}

/** Runs `tm-planner` as a user does: node on bin/tm-planner.js of the checkout at `root`, as its own process. */
export function tmPlanner(root: string, ...argv: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(root, 'bin/tm-planner.js'), ...argv], { encoding: 'utf8' });
}

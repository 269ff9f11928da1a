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

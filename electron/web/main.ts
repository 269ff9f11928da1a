import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ApiError } from '../../shared/api/errors';
import { startingClock, systemClock } from '../backend/clock';
import { createBackend } from '../backend/handlers';
import { startWebHost } from './server';

const USAGE =
  'Usage: npm run web -- [--db FILE] [--port N] [--demo] [--as-of YYYY-MM-DDTHH:MM:SSZ]\n' +
  '  --demo   create a demo plan at FILE when it does not exist\n' +
  '  --as-of  plan as if the clock had started at that moment (demos, training, tests)\n';

export const DEFAULT_DEMO_PLAN = join(homedir(), '.tm-planner', 'demo-plan.db');

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        db: { type: 'string' },
        port: { type: 'string' },
        demo: { type: 'boolean' },
        'as-of': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const portText = values.port ?? '5180';
  if (!/^\d+$/.test(portText) || Number(portText) > 65535) {
    process.stderr.write(`--port "${portText}" is not a port number.\n${USAGE}`);
    return 2;
  }
  const dbOption = values.db;
  const db = resolve(dbOption ?? DEFAULT_DEMO_PLAN);
  const demo = values.demo === true || dbOption === undefined;
  let clock;
  try {
    clock = values['as-of'] === undefined ? systemClock : startingClock(values['as-of']);
  } catch {
    process.stderr.write(`--as-of "${values['as-of']}" is not a date and time such as 2026-11-26T12:00:00Z.\n${USAGE}`);
    return 2;
  }
  const backend = createBackend({ clock });
  try {
    await backend.call('plan-open', { path: db, createDemoIfMissing: demo && !existsSync(db) });
  } catch (e) {
    process.stderr.write(`${e instanceof ApiError ? e.message : String(e)}\n`);
    return 1;
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const staticDir = resolve(here, '../../out/renderer');
  try {
    const host = await startWebHost({ backend, staticDir, port: Number(portText) });
    process.stdout.write(`TM Planner is serving ${db} at ${host.url}\n`);
    const stop = (): void => {
      host.close().finally(() => {
        backend.close();
        process.exit(0);
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    process.stderr.write(code === 'EADDRINUSE' ? `Port ${portText} is in use: choose another with --port N.\n` : `${String(e)}\n`);
    backend.close();
    return 1;
  }
  return 0;
}

main(process.argv.slice(2)).then((code) => {
  if (code !== 0) process.exit(code);
});

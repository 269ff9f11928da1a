import { ApiError } from '../../shared/api/errors';
import { createBackend, type BackendOptions } from '../backend/handlers';
import { UsageError, parseArgs } from './args';
import { flags, holidays, importCommand, init, report, type Io } from './commands';

export const USAGE = `Usage:
  tm-planner init     --db FILE [--currency EUR] [--name NAME] [--demo]
  tm-planner import   --db FILE <specialists|time-off|holidays|requests|demand|allocations> FILE.csv
  tm-planner holidays --db FILE --calendar CODE --country CC [--region RR] --years 2026:2027
  tm-planner flags    --db FILE [--from YYYY-Www] [--to YYYY-Www] [--format csv|json]
  tm-planner report   --db FILE <utilization|costs|allocations> [--from YYYY-Www] [--to YYYY-Www]
                      [--department NAME]... --format csv|xlsx [--out FILE]
`;

const COMMANDS = { init, import: importCommand, holidays, flags, report } as const;
const FLAGS = new Set(['demo', 'help']);
const OPTIONS = new Set(['db', 'currency', 'name', 'calendar', 'country', 'region', 'years', 'from', 'to', 'format', 'out', 'department']);

/** Runs one command; returns the exit status (0 ok, 1 user error, 2 usage error). */
export async function runCli(argv: readonly string[], io: Io, options: Pick<BackendOptions, 'clock'> = {}): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command as keyof typeof COMMANDS];
  if (!run) {
    io.err(`"${command}" is not a command.\n${USAGE}`);
    return 2;
  }
  const backend = createBackend(options);
  try {
    const args = parseArgs(rest, FLAGS, OPTIONS);
    if (args.flags.has('help')) {
      io.out(USAGE);
      return 0;
    }
    await run(backend, args, io);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n${USAGE}`);
      return 2;
    }
    if (e instanceof ApiError) {
      io.err(e.message.endsWith('\n') ? e.message : `${e.message}\n`);
      return 1;
    }
    io.err(`Unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.TM_DEBUG && e instanceof Error) io.err(`${e.stack}\n`);
    return 1;
  } finally {
    backend.close();
  }
}

const isMain = process.argv[1] !== undefined && /cli[\\/]main\.[tj]s$/.test(process.argv[1]);
if (isMain) {
  const io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };
  runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}

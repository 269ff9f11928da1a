// The command line's entry (bin/tm-planner.js runs its bundle, out/cli/main.js). It imports
// only the argument parser up front: the backend (SQLite, ExcelJS, the holiday data set)
// loads once a command is known to run, so --help and usage errors start as fast as node.
import { ApiError } from '../../shared/api/errors';
import type { BackendOptions } from '../backend/handlers';
import { UsageError, flag, parseCommandArgs, type CommandSyntax } from './args';
import type { Io } from './commands';

export const USAGE = `Usage:
  tm-planner init     --db FILE [--currency EUR] [--name NAME] [--demo]
  tm-planner import   --db FILE <specialists|time-off|holidays|requests|demand|allocations> FILE.csv
  tm-planner holidays --db FILE --calendar CODE --country CC [--region RR] --years 2026:2027
  tm-planner flags    --db FILE [--from YYYY-Www] [--to YYYY-Www] [--format csv|json]
  tm-planner report   --db FILE <utilization|costs|allocations|skills|stages|pack>
                      [--from YYYY-Www] [--to YYYY-Www] [--department NAME]...
                      --format csv|xlsx|pdf [--out FILE]  (CSV without --out goes to stdout)
  tm-planner request list       --db FILE [--format csv|json]
  tm-planner request show       --db FILE --id ID [--format text|json]
  tm-planner request set-status --db FILE --id ID --to STATUS [--reason TEXT] [--after-closing delete|keep]
  tm-planner request export     --db FILE --id ID --out FILE.json
  tm-planner request summary    --db FILE --id ID --out FILE.json|FILE.pdf
  tm-planner request import     --db FILE FILE.json [--dry-run]
`;

const COMMANDS = {
  init: { options: ['db', 'currency', 'name'], flags: ['demo'] },
  import: { options: ['db'], flags: [] },
  holidays: { options: ['db', 'calendar', 'country', 'region', 'years'], flags: [] },
  flags: { options: ['db', 'from', 'to', 'format'], flags: [] },
  report: { options: ['db', 'from', 'to', 'department', 'format', 'out'], flags: [] },
  // Each subcommand has its own syntax (REQUEST_COMMANDS); this one only names the command.
  request: { options: [], flags: [] },
} as const satisfies Record<string, CommandSyntax>;

/** `request <subcommand>`: the subcommand comes first, and an option of another one is a usage error. */
export const REQUEST_COMMANDS = {
  list: { options: ['db', 'format'], flags: [] },
  show: { options: ['db', 'id', 'format'], flags: [] },
  'set-status': { options: ['db', 'id', 'to', 'reason', 'after-closing'], flags: [] },
  export: { options: ['db', 'id', 'out'], flags: [] },
  summary: { options: ['db', 'id', 'out'], flags: [] },
  import: { options: ['db'], flags: ['dry-run'] },
} as const satisfies Record<string, CommandSyntax>;

export type RequestCommandName = keyof typeof REQUEST_COMMANDS;

const isRequestCommand = (name: string | undefined): name is RequestCommandName =>
  name !== undefined && Object.hasOwn(REQUEST_COMMANDS, name);

/** The syntax `rest` is parsed with: the command's, or for `request` its subcommand's (kept as the first positional). */
function syntaxOf(command: CommandName, rest: readonly string[]): { name: string; syntax: CommandSyntax } {
  if (command !== 'request') return { name: command, syntax: COMMANDS[command] };
  const sub = rest[0];
  if (sub === '--help') return { name: command, syntax: COMMANDS.request };
  if (!isRequestCommand(sub)) {
    const names = Object.keys(REQUEST_COMMANDS).join(', ');
    throw new UsageError(
      sub === undefined || sub.startsWith('-')
        ? `request needs a subcommand first: ${names}.`
        : `"${sub}" is not a request subcommand (${names}).`,
    );
  }
  return { name: `request ${sub}`, syntax: REQUEST_COMMANDS[sub] };
}

type CommandName = keyof typeof COMMANDS;

// Own properties only: "constructor" or "__proto__" are not commands.
const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);

/** Runs one command; returns the exit status (0 ok, 1 user error, 2 usage error). */
export async function runCli(argv: readonly string[], io: Io, options: Pick<BackendOptions, 'clock'> = {}): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  if (!isCommand(command)) {
    io.err(`"${command}" is not a command.\n${USAGE}`);
    return 2;
  }
  let backend: { close(): void } | undefined;
  try {
    const { name, syntax } = syntaxOf(command, rest);
    const args = parseCommandArgs(name, rest, syntax);
    if (flag(args, 'help')) {
      io.out(USAGE);
      return 0;
    }
    const [{ COMMAND_RUNNERS }, { createBackend }] = await Promise.all([import('./commands'), import('../backend/handlers')]);
    const b = createBackend(options);
    backend = b;
    await COMMAND_RUNNERS[command](b, args, io);
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
    backend?.close();
  }
}

/** The process around runCli: what bin/tm-planner.js calls. */
export async function main(argv: readonly string[]): Promise<void> {
  // `tm-planner flags ... | head` closes the pipe early: the reader's choice, not an error to report.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
  const io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };
  process.exitCode = await runCli(argv, io);
}

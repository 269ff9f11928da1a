/** A command-line mistake: reported with the usage text and exit status 2. */
export class UsageError extends Error {}

export interface ParsedArgs {
  positional: string[];
  options: Map<string, string[]>;
  flags: Set<string>;
}

/**
 * Splits argv into positionals, `--name value` options (repeatable) and bare `--flag`s.
 * Which names are flags is declared, so a missing value is a usage error, not a silent flag.
 */
export function parseArgs(argv: readonly string[], flagNames: ReadonlySet<string>, optionNames: ReadonlySet<string>): ParsedArgs {
  const out: ParsedArgs = { positional: [], options: new Map(), flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      out.positional.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('--') || a === '-') {
      out.positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (flagNames.has(name)) {
      if (eq > 0) throw new UsageError(`--${name} takes no value.`);
      out.flags.add(name);
      continue;
    }
    if (!optionNames.has(name)) throw new UsageError(`Unknown option --${name}.`);
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value.`);
    const list = out.options.get(name) ?? [];
    list.push(value);
    out.options.set(name, list);
  }
  return out;
}

export function option(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  if (v && v.length > 1) throw new UsageError(`--${name} is given more than once.`);
  return v?.[0];
}

export function requiredOption(args: ParsedArgs, name: string): string {
  const v = option(args, name);
  if (v === undefined) throw new UsageError(`--${name} is required.`);
  return v;
}

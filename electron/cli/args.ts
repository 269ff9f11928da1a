import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command-line mistake: reported with the usage text and exit status 2. */
export class UsageError extends Error {}

/** What one command accepts: options that take a value, and bare flags. */
export interface CommandSyntax {
  options: readonly string[];
  flags: readonly string[];
}

export interface ParsedArgs {
  positional: string[];
  /** Each option's values in order (all are collected, so a repeat is seen), or true for a flag. */
  values: Readonly<Record<string, string[] | boolean | undefined>>;
}

/**
 * node:util's strict parser over the command's own options: an option of another command,
 * a value given to a flag or a missing value is a usage error, never silently ignored.
 */
export function parseCommandArgs(command: string, argv: readonly string[], syntax: CommandSyntax): ParsedArgs {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const name of syntax.options) options[name] = { type: 'string', multiple: true };
  for (const name of [...syntax.flags, 'help']) options[name] = { type: 'boolean' };
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
    return { positional: positionals, values: values as ParsedArgs['values'] };
  } catch (e) {
    throw new UsageError(usageMessage(command, e));
  }
}

/** node's messages are long and suggest quoting tricks; ours name the option and the fix. */
function usageMessage(command: string, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const name = /'(-[^' ]*)/.exec(message)?.[1] ?? 'an option';
  switch ((e as { code?: string }).code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Unknown option ${name} for ${command}.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(message) ? `${name} takes no value.` : `${name} needs a value.`;
    default:
      return message;
  }
}

function values(args: ParsedArgs, name: string): string[] | undefined {
  const v = Object.hasOwn(args.values, name) ? args.values[name] : undefined;
  return Array.isArray(v) ? v : undefined;
}

export function option(args: ParsedArgs, name: string): string | undefined {
  const v = values(args, name);
  if (v && v.length > 1) throw new UsageError(`--${name} is given more than once.`);
  return v?.[0];
}

/** An option that may be given several times (`--department A --department B`). */
export function repeatedOption(args: ParsedArgs, name: string): string[] | undefined {
  return values(args, name);
}

export function requiredOption(args: ParsedArgs, name: string): string {
  const v = option(args, name);
  if (v === undefined) throw new UsageError(`--${name} is required.`);
  return v;
}

export function flag(args: ParsedArgs, name: string): boolean {
  return Object.hasOwn(args.values, name) && args.values[name] === true;
}

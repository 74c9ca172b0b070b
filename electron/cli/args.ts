import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../core/app-error';

type Options = NonNullable<ParseArgsConfig['options']>;

const GLOBAL: Options = { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' } };

const CONNECTION: Options = {
  name: { type: 'string' },
  address: { type: 'string' },
  'tenant-id': { type: 'string' },
  'client-id': { type: 'string' },
  'client-secret-stdin': { type: 'boolean' },
  'authority-host': { type: 'string' },
  'ca-file': { type: 'string' },
  timeout: { type: 'string' },
};

export const COMMAND_OPTIONS: Record<string, Options> = {
  list: { json: { type: 'boolean' } },
  show: { json: { type: 'boolean' } },
  add: { ...CONNECTION, type: { type: 'string' } },
  edit: { ...CONNECTION, 'no-ca': { type: 'boolean' } },
  validate: { all: { type: 'boolean' }, json: { type: 'boolean' }, timeout: { type: 'string' } },
  'set-default': {},
  delete: { yes: { type: 'boolean' } },
};

export interface ParsedArgs {
  command: string | undefined;
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

/** Parse argv strictly: an unknown option or a stray word is a usage error, never ignored. */
export function parseCli(argv: string[]): ParsedArgs {
  const first = parseArgs({ args: argv, options: { ...GLOBAL, ...Object.assign({}, ...Object.values(COMMAND_OPTIONS)) }, allowPositionals: true, strict: false });
  const command = first.positionals[0];
  if (command === undefined || first.values.help || first.values.version) {
    return { command, positionals: first.positionals.slice(1), values: first.values as ParsedArgs['values'] };
  }
  const options = COMMAND_OPTIONS[command];
  if (!options) throw new AppError('INVALID_INPUT', `Unknown command "${command}". Run nexus-registries --help.`);
  try {
    const parsed = parseArgs({ args: argv, options: { ...GLOBAL, ...options }, allowPositionals: true, strict: true });
    return { command, positionals: parsed.positionals.slice(1), values: parsed.values as ParsedArgs['values'] };
  } catch (err) {
    throw new AppError('INVALID_INPUT', `${(err as Error).message.split(/[.\n]/)[0]}. Run nexus-registries --help.`);
  }
}

export function oneRef(args: ParsedArgs, command: string): string {
  if (args.positionals.length !== 1) throw new AppError('INVALID_INPUT', `${command} needs exactly one registry NAME or ID.`, 'id');
  return args.positionals[0] as string;
}

export function str(args: ParsedArgs, key: string): string | undefined {
  const v = args.values[key];
  return typeof v === 'string' ? v : undefined;
}

/** --timeout SECONDS → milliseconds (1 to 300 s). */
export function timeoutMs(args: ParsedArgs): number | undefined {
  const raw = str(args, 'timeout');
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 300) throw new AppError('INVALID_INPUT', '--timeout must be a number of seconds from 1 to 300.');
  return Math.round(seconds * 1000);
}

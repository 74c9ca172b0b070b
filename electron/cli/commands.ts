import { readFileSync } from 'node:fs';
import type { CreateRegistryInput, UpdateRegistryInput, ValidationResult } from '../common/registry';
import { AppError } from '../core/app-error';
import { boundedPool } from '../core/bounded-pool';
import type { Engine } from '../core/engine';
import { oneRef, str, timeoutMs, type ParsedArgs } from './args';
import { EXIT } from './exit-codes';
import { errorLine, formatRegistry, formatTable, stepPrinter, type Io } from './output';

export interface CommandContext {
  engine: Engine;
  args: ParsedArgs;
  io: Io;
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
  readSecret: () => Promise<string>;
}

const VALIDATE_CONCURRENCY = 4;

function readCaFile(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new AppError('INVALID_INPUT', `Cannot read --ca-file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`, 'caCertificate');
  }
}

function failValidation(result: ValidationResult): never {
  const e = result.error ?? { code: 'INTERNAL' as const, message: 'Validation failed.' };
  throw new AppError(e.code, `${e.message} Nothing was saved.`, e.field);
}

export async function list({ engine, args, io }: CommandContext): Promise<number> {
  const rows = engine.service.list();
  io.out(args.values.json ? JSON.stringify(rows, null, 2) : formatTable(rows));
  return EXIT.ok;
}

export async function show({ engine, args, io }: CommandContext): Promise<number> {
  const r = engine.service.get(oneRef(args, 'show'));
  io.out(args.values.json ? JSON.stringify(r, null, 2) : formatRegistry(r));
  return EXIT.ok;
}

export async function add(ctx: CommandContext): Promise<number> {
  const { engine, args, io } = ctx;
  if (args.positionals.length) throw new AppError('INVALID_INPUT', `add takes options only; unexpected "${args.positionals[0]}".`);
  const type = str(args, 'type');
  if (type !== 'acr') throw new AppError('INVALID_INPUT', '--type acr is required (Azure Container Registry is the only type so far).', 'type');
  if (!args.values['client-secret-stdin']) throw new AppError('INVALID_INPUT', '--client-secret-stdin is required: pipe the client secret into the command.', 'clientSecret');
  const input: CreateRegistryInput = {
    name: str(args, 'name') ?? '',
    type,
    address: str(args, 'address') ?? '',
    tenantId: str(args, 'tenant-id') ?? '',
    clientId: str(args, 'client-id') ?? '',
    clientSecret: '',
    ...(str(args, 'authority-host') !== undefined ? { authorityHost: str(args, 'authority-host') } : {}),
    caCertificate: readCaFile(str(args, 'ca-file')) ?? null,
  };
  // Check the name and fields before asking for the secret and going to the network.
  engine.service.checkCreate(input);
  input.clientSecret = await ctx.readSecret();
  io.out(`Validating ${input.address} …`);
  const result = await engine.service.validate(input, { signal: ctx.signal, onStep: stepPrinter(io), ...optTimeout(args) });
  if (!result.ok) failValidation(result);
  const saved = await engine.service.create(input);
  io.out(`Saved "${saved.name}" (${saved.id})${saved.isDefault ? ' as the default registry' : ''}.`);
  return EXIT.ok;
}

export async function edit(ctx: CommandContext): Promise<number> {
  const { engine, args, io } = ctx;
  const current = engine.service.get(oneRef(args, 'edit'));
  if (args.values['no-ca'] && str(args, 'ca-file') !== undefined) throw new AppError('INVALID_INPUT', 'Use either --ca-file or --no-ca, not both.', 'caCertificate');
  const patch: UpdateRegistryInput = {};
  const map: [keyof UpdateRegistryInput, string][] = [['name', 'name'], ['address', 'address'], ['tenantId', 'tenant-id'], ['clientId', 'client-id'], ['authorityHost', 'authority-host']];
  for (const [key, flag] of map) {
    const v = str(args, flag);
    if (v !== undefined) (patch as Record<string, string>)[key] = v;
  }
  const ca = readCaFile(str(args, 'ca-file'));
  if (ca !== undefined) patch.caCertificate = ca;
  if (args.values['no-ca']) patch.caCertificate = null;
  if (Object.keys(patch).length === 0 && !args.values['client-secret-stdin']) {
    throw new AppError('INVALID_INPUT', 'Nothing to change: give at least one of --name, --address, --tenant-id, --client-id, --client-secret-stdin, --authority-host, --ca-file, --no-ca.');
  }
  if (args.values['client-secret-stdin']) patch.clientSecret = await ctx.readSecret();
  const plan = engine.service.planUpdate(current.id, patch);
  if (plan.needsValidation) {
    io.out(`Validating ${plan.connection.address} …`);
    const result = await engine.service.validate({ ...plan.connection, registryId: current.id, ...(patch.clientSecret ? { clientSecret: patch.clientSecret } : {}) }, { signal: ctx.signal, onStep: stepPrinter(io), ...optTimeout(args) });
    if (!result.ok) failValidation(result);
  }
  const saved = await engine.service.update(current.id, patch);
  io.out(`Saved "${saved.name}" (${saved.id}).`);
  return EXIT.ok;
}

export async function validate(ctx: CommandContext): Promise<number> {
  const { engine, args, io } = ctx;
  const all = !!args.values.all;
  if (all && args.positionals.length) throw new AppError('INVALID_INPUT', 'Give either NAME|ID or --all, not both.');
  const targets = all ? engine.service.list() : [engine.service.get(oneRef(args, 'validate'))];
  const json = !!args.values.json;
  const results = await boundedPool(targets, VALIDATE_CONCURRENCY, async (r) => {
    const result = await engine.service.validateStored(r.id, { signal: ctx.signal, ...optTimeout(args) }).catch((err: unknown) => {
      if (err instanceof AppError) return { ok: false, steps: [], error: err.toInfo() } satisfies ValidationResult;
      throw err;
    });
    if (!json) {
      io.out(`${result.ok ? '✓' : '✗'} ${r.name} (${r.address})`);
      for (const s of result.steps) stepPrinter(io)({ step: s.step, state: 'done', result: s });
      if (result.error) io.out(`  ${errorLine(result.error)}`);
    }
    return { id: r.id, name: r.name, result };
  });
  if (json) io.out(JSON.stringify(all ? results : results[0]?.result, null, 2));
  return results.every((r) => r.result.ok) ? EXIT.ok : EXIT.failure;
}

export async function setDefault({ engine, args, io }: CommandContext): Promise<number> {
  const r = await engine.service.setDefault(oneRef(args, 'set-default'));
  io.out(`"${r.name}" is now the default registry.`);
  return EXIT.ok;
}

export async function remove({ engine, args, io }: CommandContext): Promise<number> {
  const r = engine.service.get(oneRef(args, 'delete'));
  if (!args.values.yes) {
    throw new AppError('INVALID_INPUT', `Deleting "${r.name}" needs --yes. Modules from this registry will no longer deploy to devices; remove them from the Module Store and from Applications first.`);
  }
  await engine.service.delete(r.id);
  io.out(`Deleted "${r.name}".`);
  return EXIT.ok;
}

function optTimeout(args: ParsedArgs): { timeoutMs?: number } {
  const ms = timeoutMs(args);
  return ms === undefined ? {} : { timeoutMs: ms };
}

export const COMMANDS: Record<string, (ctx: CommandContext) => Promise<number>> = {
  list,
  show,
  add,
  edit,
  validate,
  'set-default': setDefault,
  delete: remove,
};

/** Commands that change data finish interrupted keychain writes first. */
export const WRITING_COMMANDS = new Set(['add', 'edit', 'validate', 'set-default', 'delete']);

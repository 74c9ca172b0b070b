// nexus-registries: the registry engine from a terminal, for scripts and headless machines.
// Interface: DESIGN.md "CLI". Output: human text or --json on stdout; errors as one line
// "error CODE: message" on stderr; never a secret anywhere.
import { readFileSync } from 'node:fs';
import { AppError, toErrorInfo } from './core/app-error';
import { openEngine, type Engine } from './core/engine';
import { resolveDataDir } from './core/data-dir';
import { parseCli, str } from './cli/args';
import { COMMANDS, WRITING_COMMANDS } from './cli/commands';
import { exitCodeFor, EXIT } from './cli/exit-codes';
import { errorLine, type Io } from './cli/output';
import { readSecret } from './cli/read-secret';
import { USAGE } from './cli/usage';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function runCli(argv: string[], io: Io, signal: AbortSignal): Promise<number> {
  let engine: Engine | undefined;
  try {
    const args = parseCli(argv);
    if (args.values.version) {
      io.out(version());
      return EXIT.ok;
    }
    if (args.values.help || args.command === undefined) {
      (args.command === undefined && !args.values.help ? io.err : io.out)(USAGE);
      return args.values.help ? EXIT.ok : EXIT.usage;
    }
    const run = COMMANDS[args.command];
    if (!run) throw new AppError('INVALID_INPUT', `Unknown command "${args.command}". Run nexus-registries --help.`);
    engine = openEngine({ dataDir: resolveDataDir(str(args, 'data-dir')) });
    if (WRITING_COMMANDS.has(args.command)) await engine.reconciler.reconcile();
    return await run({ engine, args, io, signal, readSecret: () => readSecret(process.stdin, process.stderr) });
  } catch (err) {
    const info = toErrorInfo(err);
    if (info.code === 'INTERNAL' && process.env.NEXUS_REGISTRIES_DEBUG) io.err(String((err as Error)?.stack ?? err));
    io.err(errorLine(info));
    return exitCodeFor(info.code);
  } finally {
    engine?.close();
  }
}

export async function main(): Promise<void> {
  const controller = new AbortController();
  // First Ctrl-C cancels a validation in progress (it ends as CANCELLED); a second one exits.
  process.once('SIGINT', () => {
    controller.abort();
    process.once('SIGINT', () => process.exit(130));
  });
  const io: Io = { out: (t) => process.stdout.write(t + '\n'), err: (t) => process.stderr.write(t + '\n') };
  process.exitCode = await runCli(process.argv.slice(2), io, controller.signal);
}

import { createInterface } from 'node:readline';
import { AppError } from '../core/app-error';

/**
 * The secret comes from standard input only: arguments are visible to every user on the
 * machine (ps) and land in shell history. A terminal gets a prompt that does not echo.
 */
export async function readSecret(stdin: NodeJS.ReadStream, stderr: NodeJS.WriteStream): Promise<string> {
  const text = stdin.isTTY ? await promptHidden(stdin, stderr) : await readAll(stdin);
  // One trailing newline is what `echo` or a here-string adds; it is never part of an Azure secret.
  const secret = text.replace(/\r?\n$/, '');
  if (secret === '') throw new AppError('INVALID_INPUT', 'No client secret on standard input. Pipe it in, e.g. printf %s "$SECRET" | nexus-registries add … --client-secret-stdin.', 'clientSecret');
  return secret;
}

async function readAll(stream: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function promptHidden(stdin: NodeJS.ReadStream, stderr: NodeJS.WriteStream): Promise<string> {
  return new Promise((resolve) => {
    stderr.write('Client secret (not shown): ');
    const rl = createInterface({ input: stdin, output: undefined, terminal: true });
    rl.question('', (answer) => {
      rl.close();
      stderr.write('\n');
      resolve(answer);
    });
  });
}

import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { platformDataDir, resolveDataDir } from '../../electron/core/data-dir';
import { tempDir } from '../support/engine-fixture';
import { FakeAzure, GOOD } from '../support/fake-azure';
import { runProcess, type ProcessResult } from '../support/run-process';

const BIN = join(process.cwd(), 'bin', 'nexus-registries.mjs');
let az: FakeAzure;
let dir: string;
let cleanup: () => void;

beforeAll(async () => {
  az = await new FakeAzure().start();
});
afterAll(() => az.close());
beforeEach(() => {
  az.reset();
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

function cli(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ProcessResult> {
  return runProcess(process.execPath, [BIN, '--data-dir', dir, ...args], { input: options.input, env: { ...process.env, ...options.env } });
}

function addArgs(name = 'Production', extra: string[] = []): string[] {
  return ['add', '--name', name, '--type', 'acr', '--address', az.registryAddress, '--tenant-id', GOOD.tenantId, '--client-id', GOOD.clientId,
    '--client-secret-stdin', '--authority-host', az.authorityHost, '--ca-file', az.caFile, ...extra];
}

async function listJson(): Promise<Record<string, unknown>[]> {
  const r = await cli(['list', '--json']);
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>[];
}

/** Every byte the data dir holds (database, WAL, anything else). */
function dataBytes(): string {
  return readdirSync(dir).map((f) => readFileSync(join(dir, f)).toString('latin1')).join('');
}

function expectNoSecret(...texts: string[]): void {
  for (const t of texts) expect(t).not.toContain(GOOD.secret);
}

describe('nexus-registries CLI', () => {
  it('prints help and exits 0; no command is a usage error (2)', async () => {
    const help = await cli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: nexus-registries');
    const none = await cli([]);
    expect(none.status).toBe(2);
  });

  it('refuses unknown commands and options with exit 2 and one error line', async () => {
    for (const args of [['frobnicate'], ['list', '--bogus'], ['add', '--client-secret', 'in-argv']]) {
      const r = await cli(args);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^error INVALID_INPUT: /);
    }
  });

  it('lists nothing on a fresh data dir', async () => {
    expect(await listJson()).toEqual([]);
  });

  it('adds a validated registry, printing the steps, and never shows the secret', async () => {
    const r = await cli(addArgs(), { input: GOOD.secret + '\n' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/✓ reach/);
    expect(r.stdout).toMatch(/✓ sign-in/);
    expect(r.stdout).toMatch(/✓ authorize/);
    expect(r.stdout).toMatch(/✓ read/);
    expect(r.stdout).toMatch(/Saved "Production" .* as the default registry/);
    const [row] = await listJson();
    expect(Object.keys(row ?? {})).toEqual(expect.arrayContaining(['id', 'name', 'type', 'address', 'tenantId', 'clientId', 'isDefault', 'createdAt', 'updatedAt', 'lastValidation']));
    expect(row).toMatchObject({ name: 'Production', type: 'acr', address: az.registryAddress, tenantId: GOOD.tenantId, clientId: GOOD.clientId, isDefault: true, lastValidation: { ok: true } });
    const show = await cli(['show', 'production', '--json']);
    expect(JSON.parse(show.stdout)).toMatchObject({ id: row?.id, name: 'Production' });
    const table = await cli(['list']);
    expect(table.stdout).toMatch(/Production\s+https:\/\/127\.0\.0\.1:\d+\s+Azure Container Registry\s+yes/);
    expectNoSecret(r.stdout, r.stderr, show.stdout, table.stdout, JSON.stringify(row), dataBytes());
  });

  it('trusts the registry CA from NODE_EXTRA_CA_CERTS as well as from --ca-file', async () => {
    const args = addArgs().filter((a, i, all) => a !== '--ca-file' && all[i - 1] !== '--ca-file');
    const without = await cli(args, { input: GOOD.secret });
    expect(without.status).toBe(1);
    expect(without.stderr).toMatch(/^error TLS_UNTRUSTED: --address: /);
    const withEnv = await cli(args, { input: GOOD.secret, env: { NODE_EXTRA_CA_CERTS: az.caFile } });
    expect(withEnv.status).toBe(0);
  });

  it.each([
    ['a wrong secret', () => undefined, 'wrong-secret', 'BAD_SECRET', '--client-secret-stdin'],
    ['an expired secret', () => az.principal({ expired: true }), GOOD.secret, 'SECRET_EXPIRED', '--client-secret-stdin'],
    ['a principal without access', () => az.principal({ access: 'deny-token' }), GOOD.secret, 'ACCESS_DENIED', '--client-id'],
    ['an unknown tenant', () => az.tenants.delete(GOOD.tenantId), GOOD.secret, 'UNKNOWN_TENANT', '--tenant-id'],
    ['an unknown client', () => az.principal({ clientId: '99999999-9999-4999-8999-999999999999' }), GOOD.secret, 'UNKNOWN_CLIENT', '--client-id'],
    ['an unreachable authority', () => az.fail('aad-metadata', { kind: 'reset' }), GOOD.secret, 'UNREACHABLE', '--authority-host'],
  ])('refuses %s with exit 1, naming the code and the option to fix, and leaves the store unchanged', async (_label, arrange, secret, code, flag) => {
    arrange();
    const r = await cli(addArgs(), { input: secret });
    az.tenants.add(GOOD.tenantId);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^error ${code}: ${flag}: .*Nothing was saved\\.`));
    expect(r.stdout).toMatch(/✗ /);
    expect(await listJson()).toEqual([]);
    expectNoSecret(r.stdout, r.stderr);
  });

  it('refuses bad input with exit 2 before asking for the secret', async () => {
    for (const [flag, value] of [['--address', 'http://insecure.example'], ['--tenant-id', 'not a tenant'], ['--client-id', 'x'], ['--name', '']]) {
      const args = addArgs();
      args[args.indexOf(flag as string) + 1] = value as string;
      const r = await cli(args, { input: GOOD.secret });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^error INVALID_INPUT: /);
    }
    const noSecret = await cli(addArgs(), { input: '' });
    expect(noSecret.status).toBe(2);
    expect(noSecret.stderr).toMatch(/No client secret on standard input/);
    expect(await listJson()).toEqual([]);
  });

  it('applies the rules: name taken (4), default undeletable (4), not found (3), delete needs --yes (2)', async () => {
    expect((await cli(addArgs('A'), { input: GOOD.secret })).status).toBe(0);
    expect((await cli(addArgs('B'), { input: GOOD.secret })).status).toBe(0);
    const dup = await cli(addArgs('a'), { input: GOOD.secret });
    expect(dup.status).toBe(4);
    expect(dup.stderr).toMatch(/^error NAME_TAKEN: /);
    const delDefault = await cli(['delete', 'A', '--yes']);
    expect(delDefault.status).toBe(4);
    expect(delDefault.stderr).toMatch(/^error DEFAULT_UNDELETABLE: /);
    expect((await cli(['show', 'nope'])).status).toBe(3);
    expect((await cli(['delete', 'B'])).status).toBe(2);
    expect((await cli(['set-default', 'B'])).status).toBe(0);
    expect((await cli(['delete', 'A', '--yes'])).status).toBe(0);
    expect((await listJson()).map((r) => [r.name, r.isDefault])).toEqual([['B', true]]);
  });

  it('edits a name without validation, and validates connection changes first', async () => {
    await cli(addArgs('A'), { input: GOOD.secret });
    const rename = await cli(['edit', 'A', '--name', 'Renamed']);
    expect(rename.status).toBe(0);
    expect(rename.stdout).not.toMatch(/Validating/);
    const badSecret = await cli(['edit', 'Renamed', '--client-secret-stdin'], { input: 'wrong' });
    expect(badSecret.status).toBe(1);
    expect(badSecret.stderr).toMatch(/^error BAD_SECRET: /);
    const tenant = await cli(['edit', 'Renamed', '--tenant-id', 'contoso.onmicrosoft.com']);
    expect(tenant.stdout).toMatch(/Validating/);
    expect(tenant.status).toBe(0);
    expect((await listJson())[0]).toMatchObject({ name: 'Renamed', tenantId: 'contoso.onmicrosoft.com' });
  });

  it('validates stored registries: one as a result object, all as an array, exit 1 if any fails', async () => {
    await cli(addArgs('A'), { input: GOOD.secret });
    await cli(addArgs('B'), { input: GOOD.secret });
    const one = await cli(['validate', 'A', '--json']);
    expect(one.status).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({ ok: true, steps: [{ step: 'reach' }, { step: 'sign-in' }, { step: 'authorize' }, { step: 'read' }] });
    az.principal({ access: 'empty-grant' });
    const all = await cli(['validate', '--all', '--json']);
    expect(all.status).toBe(1);
    const results = JSON.parse(all.stdout) as { name: string; result: { ok: boolean; error?: { code: string } } }[];
    expect(results.map((r) => [r.name, r.result.ok, r.result.error?.code])).toEqual([['A', false, 'ACCESS_DENIED'], ['B', false, 'ACCESS_DENIED']]);
    expect((await listJson()).map((r) => (r.lastValidation as { ok: boolean }).ok)).toEqual([false, false]);
  });

  it('fails with KEYCHAIN_UNAVAILABLE and saves nothing when no keychain is reachable', async () => {
    if (process.platform !== 'linux') return;
    const r = await cli(addArgs(), { input: GOOD.secret, env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error KEYCHAIN_UNAVAILABLE: --client-secret-stdin: .*Secret Service/);
    expect(await listJson()).toEqual([]);
  });

  it('cancels a validation on Ctrl-C and saves nothing', async () => {
    az.fail('aad-token', { kind: 'hang' });
    const child = spawn(process.execPath, [BIN, '--data-dir', dir, ...addArgs()], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.end(GOOD.secret);
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes('✓ reach') && !sent) {
        sent = true; // a second Ctrl-C means "exit now", so send one
        child.kill('SIGINT');
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(status).toBe(1);
    expect(stderr).toMatch(/^error CANCELLED: Validation was cancelled\. Nothing was saved\.\n$/);
    expect(await listJson()).toEqual([]);
  });
});

describe('data dir resolution', () => {
  it('--data-dir beats NEXUS_REGISTRIES_DATA_DIR beats the platform default (Electron userData)', () => {
    expect(resolveDataDir('/flag', { NEXUS_REGISTRIES_DATA_DIR: '/env' })).toBe('/flag');
    expect(resolveDataDir(undefined, { NEXUS_REGISTRIES_DATA_DIR: '/env' })).toBe('/env');
    expect(resolveDataDir(undefined, { XDG_CONFIG_HOME: '/cfg' })).toBe(platformDataDir({ XDG_CONFIG_HOME: '/cfg' }));
    expect(platformDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe('/cfg/Nexus Registries');
    expect(platformDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toMatch(/Roaming.Nexus Registries$/);
    expect(platformDataDir({}, 'darwin')).toMatch(/Library\/Application Support\/Nexus Registries$/);
  });

  it('uses NEXUS_REGISTRIES_DATA_DIR when no flag is given', async () => {
    const r = await runProcess(process.execPath, [BIN, 'list', '--json'], { env: { ...process.env, NEXUS_REGISTRIES_DATA_DIR: join(dir, 'from-env') } });
    expect(r.status).toBe(0);
    expect(readdirSync(join(dir, 'from-env'))).toContain('registries.db');
  });
});

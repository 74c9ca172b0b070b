import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/app-error';
import type { Engine } from '../../electron/core/engine';
import { KeychainVault } from '../../electron/core/secrets/keychain-vault';
import type { SecretVault } from '../../electron/core/secrets/secret-vault';
import { RegistryStore } from '../../electron/core/store/registry-store';
import { addRegistry, goodInput, makeEngine, startAzure, tempDir } from '../support/engine-fixture';
import { GOOD, type FakeAzure } from '../support/fake-azure';
import { runProcess } from '../support/run-process';

let az: FakeAzure;
let dir: string;
let cleanup: () => void;
const engines: Engine[] = [];
const keychain = new KeychainVault();

beforeAll(async () => {
  az = await startAzure();
});
afterAll(() => az.close());
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => {
  engines.splice(0).forEach((e) => e.close());
  cleanup();
});

function engine(options: Parameters<typeof makeEngine>[1] = {}): Engine {
  const e = makeEngine(dir, options);
  engines.push(e);
  return e;
}

/** The keychain secrets that exist for the given registry ids. */
async function secretsOf(ids: string[]): Promise<string[]> {
  const all = new Set(await keychain.accounts());
  return ids.filter((id) => all.has(id));
}

function rowIds(e: Engine): string[] {
  return e.service.list().map((r) => r.id);
}

describe('a registry row and its secret are written together or not at all', () => {
  it('keychain write fails → no row, no intent', async () => {
    const failing: SecretVault = { ...keychain, get: (a) => keychain.get(a), delete: (a) => keychain.delete(a), accounts: () => keychain.accounts(), set: async () => { throw new AppError('KEYCHAIN_UNAVAILABLE', 'injected: keychain locked'); } };
    const e = engine({ vault: failing });
    await expect(addRegistry(e, goodInput(az))).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    expect(rowIds(e)).toEqual([]);
    expect(e.store.intents()).toEqual([]);
  });

  it('database write fails after the keychain write → the secret is removed again', async () => {
    const written: string[] = [];
    const spy: SecretVault = { set: async (a, s) => { written.push(a); await keychain.set(a, s); }, get: (a) => keychain.get(a), delete: (a) => keychain.delete(a), accounts: () => keychain.accounts() };
    class FailingStore extends RegistryStore {
      override removeIntent(id: string): void {
        // The last statement of the create transaction, after the keychain write.
        if (written.includes(id) && !this.failedOnce) {
          this.failedOnce = true;
          throw Object.assign(new Error('injected: disk I/O error'), { code: 'SQLITE_IOERR' });
        }
        super.removeIntent(id);
      }
      failedOnce = false;
    }
    const e = engine({ vault: spy, wrapStore: (s) => Object.setPrototypeOf(s, FailingStore.prototype) as RegistryStore });
    await expect(addRegistry(e, goodInput(az))).rejects.toThrow('disk I/O error');
    expect(written).toHaveLength(1);
    expect(rowIds(e)).toEqual([]);
    expect(await secretsOf(written)).toEqual([]);
  });

  it('a crash between the keychain write and the commit is reconciled on the next start', async () => {
    const child = await runProcess(process.execPath, ['--import', 'tsx', 'test/support/crash-child.ts', dir, 'create', JSON.stringify(goodInput(az))]);
    expect(child.signal).toBe('SIGKILL');
    expect(child.stdout).not.toContain('survived');
    const e = engine();
    const [intent] = e.store.intents();
    expect(intent?.op).toBe('create');
    const orphan = intent?.registry_id as string;
    expect(await keychain.get(orphan)).toBe(GOOD.secret); // the crash left a secret without a row
    const report = await e.reconciler.reconcile();
    expect(report.orphanSecretsRemoved).toBe(1);
    expect(await keychain.get(orphan)).toBeNull();
    expect(rowIds(e)).toEqual([]);
    expect(e.store.intents()).toEqual([]);
  });

  it('a crash while deleting leaves the row flagged as missing its secret, not a broken registry', async () => {
    const e1 = engine();
    await addRegistry(e1, goodInput(az, 'Default'));
    const victim = await addRegistry(e1, goodInput(az, 'Victim'));
    e1.close();
    engines.splice(0);
    const child = await runProcess(process.execPath, ['--import', 'tsx', 'test/support/crash-child.ts', dir, 'delete', victim.id]);
    expect(child.signal).toBe('SIGKILL');
    const e2 = engine();
    expect(e2.service.get(victim.id).secretStored).toBe(true); // not yet known
    const report = await e2.reconciler.reconcile();
    expect(report.rowsMissingSecret).toBe(1);
    expect(e2.service.get(victim.id).secretStored).toBe(false);
    await expect(e2.service.validateStored(victim.id)).rejects.toMatchObject({ code: 'SECRET_MISSING', field: 'clientSecret' });
  });

  it('never reconciles an intent whose process is still alive', async () => {
    const e = engine();
    e.store.transactionSync(() => e.store.addIntent('still-running', 'create'));
    // Our own pid, and marked in flight: the write is ours and not finished.
    e.service.inFlight.add('still-running');
    await keychain.set('still-running', 'x');
    expect((await e.reconciler.reconcile()).orphanSecretsRemoved).toBe(0);
    expect(await keychain.get('still-running')).toBe('x');
    await keychain.delete('still-running');
  });

  it('the start-up sweep flags rows whose secret vanished from the keychain, and unflags them when it is back', async () => {
    const e = engine();
    const r = await addRegistry(e, goodInput(az));
    await keychain.delete(r.id);
    expect((await e.reconciler.reconcile({ sweep: true })).rowsMissingSecret).toBe(1);
    expect(e.service.get(r.id).secretStored).toBe(false);
    await keychain.set(r.id, GOOD.secret);
    expect((await e.reconciler.reconcile({ sweep: true })).rowsSecretFound).toBe(1);
    expect(e.service.get(r.id).secretStored).toBe(true);
  });
});

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KeychainVault } from '../../electron/core/secrets/keychain-vault';
import type { Engine } from '../../electron/core/engine';
import { VALIDATION_TTL_MS } from '../../electron/core/validation-ledger';
import { addRegistry, goodInput, makeEngine, startAzure, tempDir } from '../support/engine-fixture';
import { GOOD, type FakeAzure } from '../support/fake-azure';

let az: FakeAzure;
let engine: Engine;
let cleanup: () => void;
let dataDir: string;
let clock = Date.now();
const vault = new KeychainVault();

beforeAll(async () => {
  az = await startAzure();
});
afterAll(() => az.close());
beforeEach(() => {
  az.reset();
  const t = tempDir();
  cleanup = t.cleanup;
  dataDir = t.dir;
  clock = Date.now();
  engine = makeEngine(dataDir, { now: () => clock });
});
afterEach(() => {
  engine.close();
  cleanup();
});

async function expectCode(p: Promise<unknown> | (() => unknown), code: string, field?: string): Promise<void> {
  const run = typeof p === 'function' ? Promise.resolve().then(p) : p;
  await expect(run).rejects.toMatchObject(field ? { code, field } : { code });
}

describe('creating registries', () => {
  it('saves a validated registry, its secret in the keychain only, and makes the first one default', async () => {
    const r = await addRegistry(engine, goodInput(az));
    expect(r).toMatchObject({ name: 'Production', type: 'acr', address: az.registryAddress, isDefault: true, secretStored: true });
    expect(r.lastValidation).toMatchObject({ ok: true });
    expect(await vault.get(r.id)).toBe(GOOD.secret);
    expect(JSON.stringify(engine.service.list())).not.toContain(GOOD.secret);
    const second = await addRegistry(engine, goodInput(az, 'Staging'));
    expect(second.isDefault).toBe(false);
    expect(engine.service.list().filter((x) => x.isDefault)).toHaveLength(1);
  });

  it('refuses to save values that did not pass validation', async () => {
    await expectCode(engine.service.create(goodInput(az)), 'VALIDATION_REQUIRED');
    expect(engine.service.list()).toEqual([]);
  });

  it('refuses to save when a value changed after validation (exactly those values)', async () => {
    const input = goodInput(az);
    await engine.service.validate(input);
    await expectCode(engine.service.create({ ...input, clientSecret: GOOD.secret + 'x' }), 'VALIDATION_REQUIRED');
    await expectCode(engine.service.create({ ...input, tenantId: 'contoso.onmicrosoft.com' }), 'VALIDATION_REQUIRED');
    expect(engine.service.list()).toEqual([]);
  });

  it('refuses a failed validation', async () => {
    const input = { ...goodInput(az), clientSecret: 'wrong' };
    const result = await engine.service.validate(input);
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_SECRET', field: 'clientSecret' } });
    await expectCode(engine.service.create(input), 'VALIDATION_REQUIRED');
  });

  it('forgets a validation after 10 minutes', async () => {
    const input = goodInput(az);
    await engine.service.validate(input);
    clock += VALIDATION_TTL_MS + 1000;
    await expectCode(engine.service.create(input), 'VALIDATION_REQUIRED');
  });

  it('keeps names unique ignoring case', async () => {
    await addRegistry(engine, goodInput(az, 'Production'));
    const dup = goodInput(az, '  PRODUCTION ');
    await engine.service.validate(dup);
    await expectCode(engine.service.create(dup), 'NAME_TAKEN', 'name');
    expect(engine.service.list()).toHaveLength(1);
  });

  it.each([
    [{ name: '' }, 'name'],
    [{ name: 'x'.repeat(65) }, 'name'],
    [{ address: 'http://myreg.azurecr.io' }, 'address'],
    [{ address: 'https://myreg.azurecr.io/some/path' }, 'address'],
    [{ address: 'https://u:p@myreg.azurecr.io' }, 'address'],
    [{ tenantId: 'not a tenant' }, 'tenantId'],
    [{ clientId: '1234' }, 'clientId'],
    [{ clientSecret: '' }, 'clientSecret'],
    [{ type: 'docker' }, 'type'],
    [{ caCertificate: '-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----' }, 'caCertificate'],
    [{ authorityHost: 'http://login.microsoftonline.com' }, 'authorityHost'],
  ])('refuses bad input %j with INVALID_INPUT on its field, changing nothing', async (patch, field) => {
    const input = { ...goodInput(az), ...patch } as ReturnType<typeof goodInput>;
    // Validation concerns the connection; the name is checked on save.
    if (field !== 'name') await expectCode(engine.service.validate(input), 'INVALID_INPUT', field);
    await expectCode(engine.service.create(input), 'INVALID_INPUT', field);
    expect(engine.service.list()).toEqual([]);
  });
});

describe('editing registries', () => {
  it('renames without validation and keeps the stored secret', async () => {
    const r = await addRegistry(engine, goodInput(az));
    const renamed = await engine.service.update(r.id, { name: 'Prod (EU)' });
    expect(renamed).toMatchObject({ id: r.id, name: 'Prod (EU)', lastValidation: r.lastValidation });
    expect(await vault.get(r.id)).toBe(GOOD.secret);
  });

  it('requires validation when the connection changes, using the stored secret when none is given', async () => {
    const r = await addRegistry(engine, goodInput(az));
    await expectCode(engine.service.update(r.id, { tenantId: 'contoso.onmicrosoft.com' }), 'VALIDATION_REQUIRED');
    const result = await engine.service.validate({ ...goodInput(az), registryId: r.id, clientSecret: '', tenantId: 'contoso.onmicrosoft.com' });
    expect(result.ok).toBe(true);
    const saved = await engine.service.update(r.id, { tenantId: 'contoso.onmicrosoft.com' });
    expect(saved.tenantId).toBe('contoso.onmicrosoft.com');
    expect(await vault.get(r.id)).toBe(GOOD.secret);
  });

  it('replaces the secret only after the new one passed validation', async () => {
    const r = await addRegistry(engine, goodInput(az));
    az.principal({ secret: 'rotated-secret-value' });
    await expectCode(engine.service.update(r.id, { clientSecret: 'rotated-secret-value' }), 'VALIDATION_REQUIRED');
    expect(await vault.get(r.id)).toBe(GOOD.secret);
    await engine.service.validate({ ...goodInput(az), registryId: r.id, clientSecret: 'rotated-secret-value' });
    await engine.service.update(r.id, { clientSecret: 'rotated-secret-value' });
    expect(await vault.get(r.id)).toBe('rotated-secret-value');
  });

  it('refuses to rename onto another name, ignoring case', async () => {
    await addRegistry(engine, goodInput(az, 'A'));
    const b = await addRegistry(engine, goodInput(az, 'B'));
    await expectCode(engine.service.update(b.id, { name: 'a' }), 'NAME_TAKEN', 'name');
    expect(engine.service.get(b.id).name).toBe('B');
  });

  it('records the last validation of the stored values on the row', async () => {
    const r = await addRegistry(engine, goodInput(az));
    az.principal({ expired: true });
    const result = await engine.service.validateStored(r.name);
    expect(result.error).toMatchObject({ code: 'SECRET_EXPIRED', field: 'clientSecret' });
    expect(engine.service.get(r.id).lastValidation).toMatchObject({ ok: false, failedStep: 'sign-in', code: 'SECRET_EXPIRED' });
  });
});

describe('cost shape', () => {
  it('lists and shows without touching the keychain (whether a secret is stored is known from the row)', async () => {
    const r = await addRegistry(engine, goodInput(az));
    engine.close();
    // The same data dir, reopened with a vault that records every call.
    const touched: string[] = [];
    const spy = { set: async () => void touched.push('set'), get: async () => (touched.push('get'), null), delete: async () => (touched.push('delete'), false), accounts: async () => (touched.push('accounts'), []) };
    engine = makeEngine(dataDir, { vault: spy });
    expect(engine.service.list().map((x) => [x.id, x.secretStored])).toEqual([[r.id, true]]);
    expect(engine.service.get(r.name).id).toBe(r.id);
    expect(touched).toEqual([]);
  });
});

describe('default and delete', () => {
  it('never deletes the default registry', async () => {
    const a = await addRegistry(engine, goodInput(az, 'A'));
    await expectCode(engine.service.delete(a.id), 'DEFAULT_UNDELETABLE');
    expect(engine.service.list()).toHaveLength(1);
    expect(await vault.get(a.id)).toBe(GOOD.secret);
  });

  it('moves the default in one step and deletes the former default with its secret', async () => {
    const a = await addRegistry(engine, goodInput(az, 'A'));
    const b = await addRegistry(engine, goodInput(az, 'B'));
    await engine.service.setDefault('b');
    expect(engine.service.list().map((r) => [r.name, r.isDefault])).toEqual([['A', false], ['B', true]]);
    await engine.service.delete('A');
    expect(engine.service.list().map((r) => r.id)).toEqual([b.id]);
    expect(await vault.get(a.id)).toBeNull();
  });

  it('answers NOT_FOUND for unknown ids and names', async () => {
    await expectCode(() => engine.service.get('nope'), 'NOT_FOUND', 'id');
    await expectCode(engine.service.delete('3f1c3a52-0000-4000-8000-000000000000'), 'NOT_FOUND');
    await expectCode(engine.service.setDefault('nope'), 'NOT_FOUND');
    await expectCode(engine.service.update('nope', { name: 'x' }), 'NOT_FOUND');
    await expectCode(() => engine.service.get(''), 'INVALID_INPUT');
  });
});

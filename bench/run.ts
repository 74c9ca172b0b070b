// npm run bench: the speed goals of DESIGN.md "Cost shape", measured, never asserted in tests.
//   - list is one query and stays fast at 10,000 registries (goal: < 100 ms in the engine, i.e.
//     below what a person perceives as a delay; the grid pages, so it never renders all of them)
//   - `nexus-registries list --json` starts fast: no keychain, no Azure SDK (goal: < 1.5 s)
//   - a validation against a loopback registry (for reference)
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { nameKey } from '../electron/common/registry-fields';
import { openEngine } from '../electron/core/engine';
import type { SecretVault } from '../electron/core/secrets/secret-vault';
import { tempDir } from '../test/support/engine-fixture';
import { FakeAzure, GOOD } from '../test/support/fake-azure';
import { AcrValidator } from '../electron/core/validate/acr-validator';

const N = 10_000;
const results: { name: string; ms: number; goalMs: number }[] = [];

function time<T>(fn: () => T): [T, number] {
  const t = process.hrtime.bigint();
  const v = fn();
  return [v, Number(process.hrtime.bigint() - t) / 1e6];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

const { dir, cleanup } = tempDir('nexus-bench-');
// Any keychain access would throw: list must not need it.
const noKeychain: SecretVault = {
  set: () => Promise.reject(new Error('keychain touched')),
  get: () => Promise.reject(new Error('keychain touched')),
  delete: () => Promise.reject(new Error('keychain touched')),
  accounts: () => Promise.reject(new Error('keychain touched')),
};
const engine = openEngine({ dataDir: dir, vault: noKeychain });
const now = new Date().toISOString();
engine.store.transactionSync(() => {
  for (let i = 0; i < N; i++) {
    const name = `Registry ${String(i).padStart(5, '0')}`;
    engine.store.insert(
      { id: randomUUID(), name, type: 'acr', address: `https://reg${i}.azurecr.io`, tenantId: GOOD.tenantId, clientId: GOOD.clientId, authorityHost: 'https://login.microsoftonline.com', caCertificate: null, isDefault: i === 0, createdAt: now, updatedAt: now, lastValidation: null },
      nameKey(name),
    );
  }
});

const listTimes = Array.from({ length: 15 }, () => time(() => engine.service.list())[1]);
results.push({ name: `engine list() of ${N} registries (median of 15)`, ms: median(listTimes), goalMs: 100 });
const [, getMs] = time(() => engine.service.get('Registry 09999'));
results.push({ name: 'engine get() by name', ms: getMs, goalMs: 5 });
engine.close();

const cliTimes = Array.from({ length: 3 }, () => {
  const t = Date.now();
  const r = spawnSync(process.execPath, [join('bin', 'nexus-registries.mjs'), '--data-dir', dir, 'list', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(r.stderr);
  if ((JSON.parse(r.stdout) as unknown[]).length !== N) throw new Error('CLI listed the wrong count');
  return Date.now() - t;
});
results.push({ name: `CLI list --json of ${N} registries, whole process (median of 3)`, ms: median(cliTimes), goalMs: 1500 });

const az = await new FakeAzure().start();
const validator = new AcrValidator();
const conn = { type: 'acr' as const, address: az.registryAddress, tenantId: GOOD.tenantId, clientId: GOOD.clientId, clientSecret: GOOD.secret, authorityHost: az.authorityHost, caCertificate: az.caPem };
await validator.validate(conn); // warm-up: loads the SDK
const vTimes: number[] = [];
for (let i = 0; i < 5; i++) {
  const t = Date.now();
  const r = await validator.validate(conn);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  vTimes.push(Date.now() - t);
}
results.push({ name: 'validation against a loopback registry (median of 5)', ms: median(vTimes), goalMs: 1000 });
await az.close();
cleanup();

let missed = 0;
for (const r of results) {
  const ok = r.ms <= r.goalMs;
  if (!ok) missed++;
  console.log(`${ok ? 'ok  ' : 'SLOW'}  ${r.ms.toFixed(1).padStart(8)} ms  (goal ${r.goalMs} ms)  ${r.name}`);
}
process.exit(missed ? 1 : 0);

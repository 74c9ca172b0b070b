// Run as a separate process by atomicity.test.ts: performs one write and kills itself with
// SIGKILL right after the keychain step, before SQLite commits. A real crash, not a simulation.
import type { CreateRegistryInput } from '../../electron/common/registry';
import { openEngine } from '../../electron/core/engine';
import { KeychainVault } from '../../electron/core/secrets/keychain-vault';
import type { SecretVault } from '../../electron/core/secrets/secret-vault';
import { AcrValidator } from '../../electron/core/validate/acr-validator';

const [dataDir, mode, json] = process.argv.slice(2) as [string, 'create' | 'delete', string];
const real = new KeychainVault();
const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};
const vault: SecretVault = {
  set: async (a, s) => {
    await real.set(a, s);
    if (mode === 'create') die();
  },
  get: (a) => real.get(a),
  delete: async (a) => {
    const r = await real.delete(a);
    if (mode === 'delete') die();
    return r;
  },
  accounts: () => real.accounts(),
};
const engine = openEngine({ dataDir, vault, validator: new AcrValidator(5000) });
if (mode === 'create') {
  const input = JSON.parse(json) as CreateRegistryInput;
  const result = await engine.service.validate(input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  await engine.service.create(input);
} else {
  await engine.service.delete(json);
}
console.log('survived'); // never printed: the process dies inside the keychain step

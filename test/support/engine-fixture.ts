// Builds engines on real SQLite files in temp dirs, with the real keychain (a private Secret
// Service on Linux, see scripts/with-keyring.sh) and the real ACR validator.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CreateRegistryInput } from '../../electron/common/registry';
import { openEngine, type Engine, type EngineOptions } from '../../electron/core/engine';
import { AcrValidator } from '../../electron/core/validate/acr-validator';
import { FakeAzure, GOOD } from './fake-azure';

export function tempDir(prefix = 'nexus-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function makeEngine(dataDir: string, options: Partial<EngineOptions> = {}): Engine {
  return openEngine({ dataDir, validator: new AcrValidator(5000), ...options });
}

/** Input for a registry on the fake Azure that validates with the good principal. */
export function goodInput(az: FakeAzure, name = 'Production'): CreateRegistryInput {
  return {
    name,
    type: 'acr',
    address: az.registryAddress,
    tenantId: GOOD.tenantId,
    clientId: GOOD.clientId,
    clientSecret: GOOD.secret,
    authorityHost: az.authorityHost,
    caCertificate: az.caPem,
  };
}

/** Validate, then create: the way every caller must save. */
export async function addRegistry(engine: Engine, input: CreateRegistryInput) {
  const result = await engine.service.validate(input);
  if (!result.ok) throw new Error(`fixture validation failed: ${JSON.stringify(result.error)}`);
  return engine.service.create(input);
}

export async function startAzure(): Promise<FakeAzure> {
  return new FakeAzure().start();
}

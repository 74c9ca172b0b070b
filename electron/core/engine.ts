import { openDatabase, type OpenOptions } from './store/database';
import { RegistryStore } from './store/registry-store';
import { KeychainVault } from './secrets/keychain-vault';
import type { SecretVault } from './secrets/secret-vault';
import type { ConnectionValidator } from './validate/connection-validator';
import { LazyAcrValidator } from './validate/lazy-acr-validator';
import { RegistryService } from './registry-service';
import { SecretReconciler } from './secret-reconciler';

export interface Engine {
  service: RegistryService;
  reconciler: SecretReconciler;
  store: RegistryStore;
  dbPath: string;
  close(): void;
}

export interface EngineOptions extends OpenOptions {
  dataDir: string;
  vault?: SecretVault;
  validator?: ConnectionValidator;
  now?: () => number;
  /** Wrap the store (tests inject failures this way). */
  wrapStore?: (store: RegistryStore) => RegistryStore;
}

/** Wire the engine for one data dir. Opening touches neither the keychain nor the Azure SDK. */
export function openEngine(options: EngineOptions): Engine {
  const { writer, reader, path } = openDatabase(options.dataDir, options);
  const base = new RegistryStore(writer, reader);
  const store = options.wrapStore ? options.wrapStore(base) : base;
  const vault = options.vault ?? new KeychainVault();
  const service = new RegistryService({
    store,
    vault,
    validator: options.validator ?? new LazyAcrValidator(),
    ...(options.now ? { now: options.now } : {}),
  });
  const reconciler = new SecretReconciler(store, vault, service.inFlight, options.now);
  return { service, reconciler, store, dbPath: path, close: () => base.close() };
}

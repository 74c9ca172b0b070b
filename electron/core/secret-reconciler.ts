import { hostname } from 'node:os';
import type { SecretVault } from './secrets/secret-vault';
import type { IntentRow, RegistryStore } from './store/registry-store';

export interface ReconcileReport {
  /** Keychain entries removed because their registry row was never committed or was deleted. */
  orphanSecretsRemoved: number;
  /** Rows now flagged as having no secret in the keychain. */
  rowsMissingSecret: number;
  /** Rows whose secret was found again (e.g. a keychain restored from backup). */
  rowsSecretFound: number;
}

const FOREIGN_INTENT_MAX_AGE_MS = 24 * 60 * 60 * 1000;

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Finishes keychain writes that a crash interrupted. Each write commits an intent before it
 * touches the keychain (RegistryService.writeWithSecret); an intent whose process is gone means
 * the row and the keychain may disagree, and this makes them agree again.
 *
 * Only our own intents are followed; a keychain entry we have no intent for is never deleted,
 * because another data dir (a second profile, a test) may own it.
 */
export class SecretReconciler {
  constructor(
    private readonly store: RegistryStore,
    private readonly vault: SecretVault,
    private readonly inFlight: ReadonlySet<string> = new Set(),
    private readonly now: () => number = Date.now,
  ) {}

  async reconcile(options: { sweep?: boolean } = {}): Promise<ReconcileReport> {
    const report: ReconcileReport = { orphanSecretsRemoved: 0, rowsMissingSecret: 0, rowsSecretFound: 0 };
    for (const intent of this.store.intents()) {
      if (!this.isAbandoned(intent)) continue;
      // Under the write lock: no other process can be half-way through this registry.
      await this.store.transaction(async () => {
        const row = this.store.getForWrite(intent.registry_id);
        if (!row) {
          if (await this.vault.delete(intent.registry_id)) report.orphanSecretsRemoved++;
        } else if (intent.op !== 'create' && (await this.vault.get(intent.registry_id)) === null) {
          this.store.setSecretStored(row.id, false);
          report.rowsMissingSecret++;
        }
        this.store.removeIntent(intent.registry_id);
        this.store.ensureDefault();
      });
    }
    if (options.sweep) await this.sweep(report);
    return report;
  }

  /** One keychain query: flag rows whose secret is gone, and unflag rows whose secret is back. */
  private async sweep(report: ReconcileReport): Promise<void> {
    const accounts = new Set(await this.vault.accounts());
    this.store.transactionSync(() => {
      for (const r of this.store.list()) {
        if (this.inFlight.has(r.id)) continue;
        const has = accounts.has(r.id);
        if (has === r.secretStored) continue;
        this.store.setSecretStored(r.id, has);
        if (has) report.rowsSecretFound++;
        else report.rowsMissingSecret++;
      }
    });
  }

  private isAbandoned(intent: IntentRow): boolean {
    if (this.inFlight.has(intent.registry_id)) return false;
    if (intent.host !== hostname()) return this.now() - Date.parse(intent.created_at) > FOREIGN_INTENT_MAX_AGE_MS;
    if (intent.pid === process.pid) return true; // not in flight here, so left by an earlier process with our pid
    return !processIsAlive(intent.pid);
  }
}

import { randomUUID } from 'node:crypto';
import type {
  CreateRegistryInput,
  LastValidation,
  Registry,
  UpdateRegistryInput,
  ValidateConnectionInput,
  ValidationResult,
} from '../common/registry';
import { nameKey } from '../common/registry-fields';
import { AppError } from './app-error';
import { normaliseConnection, normaliseName, normaliseSecret, sameConnection, type NormalisedConnection } from './connection-input';
import type { SecretVault } from './secrets/secret-vault';
import type { RegistryRecord, RegistryStore } from './store/registry-store';
import { mapStoreError } from './store/store-errors';
import { toLastValidation } from './validate/last-validation';
import type { Connection, ConnectionValidator, ValidateOptions } from './validate/connection-validator';
import { ValidationLedger } from './validation-ledger';

export interface UpdatePlan {
  current: Registry;
  name: string;
  connection: NormalisedConnection;
  newSecret: string | undefined;
  needsValidation: boolean;
}

export interface RegistryServiceDeps {
  store: RegistryStore;
  vault: SecretVault;
  validator: ConnectionValidator;
  ledger?: ValidationLedger;
  now?: () => number;
}

const REF_MAX = 200;

/**
 * The registry rules (DESIGN.md "Registry"): every write path of the app and the CLI goes
 * through here. The UI mirrors these rules; it never replaces them.
 */
export class RegistryService {
  private readonly store: RegistryStore;
  private readonly vault: SecretVault;
  private readonly validator: ConnectionValidator;
  private readonly ledger: ValidationLedger;
  private readonly now: () => number;
  /** Writes run one at a time: a transaction stays open across the keychain call. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Registry ids with a keychain operation in flight in this process (see reconcile). */
  readonly inFlight = new Set<string>();

  constructor(deps: RegistryServiceDeps) {
    this.store = deps.store;
    this.vault = deps.vault;
    this.validator = deps.validator;
    this.now = deps.now ?? Date.now;
    this.ledger = deps.ledger ?? new ValidationLedger(this.now);
  }

  list(): Registry[] {
    return this.store.list();
  }

  /** By id, or by name ignoring case. */
  get(ref: string): Registry {
    if (typeof ref !== 'string' || ref.trim() === '' || ref.length > REF_MAX) {
      throw new AppError('INVALID_INPUT', 'Give a registry name or id.', 'id');
    }
    const found = this.store.get(ref.trim()) ?? this.store.findByNameKey(nameKey(ref.trim()));
    if (!found) throw new AppError('NOT_FOUND', `No registry is named or has the id "${ref.trim()}". Run "nexus-registries list" to see the registries.`, 'id');
    return found;
  }

  /**
   * Validate connection values (as typed in a form). With registryId and no secret, the stored
   * secret is used. A pass is remembered for ten minutes, for exactly these values.
   */
  async validate(input: ValidateConnectionInput, options: ValidateOptions = {}): Promise<ValidationResult> {
    const values = normaliseConnection(input);
    const existing = input.registryId ? this.get(input.registryId) : undefined;
    // Without a stored registry to fall back on, a secret is required (normaliseSecret says so).
    const typed = input.clientSecret || !existing ? normaliseSecret(input.clientSecret) : undefined;
    const secret = typed ?? (await this.storedSecret(existing as Registry));
    const result = await this.validator.validate({ ...values, clientSecret: secret }, options);
    const record = toLastValidation(result, this.now());
    if (result.ok) this.ledger.record({ ...values, clientSecret: secret }, record);
    // The row remembers a validation only when it was of exactly its stored values.
    if (existing && !typed && sameConnection(values, existing) && result.error?.code !== 'CANCELLED') {
      this.store.transactionSync(() => this.store.setLastValidation(existing.id, record));
    }
    return result;
  }

  /** Re-check a saved registry with its stored secret, and record the outcome on the row. */
  async validateStored(ref: string, options: ValidateOptions = {}): Promise<ValidationResult> {
    const r = this.get(ref);
    return this.validate({ ...r, registryId: r.id }, options);
  }

  async create(input: CreateRegistryInput): Promise<Registry> {
    const name = normaliseName(input.name);
    const values = normaliseConnection(input);
    const secret = normaliseSecret(input.clientSecret);
    const passed = this.requirePassed({ ...values, clientSecret: secret });
    const at = new Date(this.now()).toISOString();
    const id = randomUUID();
    return this.serial(async () => {
      if (this.store.nameKeyTaken(nameKey(name))) throw nameTaken(name);
      await this.writeWithSecret(id, 'create', secret, null, () => {
        if (this.store.nameKeyTaken(nameKey(name))) throw nameTaken(name);
        const isDefault = this.store.count() === 0;
        const record: RegistryRecord = { id, name, ...values, isDefault, createdAt: at, updatedAt: at, lastValidation: passed };
        this.store.insert(record, nameKey(name));
      });
      return this.get(id);
    });
  }

  /** Check everything a create needs except the secret and validation, so callers fail fast. */
  checkCreate(input: Omit<CreateRegistryInput, 'clientSecret'>): void {
    const name = normaliseName(input.name);
    normaliseConnection(input);
    if (this.store.nameKeyTaken(nameKey(name))) throw nameTaken(name);
  }

  /** What an update would write, and whether it changes the connection (and so needs validation). */
  planUpdate(ref: string, patch: UpdateRegistryInput): UpdatePlan {
    const current = this.get(ref);
    const name = patch.name === undefined ? current.name : normaliseName(patch.name);
    if (this.store.nameKeyTaken(nameKey(name), current.id)) throw nameTaken(name);
    const connection = normaliseConnection({
      type: current.type,
      address: patch.address ?? current.address,
      tenantId: patch.tenantId ?? current.tenantId,
      clientId: patch.clientId ?? current.clientId,
      authorityHost: patch.authorityHost ?? current.authorityHost,
      caCertificate: patch.caCertificate === undefined ? current.caCertificate : patch.caCertificate,
    });
    const newSecret = patch.clientSecret ? normaliseSecret(patch.clientSecret) : undefined;
    return { current, name, connection, newSecret, needsValidation: newSecret !== undefined || !sameConnection(connection, current) };
  }

  async update(ref: string, patch: UpdateRegistryInput): Promise<Registry> {
    const { current, name, connection: values, newSecret, needsValidation } = this.planUpdate(ref, patch);
    let lastValidation = current.lastValidation;
    if (needsValidation) {
      const secret = newSecret ?? (await this.storedSecret(current));
      lastValidation = this.requirePassed({ ...values, clientSecret: secret });
    }
    return this.serial(async () => {
      if (this.store.nameKeyTaken(nameKey(name), current.id)) throw nameTaken(name);
      const record: RegistryRecord = {
        ...current,
        name,
        ...values,
        updatedAt: new Date(this.now()).toISOString(),
        lastValidation,
      };
      const write = (): void => {
        if (!this.store.getForWrite(current.id)) throw notFound(ref);
        this.store.update(record, nameKey(name), newSecret !== undefined || current.secretStored);
      };
      if (newSecret === undefined) {
        this.guard(() => this.store.transactionSync(write));
      } else {
        const previous = await this.vault.get(current.id);
        await this.writeWithSecret(current.id, 'update', newSecret, previous, write);
      }
      return this.get(current.id);
    });
  }

  async delete(ref: string): Promise<void> {
    const target = this.get(ref);
    if (target.isDefault) throw undeletable(target);
    await this.serial(async () => {
      // Read first: it proves the keychain is reachable before anything changes, and lets a
      // failed commit put the secret back.
      const previous = await this.vault.get(target.id);
      await this.writeWithSecret(target.id, 'delete', null, previous, () => {
        const now = this.store.getForWrite(target.id);
        if (!now) throw notFound(ref);
        if (now.isDefault) throw undeletable(now);
        this.store.delete(target.id);
      });
    });
  }

  async setDefault(ref: string): Promise<Registry> {
    const target = this.get(ref);
    return this.serial(async () => {
      this.guard(() =>
        this.store.transactionSync(() => {
          if (!this.store.getForWrite(target.id)) throw notFound(ref);
          this.store.setDefault(target.id);
        }),
      );
      return this.get(target.id);
    });
  }

  /** Run `fn` after every earlier write of this process has finished. */
  serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw mapStoreError(err);
    }
  }

  /**
   * Change a row and its keychain secret together or not at all. An intent is committed first,
   * so that a crash between the keychain and the commit is finished by reconcile() next start.
   * `secret` null means delete; `previous` is what to put back if the commit fails.
   */
  private async writeWithSecret(id: string, op: 'create' | 'update' | 'delete', secret: string | null, previous: string | null, rowChange: () => void): Promise<void> {
    this.inFlight.add(id);
    let keychainChanged = false;
    try {
      this.guard(() => this.store.transactionSync(() => this.store.addIntent(id, op)));
      await this.store.transaction(async () => {
        rowChange();
        if (secret === null) await this.vault.delete(id);
        else await this.vault.set(id, secret);
        keychainChanged = true;
        this.store.removeIntent(id);
      });
    } catch (err) {
      if (keychainChanged) await this.restoreSecret(id, previous);
      try {
        this.store.transactionSync(() => this.store.removeIntent(id));
      } catch {
        // Left for reconcile() at next start; the original error matters more to the user.
      }
      throw mapStoreError(err);
    } finally {
      this.inFlight.delete(id);
    }
  }

  private async restoreSecret(id: string, previous: string | null): Promise<void> {
    try {
      if (previous === null) await this.vault.delete(id);
      else await this.vault.set(id, previous);
    } catch {
      // The intent stays; reconcile() at next start removes or flags what is left.
    }
  }

  private async storedSecret(r: Registry): Promise<string> {
    const secret = await this.vault.get(r.id);
    if (secret !== null) return secret;
    if (r.secretStored) this.guard(() => this.store.transactionSync(() => this.store.setSecretStored(r.id, false)));
    throw new AppError('SECRET_MISSING', `No client secret for "${r.name}" is in the OS keychain (it was removed or the keychain was reset). Enter the Client Secret again, validate and save.`, 'clientSecret');
  }

  private requirePassed(c: Connection): LastValidation {
    const passed = this.ledger.find(c);
    if (passed) return passed;
    throw new AppError(
      'VALIDATION_REQUIRED',
      'Validate the connection before saving: a registry is saved only with the exact address, tenant, client, secret and connection settings that passed validation in the last 10 minutes.',
    );
  }
}

function nameTaken(name: string): AppError {
  return new AppError('NAME_TAKEN', `A registry named "${name}" already exists (names are compared ignoring case). Choose a different name.`, 'name');
}

function notFound(ref: string): AppError {
  return new AppError('NOT_FOUND', `No registry is named or has the id "${ref}"; it may have been deleted meanwhile.`, 'id');
}

function undeletable(r: Registry): AppError {
  return new AppError('DEFAULT_UNDELETABLE', `"${r.name}" is the default registry and cannot be deleted. Make another registry the default first.`);
}


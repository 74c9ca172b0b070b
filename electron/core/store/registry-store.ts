import { hostname } from 'node:os';
import type { LastValidation, Registry, RegistryType } from '../../common/registry';
import type { Db } from './database';

interface Row {
  id: string;
  name: string;
  type: RegistryType;
  address: string;
  tenant_id: string;
  client_id: string;
  authority_host: string;
  ca_certificate: string | null;
  is_default: 0 | 1;
  secret_stored: 0 | 1;
  created_at: string;
  updated_at: string;
  last_validation: string | null;
}

export interface IntentRow {
  registry_id: string;
  op: 'create' | 'update' | 'delete';
  pid: number;
  host: string;
  created_at: string;
}

function toRegistry(r: Row): Registry {
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    address: r.address,
    tenantId: r.tenant_id,
    clientId: r.client_id,
    authorityHost: r.authority_host,
    caCertificate: r.ca_certificate,
    isDefault: r.is_default === 1,
    secretStored: r.secret_stored === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lastValidation: r.last_validation ? (JSON.parse(r.last_validation) as LastValidation) : null,
  };
}

export type RegistryRecord = Omit<Registry, 'lastValidation' | 'secretStored'> & { lastValidation: LastValidation | null };

/**
 * SQL for registries, and nothing else: no rules live here. Reads use the reader connection
 * (committed data only); writes use the writer, inside transactions opened by the service.
 */
export class RegistryStore {
  constructor(
    private readonly writer: Db,
    private readonly reader: Db,
  ) {}

  list(): Registry[] {
    return (this.reader.prepare('SELECT * FROM registries ORDER BY name_key').all() as Row[]).map(toRegistry);
  }

  get(id: string): Registry | undefined {
    const r = this.reader.prepare('SELECT * FROM registries WHERE id = ?').get(id) as Row | undefined;
    return r && toRegistry(r);
  }

  /** Read inside the writer's transaction (sees its own uncommitted changes). */
  getForWrite(id: string): Registry | undefined {
    const r = this.writer.prepare('SELECT * FROM registries WHERE id = ?').get(id) as Row | undefined;
    return r && toRegistry(r);
  }

  findByNameKey(key: string): Registry | undefined {
    const r = this.reader.prepare('SELECT * FROM registries WHERE name_key = ?').get(key) as Row | undefined;
    return r && toRegistry(r);
  }

  nameKeyTaken(key: string, exceptId?: string): boolean {
    return !!this.writer.prepare('SELECT 1 FROM registries WHERE name_key = ? AND id IS NOT ?').get(key, exceptId ?? null);
  }

  count(): number {
    return (this.writer.prepare('SELECT count(*) AS n FROM registries').get() as { n: number }).n;
  }

  insert(r: RegistryRecord, nameKey: string): void {
    this.writer
      .prepare(
        `INSERT INTO registries (id, name, name_key, type, address, tenant_id, client_id, authority_host, ca_certificate,
           is_default, secret_stored, created_at, updated_at, last_validation)
         VALUES (@id, @name, @nameKey, @type, @address, @tenantId, @clientId, @authorityHost, @caCertificate,
           @isDefault, 1, @createdAt, @updatedAt, @lastValidation)`,
      )
      .run({ ...r, nameKey, isDefault: r.isDefault ? 1 : 0, lastValidation: r.lastValidation ? JSON.stringify(r.lastValidation) : null });
  }

  update(r: RegistryRecord, nameKey: string, secretStored: boolean): void {
    this.writer
      .prepare(
        `UPDATE registries SET name = @name, name_key = @nameKey, address = @address, tenant_id = @tenantId,
           client_id = @clientId, authority_host = @authorityHost, ca_certificate = @caCertificate,
           secret_stored = @secretStored, updated_at = @updatedAt, last_validation = @lastValidation
         WHERE id = @id`,
      )
      .run({ ...r, nameKey, secretStored: secretStored ? 1 : 0, lastValidation: r.lastValidation ? JSON.stringify(r.lastValidation) : null });
  }

  delete(id: string): boolean {
    return this.writer.prepare('DELETE FROM registries WHERE id = ?').run(id).changes === 1;
  }

  setDefault(id: string): void {
    // Two statements in the caller's transaction: the partial unique index forbids two defaults
    // even for an instant, so clear first.
    this.writer.prepare('UPDATE registries SET is_default = 0 WHERE is_default = 1 AND id <> ?').run(id);
    this.writer.prepare('UPDATE registries SET is_default = 1 WHERE id = ?').run(id);
  }

  /** The oldest registry becomes default when none is (e.g. after a crash mid-way). */
  ensureDefault(): void {
    const has = this.writer.prepare('SELECT 1 FROM registries WHERE is_default = 1').get();
    if (has) return;
    this.writer.prepare('UPDATE registries SET is_default = 1 WHERE id = (SELECT id FROM registries ORDER BY created_at, id LIMIT 1)').run();
  }

  setLastValidation(id: string, v: LastValidation): void {
    this.writer.prepare('UPDATE registries SET last_validation = ? WHERE id = ?').run(JSON.stringify(v), id);
  }

  setSecretStored(id: string, stored: boolean): void {
    this.writer.prepare('UPDATE registries SET secret_stored = ? WHERE id = ?').run(stored ? 1 : 0, id);
  }

  addIntent(id: string, op: IntentRow['op']): void {
    this.writer
      .prepare('INSERT OR REPLACE INTO secret_intents (registry_id, op, pid, host, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(id, op, process.pid, hostname(), new Date().toISOString());
  }

  removeIntent(id: string): void {
    this.writer.prepare('DELETE FROM secret_intents WHERE registry_id = ?').run(id);
  }

  intents(): IntentRow[] {
    return this.writer.prepare('SELECT * FROM secret_intents').all() as IntentRow[];
  }

  /** Run `fn` in a write transaction that takes the write lock at once (other processes wait). */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    this.writer.exec('BEGIN IMMEDIATE');
    try {
      const value = await fn();
      this.writer.exec('COMMIT');
      return value;
    } catch (err) {
      if (this.writer.inTransaction) this.writer.exec('ROLLBACK');
      throw err;
    }
  }

  /** Synchronous variant for writes that never touch the keychain. */
  transactionSync<T>(fn: () => T): T {
    return this.writer.transaction(fn).immediate();
  }

  close(): void {
    this.reader.close();
    this.writer.close();
  }
}

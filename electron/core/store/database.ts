import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../app-error';
import { MIGRATIONS, type Migration } from './migrations';

export const DB_FILE = 'registries.db';
const BUSY_TIMEOUT_MS = 5000;

export type Db = Database.Database;

export interface OpenOptions {
  migrations?: readonly Migration[];
  /** Electron loads a better-sqlite3 binary built for its own ABI; Node uses the default one. */
  nativeBinding?: string;
}

/** The data dir is owner-only: it names registries and service principals of the organisation. */
export function ensureDataDir(dir: string): void {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32' && (statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
}

function openConnection(path: string, opts: OpenOptions, readonly: boolean): Db {
  const db = new Database(path, { readonly, fileMustExist: readonly, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('foreign_keys = ON');
  return db;
}

/**
 * Open (creating and migrating if needed) the store in `dir`. Returns a writer and a reader
 * connection: with WAL the reader never sees a transaction the writer has not committed, so a
 * registry whose keychain write is still in flight is never listed.
 */
export function openDatabase(dir: string, opts: OpenOptions = {}): { writer: Db; reader: Db; path: string } {
  ensureDataDir(dir);
  const path = join(dir, DB_FILE);
  const isNew = !existsSync(path);
  const writer = openConnection(path, opts, false);
  if (isNew && process.platform !== 'win32') chmodSync(path, 0o600);
  // WAL lets the CLI read while the app writes (and the other way round).
  writer.pragma('journal_mode = WAL');
  writer.pragma('synchronous = NORMAL');
  try {
    migrate(writer, opts.migrations ?? MIGRATIONS);
  } catch (err) {
    writer.close();
    throw err;
  }
  const reader = openConnection(path, opts, true);
  return { writer, reader, path };
}

export function migrate(db: Db, migrations: readonly Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
  const current = row.v ?? 0;
  const newest = migrations.reduce((m, x) => Math.max(m, x.version), 0);
  if (current > newest) {
    throw new AppError('STORE_TOO_NEW', `The data in this folder was written by a newer version of Nexus Registries (schema ${current}, this version knows ${newest}). Update the app.`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)');
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue;
    // IMMEDIATE: two processes starting at once must not both apply the same migration.
    db.transaction(() => {
      const again = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version);
      if (again) return;
      db.exec(m.sql);
      record.run(m.version, m.description, new Date().toISOString());
    }).immediate();
  }
}

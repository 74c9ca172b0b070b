import { spawnSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/app-error';
import { DB_FILE, openDatabase } from '../../electron/core/store/database';
import { MIGRATIONS } from '../../electron/core/store/migrations';
import { tempDir } from '../support/engine-fixture';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
function dir(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return join(t.dir, 'data');
}

describe('SQLite store', () => {
  it('creates an owner-only data dir and database file, in WAL mode with a busy timeout and foreign keys', () => {
    const d = dir();
    const { writer, reader } = openDatabase(d);
    try {
      if (process.platform !== 'win32') {
        expect(statSync(d).mode & 0o777).toBe(0o700);
        expect(statSync(join(d, DB_FILE)).mode & 0o777).toBe(0o600);
      }
      expect(writer.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(writer.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
      expect(writer.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(reader.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    } finally {
      writer.close();
      reader.close();
    }
  });

  it('records each numbered migration once, and applies a new one on the next open', () => {
    const d = dir();
    openDatabase(d).writer.close();
    const next = [...MIGRATIONS, { version: MIGRATIONS.length + 1, description: 'test column', sql: 'ALTER TABLE registries ADD COLUMN note TEXT' }];
    const { writer } = openDatabase(d, { migrations: next });
    const rows = writer.prepare('SELECT version, description FROM schema_migrations ORDER BY version').all();
    expect(rows).toEqual(next.map((m) => ({ version: m.version, description: m.description })));
    const cols = (writer.pragma('table_info(registries)') as { name: string }[]).map((c) => c.name);
    expect(cols).toContain('note');
    writer.close();
    // Opening again applies nothing twice (it would fail: the column exists).
    expect(() => openDatabase(d, { migrations: next }).writer.close()).not.toThrow();
  });

  it('refuses a database written by a newer version instead of damaging it', () => {
    const d = dir();
    const { writer } = openDatabase(d);
    writer.prepare("INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01')").run();
    writer.close();
    expect(() => openDatabase(d)).toThrow(AppError);
    try {
      openDatabase(d);
    } catch (err) {
      expect((err as AppError).code).toBe('STORE_TOO_NEW');
    }
  });

  it('lets a second process write while this one has the database open', () => {
    const d = dir();
    const { writer, reader } = openDatabase(d);
    try {
      const script = join(d, '..', 'writer.cjs');
      writeFileSync(
        script,
        `const D = require(${JSON.stringify(require.resolve('better-sqlite3'))});
         const db = new D(process.argv[2]); db.pragma('busy_timeout = 5000');
         db.prepare("INSERT INTO registries (id,name,name_key,type,address,tenant_id,client_id,authority_host,is_default,created_at,updated_at) VALUES ('x','X','x','acr','https://x','t','c','https://a',1,'now','now')").run();`,
      );
      // Hold a read transaction open in this process while the other writes.
      reader.exec('BEGIN');
      reader.prepare('SELECT count(*) FROM registries').get();
      const r = spawnSync(process.execPath, [script, join(d, DB_FILE)], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      reader.exec('COMMIT');
      expect(reader.prepare('SELECT name FROM registries').all()).toEqual([{ name: 'X' }]);
    } finally {
      writer.close();
      reader.close();
    }
  });
});

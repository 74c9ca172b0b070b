import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { openDatabase } from '../../electron/core/store/database';
import { FakeBrowserWindow, makeElectronStandIn } from '../support/electron-stand-in';

const standIn = makeElectronStandIn();
vi.mock('electron', () => standIn.module);

afterAll(() => {
  delete process.env.NEXUS_REGISTRIES_DATA_DIR;
});

it('explains in an error box, and exits, when the data was written by a newer version (stand-in electron module)', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nexus-newer-'));
  const { writer, reader, path } = openDatabase(dataDir);
  reader.close();
  writer.close();
  const db = new Database(path);
  db.prepare("INSERT INTO schema_migrations VALUES (999, 'from the future', '2030-01-01')").run();
  db.close();

  process.env.NEXUS_REGISTRIES_DATA_DIR = dataDir;
  FakeBrowserWindow.created.length = 0;
  await import('../../electron/main');
  standIn.app.readyResolve();
  await vi.waitFor(() => expect(standIn.errorBoxes).toHaveLength(1));
  const [title, content] = standIn.errorBoxes[0] as [string, string];
  expect(title).toBe('Nexus Registries cannot start');
  expect(content).toMatch(/newer version of Nexus Registries/);
  expect(content).toContain(dataDir);
  expect(standIn.app.exitCode).toBe(1);
  expect(FakeBrowserWindow.created).toHaveLength(0);
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { electronNativeBinding } from '../../electron/shell/native-binding';
// @ts-expect-error -- plain ESM build helper without type declarations
import { abiOfNodeFile } from '../../build/native-abi.mjs';

const config = parse(readFileSync(join(process.cwd(), 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const abiOf = abiOfNodeFile as (file: string) => number | null;

describe('electron-builder.yml', () => {
  it('names the app and targets Linux AppImage + deb, Windows NSIS and macOS dmg', () => {
    expect(config.productName).toBe('Nexus Registries');
    expect(config.appId).toMatch(/^[a-z0-9.]+$/);
    expect((config.linux as { target: string[] }).target).toEqual(['AppImage', 'deb']);
    expect((config.win as { target: string[] }).target).toEqual(['nsis']);
    expect((config.mac as { target: string[] }).target).toEqual(['dmg']);
  });

  it('unpacks native modules from the asar and leaves out sources, tests and maps', () => {
    expect(config.asarUnpack).toContain('**/*.node');
    const files = config.files as string[];
    expect(files).toEqual(expect.arrayContaining(['out/**/*', '!**/*.map', '!**/*.ts']));
    expect(files.some((f) => f.startsWith('!') && f.includes('test'))).toBe(true);
    expect(files).not.toContain('electron/**/*');
  });

  it('sets the Electron fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('refuses to package a native module built for the wrong ABI (afterPack hook)', () => {
    expect(config.afterPack).toBe('build/after-pack.cjs');
    expect(config.npmRebuild).toBe(true);
  });
});

describe('native module ABIs', () => {
  it('reads the ABI a .node file registers: node_modules holds the Node build that tests and the CLI load', () => {
    const file = join(process.cwd(), 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    expect(abiOf(file)).toBe(Number(process.versions.modules));
  });

  it('knows Electron needs another ABI, kept in a separate file so neither build overwrites the other', () => {
    const electronAbi = Number(readFileSync(join(process.cwd(), 'node_modules', 'electron', 'abi_version'), 'utf8'));
    expect(electronAbi).not.toBe(Number(process.versions.modules));
    // Packaged apps use node_modules (rebuilt by electron-builder); a checkout uses the side build if present.
    expect(electronNativeBinding(process.cwd(), String(electronAbi), true)).toBeUndefined();
    expect(electronNativeBinding('/nonexistent', String(electronAbi), false)).toBeUndefined();
  });
});

import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 is a native module, and Electron's ABI differs from Node's. Tests and the CLI
 * use the Node build in node_modules; the app, run from a checkout, uses a second build made for
 * Electron by scripts/electron-native.mjs and kept beside it, so neither side rebuilds the other's
 * and `npm start`, `npm test` and the CLI work in any order. A packaged app has node_modules
 * rebuilt for Electron by electron-builder, and needs no override.
 */
export function electronNativeBinding(appRoot: string, modulesVersion: string, packaged: boolean): string | undefined {
  if (packaged) return undefined;
  const file = join(appRoot, 'node_modules', '.electron-native', `abi-${modulesVersion}`, 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}

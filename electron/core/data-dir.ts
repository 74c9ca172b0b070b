import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'Nexus Registries';
export const DATA_DIR_ENV = 'NEXUS_REGISTRIES_DATA_DIR';

/**
 * The folder Electron uses as app.getPath('userData') for this app, computed without Electron so
 * that the CLI and the app agree (main.ts sets userData to this same value).
 */
export function platformDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  switch (platform) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
    default:
      return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_DIR_NAME);
  }
}

/** --data-dir beats NEXUS_REGISTRIES_DATA_DIR beats the platform default. */
export function resolveDataDir(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return flag || env[DATA_DIR_ENV] || platformDataDir(env);
}

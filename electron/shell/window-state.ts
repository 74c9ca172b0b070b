import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

const FILE = 'window-state.json';
const DEFAULT: WindowState = { width: 1200, height: 780, maximized: false };

/** The last window size and position; defaults when missing or unreadable. */
export function loadWindowState(dataDir: string): WindowState {
  try {
    const s = JSON.parse(readFileSync(join(dataDir, FILE), 'utf8')) as Partial<WindowState>;
    const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
    if (!num(s.width) || !num(s.height) || s.width < 400 || s.height < 300) return DEFAULT;
    return { width: s.width, height: s.height, maximized: s.maximized === true, ...(num(s.x) && num(s.y) ? { x: s.x, y: s.y } : {}) };
  } catch {
    return DEFAULT;
  }
}

export function saveWindowState(dataDir: string, state: WindowState): void {
  try {
    writeFileSync(join(dataDir, FILE), JSON.stringify(state), { mode: 0o600 });
  } catch {
    // Losing the window position is not worth an error dialog.
  }
}

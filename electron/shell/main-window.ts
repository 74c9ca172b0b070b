import { BrowserWindow } from 'electron';
import { APP_INDEX } from './app-protocol';
import { loadWindowState, saveWindowState } from './window-state';

export interface MainWindowOptions {
  dataDir: string;
  preload: string;
  /** Called as the window closes (cancel validations in flight). */
  onClose?: () => void;
}

/**
 * The one window. webPreferences are written out literally (not built by a helper) so that a
 * reader and electronegativity can both see every security setting in one place.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const state = loadWindowState(options.dataDir);
  const window = new BrowserWindow({
    ...state,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Nexus Registries',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click would otherwise open links in a new window.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    options.onClose?.();
    saveWindowState(options.dataDir, { ...window.getNormalBounds(), maximized: window.isMaximized() });
  });
  void window.loadURL(APP_INDEX);
  return window;
}

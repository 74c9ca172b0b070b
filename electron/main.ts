// The Electron main process: window, security, and the IPC bridge to the engine. No behaviour
// lives here (DESIGN.md): every rule is in electron/core, reached through the dispatcher.
import { app, dialog, ipcMain, Menu, protocol, session, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { toErrorInfo } from './core/app-error';
import { openEngine, type Engine } from './core/engine';
import { platformDataDir, APP_DIR_NAME } from './core/data-dir';
import { ensureDataDir } from './core/store/database';
import { IpcDispatcher } from './ipc/handlers';
import { APP_SCHEME, appProtocolHandler, CONTENT_SECURITY_POLICY } from './shell/app-protocol';
import { progressEmitter, registerIpc } from './shell/ipc-bridge';
import { menuTemplate } from './shell/menu';
import { electronNativeBinding } from './shell/native-binding';
import { createMainWindow } from './shell/main-window';
import { denyPermissions, hardenWebContents, isTrustedSender } from './shell/security';

const isDev = !app.isPackaged && process.env.NODE_ENV !== 'production';

// The CLI and the app share one data dir: Electron's userData, computed the same way by both.
app.setName(APP_DIR_NAME);
const dataDir = process.env.NEXUS_REGISTRIES_DATA_DIR || platformDataDir();
app.setPath('userData', dataDir);

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let window: BrowserWindow | undefined;
let engine: Engine | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => engine?.close());
  void app.whenReady().then(start).catch(failToStart);
}

/** Say why the app cannot start (e.g. data from a newer version) instead of showing nothing. */
function failToStart(err: unknown): void {
  const info = toErrorInfo(err);
  if (info.code === 'INTERNAL') console.error('start-up failed', err);
  dialog.showErrorBox('Nexus Registries cannot start', `${info.message}\n\nData folder: ${dataDir}`);
  app.exit(1);
}

async function start(): Promise<void> {
  ensureDataDir(dataDir);
  const appRoot = app.getAppPath();
  const nativeBinding = electronNativeBinding(appRoot, process.versions.modules, app.isPackaged);
  engine = openEngine({ dataDir, ...(nativeBinding ? { nativeBinding } : {}) });
  // Finish keychain writes a crash interrupted, then check every row's secret, in the background.
  void engine.reconciler.reconcile({ sweep: true }).catch((err: unknown) => console.error('reconcile failed', err));

  protocol.handle(APP_SCHEME, appProtocolHandler(join(__dirname, '../renderer'), CONTENT_SECURITY_POLICY));
  denyPermissions(session.defaultSession);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ isDev, isMac: process.platform === 'darwin', appName: app.getName() })));

  const dispatcher = new IpcDispatcher({
    engine,
    appInfo: { version: app.getVersion(), dataDir, platform: process.platform },
    isTrustedSender,
    emit: progressEmitter(() => window?.webContents),
    log: (message, err) => console.error(message, err),
  });
  registerIpc(ipcMain, dispatcher);
  window = createMainWindow({ dataDir, preload: join(__dirname, '../preload/preload.cjs'), onClose: () => dispatcher.cancelAll() });
  window.on('closed', () => (window = undefined));
}

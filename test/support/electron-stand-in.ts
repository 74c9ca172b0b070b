// A stand-in for the `electron` module, for shell unit tests only: the Electron binary cannot
// be downloaded on these machines. It records what the shell asks of Electron; nothing else in
// the test suite stands in for a real part.
import { EventEmitter } from 'node:events';

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((d: { url: string }) => { action: string }) | undefined;
  mainFrame = { url: 'app://nexus/index.html' };
  sent: [string, unknown][] = [];
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }): void {
    this.windowOpenHandler = h;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  isDestroyed(): boolean {
    return false;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  loaded: string | undefined;
  focused = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loaded = url;
    return Promise.resolve();
  }
  maximize(): void {}
  show(): void {}
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {
    this.focused = true;
  }
  isMaximized(): boolean {
    return false;
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 1000, height: 700 };
  }
}

export type Handler = (event: unknown, input: unknown) => Promise<unknown>;

export function makeElectronStandIn() {
  const app = new (class extends EventEmitter {
    isPackaged = false;
    paths: Record<string, string> = {};
    name = 'nexus-registries';
    lockRequested = false;
    readyResolve!: () => void;
    ready = new Promise<void>((r) => (this.readyResolve = r));
    setName(n: string) {
      this.name = n;
    }
    getName() {
      return this.name;
    }
    setPath(k: string, v: string) {
      this.paths[k] = v;
    }
    getAppPath() {
      return process.cwd();
    }
    getVersion() {
      return '0.0.0-test';
    }
    requestSingleInstanceLock() {
      this.lockRequested = true;
      return true;
    }
    whenReady() {
      return this.ready;
    }
    quit() {}
    exitCode: number | undefined;
    exit(code: number) {
      this.exitCode = code;
    }
  })();
  const errorBoxes: [string, string][] = [];
  const dialog = { showErrorBox: (title: string, content: string) => errorBoxes.push([title, content]) };
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: (channel: string, fn: Handler) => handlers.set(channel, fn) };
  const schemes: { scheme: string; privileges: Record<string, boolean> }[] = [];
  const protocolHandlers = new Map<string, (r: Request) => Promise<Response>>();
  const protocol = {
    registerSchemesAsPrivileged: (s: typeof schemes) => schemes.push(...s),
    handle: (scheme: string, fn: (r: Request) => Promise<Response>) => protocolHandlers.set(scheme, fn),
  };
  const permission = { request: undefined as undefined | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void), check: undefined as undefined | (() => boolean) };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (h: typeof permission.request) => (permission.request = h),
      setPermissionCheckHandler: (h: typeof permission.check) => (permission.check = h),
    },
  };
  const menus: unknown[] = [];
  const Menu = { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => menus.push(m) };
  return { module: { app, dialog, ipcMain, protocol, session, Menu, BrowserWindow: FakeBrowserWindow }, app, handlers, schemes, protocolHandlers, permission, menus, errorBoxes };
}

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../electron/ipc/contract';
import { APP_INDEX, resolveAppFile } from '../../electron/shell/app-protocol';
import { menuTemplate } from '../../electron/shell/menu';
import { denyPermissions, hardenWebContents, isTrustedSender } from '../../electron/shell/security';
import { loadWindowState, saveWindowState } from '../../electron/shell/window-state';
import { FakeBrowserWindow, FakeWebContents, makeElectronStandIn } from '../support/electron-stand-in';

const standIn = makeElectronStandIn();
vi.mock('electron', () => standIn.module);

const dataDir = mkdtempSync(join(tmpdir(), 'nexus-shell-'));

beforeAll(async () => {
  process.env.NEXUS_REGISTRIES_DATA_DIR = dataDir;
  await import('../../electron/main');
  standIn.app.readyResolve();
  await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1));
});
afterAll(() => {
  standIn.app.emit('will-quit');
  delete process.env.NEXUS_REGISTRIES_DATA_DIR;
});

describe('main process (stand-in electron module)', () => {
  it('takes the single-instance lock and focuses the first window on a second launch', () => {
    expect(standIn.app.lockRequested).toBe(true);
    standIn.app.emit('second-instance');
    expect(FakeBrowserWindow.created[0]?.focused).toBe(true);
  });

  it('shares the data dir with the CLI as userData', () => {
    expect(standIn.app.paths.userData).toBe(dataDir);
  });

  it('creates the window with the security checklist webPreferences and loads app://', () => {
    const win = FakeBrowserWindow.created[0] as FakeBrowserWindow;
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false });
    expect(String(prefs.preload)).toMatch(/preload[\\/]preload\.cjs$/);
    expect(win.loaded).toBe(APP_INDEX);
  });

  it('registers the app:// scheme as secure and standard, and serves only the built renderer', async () => {
    expect(standIn.schemes).toContainEqual({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) });
    const handler = standIn.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    const outside = await handler?.(new Request('app://nexus/../../package.json'));
    expect(outside?.status).toBe(404);
  });

  it('registers a handler for every contract channel', () => {
    expect([...standIn.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('refuses a foreign sender and a malformed input, and answers our page', async () => {
    const list = standIn.handlers.get('registries:list');
    const main = { url: 'app://nexus/index.html' };
    const ours = { senderFrame: main, sender: { mainFrame: main } };
    const iframe = { senderFrame: { url: 'app://nexus/index.html' }, sender: { mainFrame: main } };
    const foreign = { senderFrame: { url: 'https://evil.example/' }, sender: { mainFrame: { url: 'https://evil.example/' } } };
    expect(await list?.(foreign, undefined)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await list?.(iframe, undefined)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    foreign.sender.mainFrame = foreign.senderFrame;
    expect(await list?.(foreign, undefined)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await list?.(ours, undefined)).toEqual({ ok: true, value: [] });
    const create = standIn.handlers.get('registries:create');
    expect(await create?.(ours, { name: 42 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'name' } });
    expect(await create?.(ours, { name: 'x', type: 'acr', address: 'a', tenantId: 't', clientId: 'c', clientSecret: 's', extra: 'field' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('denies every permission request and check', () => {
    let granted: boolean | undefined;
    standIn.permission.request?.({}, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
    expect(standIn.permission.check?.()).toBe(false);
  });
});

describe('shell helpers (stand-in electron module)', () => {
  it('refuses navigation away from the app and every new window', () => {
    const wc = new FakeWebContents();
    hardenWebContents(wc as never);
    const away = { preventDefault: vi.fn() };
    wc.emit('will-navigate', away, 'https://example.com/');
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: vi.fn() };
    wc.emit('will-navigate', inside, 'app://nexus/index.html');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    wc.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(wc.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('trusts only the top frame of app://nexus', () => {
    expect(isTrustedSender({ url: 'app://nexus/index.html', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://nexus/index.html', isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'file:///etc/passwd', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'app://other/index.html', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: undefined, isMainFrame: true })).toBe(false);
  });

  it('denies permissions on any session given', () => {
    let check: (() => boolean) | undefined;
    denyPermissions({ setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: (h: () => boolean) => (check = h) } as never);
    expect(check?.()).toBe(false);
  });

  it('maps app:// URLs to files under the renderer folder only', () => {
    expect(resolveAppFile('/app/renderer', 'app://nexus/')).toBe('/app/renderer/index.html');
    expect(resolveAppFile('/app/renderer', 'app://nexus/assets/a.js')).toBe('/app/renderer/assets/a.js');
    // Dot segments are resolved by URL parsing and stay inside; encoded slashes would escape.
    expect(resolveAppFile('/app/renderer', 'app://nexus/%2e%2e/%2e%2e/etc/passwd')).toBe('/app/renderer/etc/passwd');
    expect(resolveAppFile('/app/renderer', 'app://nexus/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveAppFile('/app/renderer', 'app://other/index.html')).toBeNull();
    expect(resolveAppFile('/app/renderer', 'https://nexus/index.html')).toBeNull();
  });

  it('offers developer tools in development only', () => {
    const roles = (dev: boolean) => JSON.stringify(menuTemplate({ isDev: dev, isMac: false, appName: 'Nexus Registries' }));
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('"copy"');
  });

  it('remembers the window size and position, and ignores a damaged file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nexus-ws-'));
    saveWindowState(dir, { x: 5, y: 6, width: 900, height: 640, maximized: true });
    expect(loadWindowState(dir)).toEqual({ x: 5, y: 6, width: 900, height: 640, maximized: true });
    writeFileSync(join(dir, 'window-state.json'), '{"width": -3');
    expect(loadWindowState(dir)).toMatchObject({ width: 1200, height: 780 });
  });
});

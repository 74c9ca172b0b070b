// Runs the production build of the renderer (out/renderer) in Debian's Chromium, bound to the
// real engine: temp data dir, real keychain, the loopback Azure, the real IPC dispatcher.
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { APP_ORIGIN, appProtocolHandler, CONTENT_SECURITY_POLICY } from '../../electron/shell/app-protocol';
import { testDispatcher } from './test-dispatcher';
import type { Engine } from '../../electron/core/engine';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RENDERER = join(process.cwd(), 'out', 'renderer');

export function rendererBuilt(): boolean {
  return existsSync(join(RENDERER, 'index.html'));
}

/**
 * Serve out/renderer over loopback HTTP through the app's own app:// protocol handler (same file
 * mapping, MIME types and CSP header). Chromium here cannot register app://, so only the URL
 * scheme differs.
 */
async function serveRenderer(): Promise<{ server: Server; origin: string }> {
  const handle = appProtocolHandler(RENDERER, CONTENT_SECURITY_POLICY);
  const server = createServer((req, res) => {
    void handle(new Request(`${APP_ORIGIN}${req.url ?? '/'}`)).then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let apiBundle: string | undefined;
async function bundleApi(): Promise<string> {
  apiBundle ??= (await build({ entryPoints: [join(process.cwd(), 'test/support/browser-api-entry.ts')], bundle: true, format: 'iife', write: false, platform: 'browser', target: 'chrome120' })).outputFiles[0]?.text;
  return apiBundle ?? '';
}

export interface Ui {
  page: Page;
  origin: string;
  /** Every URL the page requested (to prove nothing leaves the machine). */
  requests: string[];
  /** Messages Chromium logged as errors (CSP violations show up here). */
  consoleErrors: string[];
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function launchUi(engine: Engine, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Ui> {
  const { server, origin } = await serveRenderer();
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, colorScheme: options.colorScheme ?? 'light' });
  const page = await context.newPage();
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  const dispatcher = testDispatcher(engine, {
    // The same rule as the app's, for this origin: only our own top-level page may call.
    isTrustedSender: (s) => s.isMainFrame && !!s.url && s.url.startsWith(`${origin}/`),
    emit: (channel, payload) => void page.evaluate(([c, p]) => (globalThis as unknown as { __nexusEmit(c: string, p: unknown): void }).__nexusEmit(c, p), [channel, payload] as const).catch(() => undefined),
  });
  await page.exposeBinding('__nexusInvoke', (source, channel: string, input: unknown) =>
    dispatcher.dispatch(channel, input, { url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() }),
  );
  await page.addInitScript({ content: await bundleApi() });
  await page.goto(`${origin}/index.html`);
  const dir = join(process.cwd(), 'test-results');
  mkdirSync(dir, { recursive: true });
  return {
    page,
    origin,
    requests,
    consoleErrors,
    screenshot: async (name) => void (await page.screenshot({ path: join(dir, `${name}.png`) })),
    close: async () => {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

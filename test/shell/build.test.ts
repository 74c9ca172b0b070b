// Checks the output of `npm run build` (electron-vite), which `npm test` runs first.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const out = join(process.cwd(), 'out');

describe('electron-vite build output', () => {
  it('has main, preload and renderer bundles', () => {
    expect(existsSync(join(out, 'main', 'main.js'))).toBe(true);
    expect(existsSync(join(out, 'preload', 'preload.cjs'))).toBe(true);
    expect(existsSync(join(out, 'renderer', 'index.html'))).toBe(true);
  });

  it('bundles the preload into one file that requires nothing but electron (a sandboxed preload can do no more)', () => {
    const text = readFileSync(join(out, 'preload', 'preload.cjs'), 'utf8');
    const required = [...text.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(required.length).toBeGreaterThan(0);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(text).toContain('exposeInMainWorld');
  });

  it('ships a renderer with a strict CSP and no reference to a network host', () => {
    const html = readFileSync(join(out, 'renderer', 'index.html'), 'utf8');
    expect(html).toMatch(/Content-Security-Policy"\s+content="default-src 'self'; script-src 'self'/);
    expect(html).not.toMatch(/(src|href)="https?:/);
    // Fonts and icons are files of the bundle, not data: URIs (the CSP forbids those for fonts).
    const css = readdirSync(join(out, 'renderer', 'assets')).filter((f) => f.endsWith('.css')).map((f) => readFileSync(join(out, 'renderer', 'assets', f), 'utf8')).join('');
    expect(css).toMatch(/materialdesignicons-webfont[^)]*\.woff2/);
    expect(css).not.toMatch(/url\(["']?data:font/);
    expect(css).not.toMatch(/url\(["']?https?:/);
  });
});

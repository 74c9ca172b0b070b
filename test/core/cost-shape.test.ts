// DESIGN.md "Cost shape": the Azure SDK is loaded only by code paths that validate, so `list`,
// `show` and the app's first paint do not pay for it. Checked on the real import graph.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** Packages reachable from `entry` through static imports only (dynamic import() excluded). */
async function staticPackages(entry: string): Promise<Set<string>> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    external: ['electron'],
    outdir: mkdtempSync(join(tmpdir(), 'nexus-graph-')),
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const outputs: Metafile['outputs'] = result.metafile.outputs;
  const entryOut = Object.keys(outputs).find((o) => outputs[o]?.entryPoint);
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (out: string): void => {
    if (seen.has(out)) return;
    seen.add(out);
    for (const imp of outputs[out]?.imports ?? []) {
      if (imp.kind === 'dynamic-import') continue;
      if (imp.external) packages.add(imp.path);
      else visit(imp.path);
    }
  };
  if (entryOut) visit(entryOut);
  return packages;
}

describe('cost shape', () => {
  it.each([['electron/cli.ts'], ['electron/main.ts']])('%s does not load the Azure SDK until a validation runs', async (entry) => {
    const packages = await staticPackages(entry);
    expect([...packages].filter((p) => p.startsWith('@azure/'))).toEqual([]);
    // The check sees the graph: the engine's own dependencies are there.
    expect(packages).toContain('better-sqlite3');
  });

  it('the validator itself does load it (so the check above can fail)', async () => {
    const packages = await staticPackages('electron/core/validate/acr-validator.ts');
    expect(packages).toContain('@azure/identity');
  });
});

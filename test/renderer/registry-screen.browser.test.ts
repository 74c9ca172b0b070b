// The registry screen in Debian's Chromium: the production build of the renderer, window.nexus
// from the real createApi, the real dispatcher and engine (temp SQLite, real keychain), and the
// loopback Azure AD + ACR. Screenshots land in test-results/.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Engine } from '../../electron/core/engine';
import { KeychainVault } from '../../electron/core/secrets/keychain-vault';
import { makeEngine, tempDir } from '../support/engine-fixture';
import { FakeAzure, GOOD } from '../support/fake-azure';
import { launchUi, rendererBuilt, type Ui } from '../support/ui-harness';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let az: FakeAzure;
let engine: Engine;
let ui: Ui;
let page: Page;
let cleanup: () => void;
const keychain = new KeychainVault();

beforeAll(async () => {
  if (!rendererBuilt()) throw new Error('out/renderer is missing: run `npm run build` first (npm test does).');
  az = await new FakeAzure().start();
  const t = tempDir();
  cleanup = t.cleanup;
  engine = makeEngine(t.dir);
  ui = await launchUi(engine);
  page = ui.page;
});

afterAll(async () => {
  await ui?.close();
  engine?.close();
  await az?.close();
  cleanup?.();
});

// Each test starts from the grid, with no dialog still open or fading out.
beforeEach(async () => {
  await expect.poll(() => page.locator('.v-overlay--active .v-card').count()).toBe(0);
});

/** Wait until no overlay is still animating in: input typed mid-transition can be lost. */
async function settled(): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.querySelector('[class*="transition-enter-active"]') === null)).toBe(true);
}

/** Click what opens the registry dialog, and wait until it is fully open. */
async function openDialog(opener: () => Promise<void>): Promise<void> {
  await opener();
  await expect.poll(() => page.locator('[data-test=registry-dialog]').isVisible()).toBe(true);
  await settled();
}

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await ui.screenshot(`failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
});

const dialog = () => page.locator('[data-test=registry-dialog]');
const row = (name: string) => page.locator(`[data-test=registry-row][data-name="${name}"]`);

async function fillRegistry(name: string, secret: string): Promise<void> {
  await page.getByLabel('Registry Name', { exact: true }).fill(name);
  await page.getByLabel('Registry Address', { exact: true }).fill(az.registryAddress);
  await page.getByLabel('Tenant ID', { exact: true }).fill(GOOD.tenantId);
  await page.getByLabel('Client ID', { exact: true }).fill(GOOD.clientId);
  await page.getByLabel('Client Secret', { exact: true }).fill(secret);
  await page.getByText('Advanced: cloud and certificates').click();
  await settled();
  await page.getByLabel('Azure AD authority', { exact: true }).click({ force: true });
  await page.getByRole('option', { name: /Custom/ }).click();
  await settled();
  await page.getByLabel('Custom authority host', { exact: true }).fill(az.authorityHost);
  await page.getByLabel('Extra CA certificate (PEM)', { exact: true }).fill(az.caPem);
}

async function validate(): Promise<void> {
  const button = dialog().locator('[data-test=validate]');
  await button.click();
  // The click lands once validation starts (the button shows its spinner) or has finished.
  await expect.poll(async () => (await button.getAttribute('class'))?.includes('v-btn--loading') || (await dialog().locator('[data-test=validation-result]').count()) > 0).toBe(true);
  await expect.poll(() => dialog().locator('[data-test=validation-result]').count(), { timeout: 20_000 }).toBe(1);
}

async function axeViolations(): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  // evaluate() is not subject to the page's CSP, unlike a <script> tag.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    const r = await axe.run({ resultTypes: ['violations'] });
    type Node = { target: string[]; any: { data?: { fgColor?: string; bgColor?: string; contrastRatio?: number } }[] };
    const describe = (n: Node): string => {
      const d = n.any[0]?.data;
      return d?.contrastRatio ? `${n.target.join(' ')} (${d.fgColor} on ${d.bgColor}: ${d.contrastRatio})` : n.target.join(' ');
    };
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, impact: v.impact, nodes: (v.nodes as Node[]).map(describe) }));
  });
}

describe('Container Registries screen (Chromium, real engine)', () => {
  it('starts with an empty state that invites adding the first registry', async () => {
    await expect.poll(() => page.locator('[data-test=empty-state]').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Add your first registry' }).isVisible()).toBe(true);
    expect(await page.locator('[data-test=edit]').isDisabled()).toBe(true);
    expect(await page.locator('[data-test=delete]').isDisabled()).toBe(true);
    await ui.screenshot('grid-empty');
  });

  it('shows a wrong secret at the Client Secret field, and saves only after a passing validation', async () => {
    await openDialog(() => page.locator('[data-test=add]').click());
    await fillRegistry('Production', 'wrong-secret');
    expect(await dialog().locator('[data-test=save]').isDisabled()).toBe(true);
    await validate();
    expect(await page.locator('[data-test=step-reach]').getAttribute('data-state')).toBe('ok');
    expect(await page.locator('[data-test=step-sign-in]').getAttribute('data-state')).toBe('failed');
    expect(await page.locator('[data-test=step-authorize]').getAttribute('data-state')).toBe('pending');
    const secretField = dialog().locator('[data-test=field-secret]');
    await expect.poll(() => secretField.locator('.v-messages').innerText()).toMatch(/Value, not its Secret ID/);
    expect(await dialog().locator('[data-test=save]').isDisabled()).toBe(true);
    await dialog().locator('[data-test=validation-result]').scrollIntoViewIfNeeded();
    await ui.screenshot('dialog-validation-failed');

    await page.getByLabel('Client Secret', { exact: true }).fill(GOOD.secret);
    await validate();
    for (const step of ['reach', 'sign-in', 'authorize', 'read']) expect(await page.locator(`[data-test=step-${step}]`).getAttribute('data-state')).toBe('ok');
    expect(await dialog().locator('[data-test=save]').isEnabled()).toBe(true);
    await dialog().locator('[data-test=validation-result]').scrollIntoViewIfNeeded();
    await ui.screenshot('dialog-validation-passed');

    // Changing a connection field after a pass disables Save again; restoring it re-enables.
    await page.getByLabel('Client ID', { exact: true }).fill('99999999-9999-4999-8999-999999999999');
    expect(await dialog().locator('[data-test=save]').isDisabled()).toBe(true);
    await page.getByLabel('Client ID', { exact: true }).fill(GOOD.clientId);
    expect(await dialog().locator('[data-test=save]').isEnabled()).toBe(true);

    await dialog().locator('[data-test=save]').click();
    await expect.poll(() => dialog().isVisible()).toBe(false);
    await expect.poll(() => row('Production').isVisible()).toBe(true);
    expect(await row('Production').locator('[data-test=default-mark]').isVisible()).toBe(true);
    expect(engine.service.list()).toMatchObject([{ name: 'Production', isDefault: true }]);
  });

  it('adds a second registry and makes it the default in one step', async () => {
    await openDialog(() => page.locator('[data-test=add]').click());
    await fillRegistry('Staging', GOOD.secret);
    await validate();
    // Enter in a field saves once validation passed.
    await page.getByLabel('Registry Name', { exact: true }).press('Enter');
    await expect.poll(() => row('Staging').isVisible()).toBe(true);
    expect(await row('Staging').locator('[data-test=default-mark]').count()).toBe(0);

    await row('Staging').click();
    await page.locator('[data-test=set-default]').click();
    await expect.poll(() => row('Staging').locator('[data-test=default-mark]').count()).toBe(1);
    expect(await row('Production').locator('[data-test=default-mark]').count()).toBe(0);
    expect(engine.service.list().map((r) => [r.name, r.isDefault])).toEqual([['Production', false], ['Staging', true]]);
    await ui.screenshot('grid-two-registries');
  });

  it('refuses to delete the default, and deletes the other after a confirmation that warns about modules', async () => {
    await row('Staging').click();
    expect(await page.locator('[data-test=delete]').isDisabled()).toBe(true);
    await page.locator('[data-test=delete-wrapper]').hover();
    await expect.poll(() => page.getByRole('tooltip').innerText()).toMatch(/The default registry cannot be deleted/);
    await row('Staging').press('Delete');
    expect(await page.locator('[data-test=delete-dialog]').count()).toBe(0);

    const production = engine.service.get('Production');
    await row('Production').click();
    await page.locator('[data-test=delete]').click();
    const confirm = page.locator('[data-test=delete-dialog]');
    await expect.poll(() => confirm.isVisible()).toBe(true);
    expect(await confirm.innerText()).toMatch(/Production/);
    expect(await confirm.innerText()).toMatch(/no longer deploy/);
    await confirm.locator('[data-test=delete-confirm]').click();
    await expect.poll(() => row('Production').count()).toBe(0);
    expect(engine.service.list().map((r) => r.name)).toEqual(['Staging']);
    expect(await keychain.get(production.id)).toBeNull();
  });

  it('renames without re-entering the secret (double-click to edit)', async () => {
    await openDialog(() => row('Staging').dblclick());
    expect(await page.getByLabel('Client Secret', { exact: true }).inputValue()).toBe('');
    expect(await dialog().innerText()).toMatch(/A secret is stored in the OS keychain\. Leave empty to keep it\./);
    await page.getByLabel('Registry Name', { exact: true }).fill('Staging EU');
    expect(await dialog().locator('[data-test=save]').isEnabled()).toBe(true);
    await dialog().locator('[data-test=save]').click();
    await expect.poll(() => row('Staging EU').isVisible()).toBe(true);
    const stored = engine.service.get('Staging EU');
    expect(await keychain.get(stored.id)).toBe(GOOD.secret);
  });

  it('requires a new validation when the secret is edited', async () => {
    az.principal({ secret: 'rotated-secret-value-2' });
    await row('Staging EU').click();
    await openDialog(() => page.locator('[data-test=edit]').click());
    await page.getByLabel('Client Secret', { exact: true }).fill('rotated-secret-value-2');
    expect(await dialog().locator('[data-test=save]').isDisabled()).toBe(true);
    await validate();
    expect(await dialog().locator('[data-test=save]').isEnabled()).toBe(true);
    await dialog().locator('[data-test=save]').click();
    await expect.poll(() => dialog().isVisible()).toBe(false);
    expect(await keychain.get(engine.service.get('Staging EU').id)).toBe('rotated-secret-value-2');
  });

  it('cancels a validation in progress and saves nothing', async () => {
    az.fail('aad-token', { kind: 'hang' });
    await openDialog(() => page.locator('[data-test=add]').click());
    await fillRegistry('Hanging', GOOD.secret);
    await dialog().locator('[data-test=validate]').click();
    await expect.poll(() => page.locator('[data-test=step-sign-in]').getAttribute('data-state')).toBe('running');
    await dialog().locator('[data-test=cancel-validation]').click();
    await expect.poll(() => dialog().locator('[data-test=validation-result]').innerText()).toMatch(/cancelled/);
    expect(await dialog().locator('[data-test=save]').isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().isVisible()).toBe(false);
    expect(engine.service.list().map((r) => r.name)).toEqual(['Staging EU']);
    az.faults.clear();
  });

  it('has no serious or critical accessibility violations on the grid and the open dialog', async () => {
    const grid = await axeViolations();
    await page.locator('[data-test=add]').click();
    // Measure once the fade-in has finished; mid-transition colours are not what users see.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const content = document.querySelector('[data-test=registry-dialog]')?.closest('.v-overlay__content');
          const animating = document.querySelector('[class*="transition-enter-active"]') !== null;
          return content && !animating ? getComputedStyle(content).opacity : 'animating';
        }),
      )
      .toBe('1');
    const open = await axeViolations();
    await page.keyboard.press('Escape');
    expect({ grid, open }).toEqual({ grid: [], open: [] });
  });

  it('has no serious or critical accessibility violations in the dark theme either (it follows the OS)', async () => {
    const dark = await launchUi(engine, { colorScheme: 'dark' });
    try {
      await expect.poll(() => dark.page.locator('[data-test=registry-row]').count()).toBeGreaterThan(0);
      const background = await dark.page.evaluate(() => getComputedStyle(document.querySelector('.v-application') as Element).backgroundColor);
      expect(background).not.toBe('rgb(255, 255, 255)');
      await dark.page.evaluate(AXE);
      const violations = await dark.page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
        return (await axe.run({ resultTypes: ['violations'] })).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
      });
      expect(violations).toEqual([]);
      await dark.screenshot('grid-dark');
    } finally {
      await dark.close();
    }
  });

  it('loaded nothing from the network and broke no CSP rule', () => {
    expect(ui.requests.filter((u) => !u.startsWith(ui.origin))).toEqual([]);
    expect(ui.consoleErrors).toEqual([]);
  });
});

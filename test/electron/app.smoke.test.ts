// Launches the real app with Playwright's Electron driver: window, grid, add a registry against
// the loopback Azure, restart, still there. Run by `npm run test:electron` where Electron exists.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { tempDir } from '../support/engine-fixture';
import { FakeAzure, GOOD } from '../support/fake-azure';

let az: FakeAzure;
let dataDir: string;
let cleanup: () => void;

beforeAll(async () => {
  az = await new FakeAzure().start();
  ({ dir: dataDir, cleanup } = tempDir());
});
afterAll(async () => {
  await az.close();
  cleanup();
});

async function launch(): Promise<ElectronApplication> {
  return electron.launch({
    executablePath: process.env.ELECTRON_BINARY,
    args: ['.'],
    env: { ...process.env, NEXUS_REGISTRIES_DATA_DIR: dataDir, NODE_ENV: 'production' },
  });
}

it('opens, adds a validated registry, and still has it after a restart', async () => {
  let app = await launch();
  let page = await app.firstWindow();
  expect(await page.title()).toBe('Nexus Registries');
  await page.locator('[data-test=empty-state]').waitFor();
  await page.locator('[data-test=add]').click();
  await page.getByLabel('Registry Name', { exact: true }).fill('Production');
  await page.getByLabel('Registry Address', { exact: true }).fill(az.registryAddress);
  await page.getByLabel('Tenant ID', { exact: true }).fill(GOOD.tenantId);
  await page.getByLabel('Client ID', { exact: true }).fill(GOOD.clientId);
  await page.getByLabel('Client Secret', { exact: true }).fill(GOOD.secret);
  await page.getByText('Advanced: cloud and certificates').click();
  await page.getByLabel('Azure AD authority', { exact: true }).click({ force: true });
  await page.getByRole('option', { name: /Custom/ }).click();
  await page.getByLabel('Custom authority host', { exact: true }).fill(az.authorityHost);
  await page.getByLabel('Extra CA certificate (PEM)', { exact: true }).fill(az.caPem);
  await page.locator('[data-test=validate]').click();
  await page.locator('[data-test=save]:not([disabled])').waitFor({ timeout: 30_000 });
  await page.locator('[data-test=save]').click();
  await page.locator('[data-test=registry-row][data-name="Production"]').waitFor();
  await app.close();

  app = await launch();
  page = await app.firstWindow();
  await page.locator('[data-test=registry-row][data-name="Production"]').waitFor();
  expect(await page.locator('[data-test=default-mark]').count()).toBe(1);
  await app.close();
});

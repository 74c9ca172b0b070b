// @vitest-environment happy-dom
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import type { Engine } from '../../electron/core/engine';
import RegistryDialog from '../../renderer/src/components/RegistryDialog.vue';
import RegistryToolbar from '../../renderer/src/components/RegistryToolbar.vue';
import { makeVuetify } from '../../renderer/src/plugins/vuetify';
import { useRegistriesStore } from '../../renderer/src/stores/registries';
import { useRegistryFormStore } from '../../renderer/src/stores/registry-form';
import { addRegistry, goodInput, makeEngine, tempDir } from '../support/engine-fixture';
import { FakeAzure, GOOD } from '../support/fake-azure';
import { inProcessApi } from '../support/in-process-api';

// happy-dom has no visualViewport, which Vuetify's overlay positioning reads. This fills a gap
// of the DOM emulation; the browser tests run the same dialog in real Chromium.
if (!('visualViewport' in globalThis)) {
  Object.defineProperty(globalThis, 'visualViewport', {
    value: { width: 1280, height: 800, offsetLeft: 0, offsetTop: 0, pageLeft: 0, pageTop: 0, scale: 1, addEventListener() {}, removeEventListener() {} },
  });
}

let az: FakeAzure;
let engine: Engine;
let cleanup: () => void;
let wrapper: VueWrapper | undefined;

beforeAll(async () => {
  az = await new FakeAzure().start();
});
afterAll(() => az.close());
beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  engine = makeEngine(t.dir);
  window.nexus = inProcessApi(engine);
  setActivePinia(createPinia());
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
  engine.close();
  cleanup();
});

function mountWith<T>(component: T) {
  const pinia = createPinia();
  setActivePinia(pinia);
  wrapper = mount(component as never, { attachTo: document.body, global: { plugins: [makeVuetify(), pinia] } });
  return wrapper;
}

const $ = (sel: string): HTMLElement | null => document.body.querySelector(sel);
const saveButton = (): HTMLButtonElement => $('[data-test=save]') as HTMLButtonElement;

function fill(form: ReturnType<typeof useRegistryFormStore>, secret: string = GOOD.secret): void {
  Object.assign(form.form, { name: 'Production', address: az.registryAddress, tenantId: GOOD.tenantId, clientId: GOOD.clientId, clientSecret: secret, authorityPreset: 'custom', customAuthorityHost: az.authorityHost, caCertificate: az.caPem });
}

async function settle(): Promise<void> {
  await flushPromises();
  await nextTick();
}

describe('RegistryDialog rules', () => {
  it('keeps Save disabled until validation passes, and disables it again when a connection field changes', async () => {
    mountWith(RegistryDialog);
    const form = useRegistryFormStore();
    form.openAdd();
    fill(form);
    await settle();
    expect(saveButton().disabled).toBe(true);

    await form.validate();
    await settle();
    expect(form.passed).toBe(true);
    expect(saveButton().disabled).toBe(false);

    form.form.address = az.registryAddress.replace('127.0.0.1', 'localhost');
    await settle();
    expect(saveButton().disabled).toBe(true);
    form.form.address = az.registryAddress;
    await settle();
    expect(saveButton().disabled).toBe(false);

    // The name is not a connection value: changing it keeps the pass.
    form.form.name = 'Production EU';
    await settle();
    expect(saveButton().disabled).toBe(false);
  });

  it('keeps Save disabled after a failed validation and shows the error at the field it concerns', async () => {
    mountWith(RegistryDialog);
    const form = useRegistryFormStore();
    form.openAdd();
    fill(form, 'wrong-secret');
    await form.validate();
    await settle();
    expect(saveButton().disabled).toBe(true);
    expect($('[data-test=field-secret]')?.textContent).toMatch(/Value, not its Secret ID/);
    expect($('[data-test=step-sign-in]')?.getAttribute('data-state')).toBe('failed');
  });

  it('on Edit, never shows the secret, says one is stored, and allows a name-only save without validation', async () => {
    const saved = await addRegistry(engine, goodInput(az));
    mountWith(RegistryDialog);
    const form = useRegistryFormStore();
    form.openEdit(saved);
    await settle();
    const secretInput = $('[data-test=field-secret] input') as HTMLInputElement;
    expect(secretInput.value).toBe('');
    expect(secretInput.type).toBe('password');
    expect($('[data-test=field-secret]')?.textContent).toMatch(/A secret is stored in the OS keychain\. Leave empty to keep it\./);
    form.form.name = 'Renamed';
    await settle();
    expect(saveButton().disabled).toBe(false);
    // Typing a secret is a connection change: validation is needed again.
    form.form.clientSecret = 'something-new';
    await settle();
    expect(saveButton().disabled).toBe(true);
  });
});

describe('RegistryToolbar rules', () => {
  it('disables Delete (and Set as default) on the default registry, and enables them on another', async () => {
    const a = await addRegistry(engine, goodInput(az, 'A'));
    const b = await addRegistry(engine, goodInput(az, 'B'));
    mountWith(RegistryToolbar);
    const store = useRegistriesStore();
    await store.load();
    store.select(a.id);
    await settle();
    expect(($('[data-test=delete]') as HTMLButtonElement).disabled).toBe(true);
    expect(($('[data-test=set-default]') as HTMLButtonElement).disabled).toBe(true);
    store.select(b.id);
    await settle();
    expect(($('[data-test=delete]') as HTMLButtonElement).disabled).toBe(false);
    expect(($('[data-test=set-default]') as HTMLButtonElement).disabled).toBe(false);
    expect(($('[data-test=edit]') as HTMLButtonElement).disabled).toBe(false);
  });
});

import { defineStore } from 'pinia';
import { computed, reactive, ref } from 'vue';
import type { ErrorInfo, FieldName } from '../../../electron/common/errors';
import { KNOWN_AUTHORITY_HOSTS, PUBLIC_CLOUD_AUTHORITY } from '../../../electron/common/authority-hosts';
import { VALIDATION_STEPS, type Registry, type RegistryType, type StepEvent, type ValidationResult, type ValidationStep, type ValidationStepName } from '../../../electron/common/registry';
import { nexus } from '../api';
import { useRegistriesStore } from './registries';

export type AuthorityPreset = (typeof KNOWN_AUTHORITY_HOSTS)[number]['id'] | 'custom';

export interface RegistryFormValues {
  name: string;
  type: RegistryType;
  address: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  authorityPreset: AuthorityPreset;
  customAuthorityHost: string;
  caCertificate: string;
}

export type StepState = { state: 'pending' | 'running' } | { state: 'done'; result: ValidationStep };

function emptyForm(): RegistryFormValues {
  return { name: '', type: 'acr', address: '', tenantId: '', clientId: '', clientSecret: '', authorityPreset: 'public', customAuthorityHost: '', caCertificate: '' };
}

function presetOf(url: string): { preset: AuthorityPreset; custom: string } {
  const known = KNOWN_AUTHORITY_HOSTS.find((h) => h.url === url);
  return known ? { preset: known.id, custom: '' } : { preset: 'custom', custom: url };
}

/**
 * The Add/Edit dialog: its values, the live validation, and the rule that Save is enabled only
 * while the values on screen are the ones that passed (the engine enforces the same rule).
 */
export const useRegistryFormStore = defineStore('registryForm', () => {
  const open = ref(false);
  const editing = ref<Registry | null>(null);
  const mode = computed<'add' | 'edit'>(() => (editing.value ? 'edit' : 'add'));
  const form = reactive<RegistryFormValues>(emptyForm());
  const steps = reactive<Record<ValidationStepName, StepState>>(freshSteps());
  const validationId = ref<string | null>(null);
  const result = ref<ValidationResult | null>(null);
  /** The connection key of the values that last passed; null when none did. */
  const passedKey = ref<string | null>(null);
  const serverErrors = ref<Partial<Record<FieldName, string>>>({});
  const formError = ref<string | null>(null);
  const saving = ref(false);

  function freshSteps(): Record<ValidationStepName, StepState> {
    return Object.fromEntries(VALIDATION_STEPS.map((s) => [s, { state: 'pending' }])) as Record<ValidationStepName, StepState>;
  }

  const authorityHost = computed(() => {
    if (form.authorityPreset === 'custom') return form.customAuthorityHost.trim();
    return KNOWN_AUTHORITY_HOSTS.find((h) => h.id === form.authorityPreset)?.url ?? PUBLIC_CLOUD_AUTHORITY;
  });

  /** The connection values as the engine takes them (an empty CA field means none). */
  const connection = computed(() => ({
    address: form.address,
    tenantId: form.tenantId,
    clientId: form.clientId,
    authorityHost: authorityHost.value,
    caCertificate: form.caCertificate.trim() === '' ? null : form.caCertificate,
  }));

  /** Everything validation depends on, in one comparable string (kept in memory only). */
  const connectionKey = computed(() => JSON.stringify([form.type, form.address.trim(), form.tenantId.trim(), form.clientId.trim(), form.clientSecret, authorityHost.value, form.caCertificate.trim()]));

  /** On Edit: did any connection value (or the secret) change from what is stored? */
  const connectionChanged = computed(() => {
    const r = editing.value;
    if (!r) return true;
    return (
      form.clientSecret !== '' ||
      form.address.trim() !== r.address ||
      form.tenantId.trim().toLowerCase() !== r.tenantId ||
      form.clientId.trim().toLowerCase() !== r.clientId ||
      authorityHost.value !== r.authorityHost ||
      form.caCertificate.trim() !== (r.caCertificate ?? '').trim()
    );
  });

  const validating = computed(() => validationId.value !== null);
  const passed = computed(() => passedKey.value !== null && passedKey.value === connectionKey.value);
  const canSave = computed(() => !validating.value && !saving.value && form.name.trim() !== '' && (mode.value === 'edit' && !connectionChanged.value ? true : passed.value));
  /** Why Save is disabled, for its tooltip. */
  const saveHint = computed(() => {
    if (canSave.value) return mode.value === 'add' ? 'Save the validated registry.' : 'Save the changes.';
    if (validating.value) return 'Wait for the validation to finish.';
    if (form.name.trim() === '') return 'Enter a Registry Name.';
    if (passedKey.value !== null && !passed.value) return 'A connection value changed since the last validation: validate again.';
    return 'Validate the connection first: a registry is saved only after validation succeeds.';
  });

  function resetValidation(): void {
    Object.assign(steps, freshSteps());
    result.value = null;
    passedKey.value = null;
    serverErrors.value = {};
    formError.value = null;
  }

  function openAdd(): void {
    Object.assign(form, emptyForm());
    resetValidation();
    editing.value = null;
    open.value = true;
  }

  function openEdit(r: Registry): void {
    const { preset, custom } = presetOf(r.authorityHost);
    Object.assign(form, { name: r.name, type: r.type, address: r.address, tenantId: r.tenantId, clientId: r.clientId, clientSecret: '', authorityPreset: preset, customAuthorityHost: custom, caCertificate: r.caCertificate ?? '' });
    resetValidation();
    editing.value = r;
    open.value = true;
  }

  /** Once the dialog has gone: drop the typed secret from memory (earlier, its field would flash "required"). */
  function forgetSecret(): void {
    form.clientSecret = '';
  }

  function close(): void {
    if (validationId.value) void cancelValidation();
    open.value = false;
  }

  /** A server-side error, put next to the field it concerns (or above the form). */
  function showError(error: ErrorInfo): void {
    if (error.field && error.field !== 'id') serverErrors.value = { ...serverErrors.value, [error.field]: error.message };
    else formError.value = error.message;
  }

  function clearServerError(field: FieldName): void {
    if (!(field in serverErrors.value)) return;
    serverErrors.value = Object.fromEntries(Object.entries(serverErrors.value).filter(([k]) => k !== field));
  }

  function onStep(e: StepEvent): void {
    steps[e.step] = e.state === 'running' ? { state: 'running' } : { state: 'done', result: e.result };
  }

  async function validate(): Promise<void> {
    if (validating.value) return;
    resetValidation();
    const key = connectionKey.value;
    const id = crypto.randomUUID();
    validationId.value = id;
    const reply = await nexus().registries.validate(
      {
        validationId: id,
        type: form.type,
        ...connection.value,
        ...(form.clientSecret ? { clientSecret: form.clientSecret } : {}),
        ...(editing.value ? { registryId: editing.value.id } : {}),
      },
      onStep,
    );
    validationId.value = null;
    if (!reply.ok) return showError(reply.error);
    result.value = reply.value;
    if (reply.value.ok) passedKey.value = key;
    else if (reply.value.error && reply.value.error.code !== 'CANCELLED') showError(reply.value.error);
  }

  async function cancelValidation(): Promise<void> {
    const id = validationId.value;
    if (id) await nexus().registries.cancelValidation(id);
  }

  async function save(): Promise<boolean> {
    if (!canSave.value) return false;
    saving.value = true;
    formError.value = null;
    const registries = useRegistriesStore();
    const values = { name: form.name, ...connection.value };
    const reply = editing.value
      ? await nexus().registries.update(editing.value.id, { ...values, ...(form.clientSecret ? { clientSecret: form.clientSecret } : {}) })
      : await nexus().registries.create({ ...values, type: form.type, clientSecret: form.clientSecret });
    saving.value = false;
    if (!reply.ok) {
      showError(reply.error);
      return false;
    }
    registries.upsert(reply.value);
    if (reply.value.isDefault && mode.value === 'add') for (const r of registries.items) r.isDefault = r.id === reply.value.id;
    registries.notify(`Saved "${reply.value.name}".`, 'success');
    open.value = false;
    return true;
  }

  return {
    open, mode, editing, form, steps, result, passedKey, serverErrors, formError, saving,
    authorityHost, connectionKey, connectionChanged, validating, passed, canSave, saveHint,
    openAdd, openEdit, close, forgetSecret, validate, cancelValidation, save, showError, clearServerError,
  };
});

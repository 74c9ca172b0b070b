import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { ErrorInfo, Result } from '../../../electron/common/errors';
import type { Registry } from '../../../electron/common/registry';
import { nexus } from '../api';

export interface Notice {
  text: string;
  color: 'success' | 'error' | 'info';
}

/** The registry list, the selection, and messages for the snackbar. */
export const useRegistriesStore = defineStore('registries', () => {
  const items = ref<Registry[]>([]);
  const loading = ref(false);
  const loaded = ref(false);
  const selectedId = ref<string | null>(null);
  const notice = ref<Notice | null>(null);
  const busy = ref(false);

  const selected = computed(() => items.value.find((r) => r.id === selectedId.value) ?? null);

  function notify(text: string, color: Notice['color'] = 'info'): void {
    notice.value = { text, color };
  }

  function fail(error: ErrorInfo): void {
    notify(error.message, 'error');
  }

  async function load(): Promise<void> {
    loading.value = true;
    const reply = await nexus().registries.list();
    loading.value = false;
    loaded.value = true;
    if (!reply.ok) return fail(reply.error);
    items.value = reply.value;
    if (selectedId.value && !items.value.some((r) => r.id === selectedId.value)) selectedId.value = null;
  }

  function select(id: string | null): void {
    selectedId.value = id;
  }

  /** Put a saved registry into the list (and select it) without reloading everything. */
  function upsert(r: Registry): void {
    const i = items.value.findIndex((x) => x.id === r.id);
    if (i >= 0) items.value.splice(i, 1, r);
    else items.value.push(r);
    selectedId.value = r.id;
  }

  /** Run an engine call with the toolbar busy; errors go to the snackbar. The value, or null. */
  async function act<T>(call: () => Promise<Result<T>>): Promise<T | null> {
    busy.value = true;
    const reply = await call();
    busy.value = false;
    if (reply.ok) return reply.value;
    fail(reply.error);
    return null;
  }

  async function setDefault(id: string): Promise<boolean> {
    const saved = await act(() => nexus().registries.setDefault(id));
    if (!saved) return false;
    for (const r of items.value) r.isDefault = r.id === id;
    upsert(saved);
    notify(`"${saved.name}" is now the default registry.`, 'success');
    return true;
  }

  async function remove(id: string): Promise<boolean> {
    const name = items.value.find((r) => r.id === id)?.name ?? 'The registry';
    if (!(await act(() => nexus().registries.delete(id)))) return false;
    items.value = items.value.filter((r) => r.id !== id);
    if (selectedId.value === id) selectedId.value = null;
    notify(`Deleted "${name}".`, 'success');
    return true;
  }

  return { items, loading, loaded, selectedId, selected, notice, busy, load, select, upsert, setDefault, remove, notify, fail };
});

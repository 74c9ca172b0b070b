// Bundled into the page by test/support/ui-harness.ts: window.nexus built by the real createApi,
// over a transport that is a Playwright binding into the real dispatcher in the test process.
// This stands in for the preload only; the API object, contract, handlers and engine are real.
import type { Channel, ValidationProgress } from '../../electron/ipc/contract';
import { createApi } from '../../electron/ipc/create-api';

interface TestWindow {
  __nexusInvoke(channel: Channel, input: unknown): Promise<unknown>;
  __nexusEmit(channel: string, payload: ValidationProgress): void;
  nexus: ReturnType<typeof createApi>;
}

const w = globalThis as unknown as TestWindow;
const listeners = new Set<(p: ValidationProgress) => void>();
w.nexus = createApi({
  invoke: (channel, input) => w.__nexusInvoke(channel, input),
  on: (_channel, listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
});
w.__nexusEmit = (_channel, payload) => listeners.forEach((l) => l(payload));

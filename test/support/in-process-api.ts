// window.nexus for component tests: the real createApi over a direct call into the real
// dispatcher and engine. Only the transport differs from the app (no IPC between processes).
import type { Engine } from '../../electron/core/engine';
import type { ValidationProgress } from '../../electron/ipc/contract';
import { createApi, type NexusApi } from '../../electron/ipc/create-api';
import { testDispatcher } from './test-dispatcher';

export function inProcessApi(engine: Engine): NexusApi {
  const listeners = new Set<(p: ValidationProgress) => void>();
  const dispatcher = testDispatcher(engine, {
    isTrustedSender: () => true,
    emit: (_c, payload) => listeners.forEach((l) => l(payload)),
  });
  return createApi({
    invoke: (channel, input) => dispatcher.dispatch(channel, input, { url: 'app://nexus/index.html', isMainFrame: true }),
    on: (_c, listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
}

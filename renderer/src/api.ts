// The renderer's only way to the engine: window.nexus, built by createApi in the preload
// (or by the browser tests over the same contract). Types only come from electron/.
import type { NexusApi } from '../../electron/ipc/create-api';

declare global {
  interface Window {
    nexus: NexusApi;
  }
}

export function nexus(): NexusApi {
  return window.nexus;
}

export type { NexusApi };

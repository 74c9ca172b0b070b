// The one IPC contract: every channel, its input (checked in main by ./schemas.ts) and the type
// of its result. No runtime dependencies, so the preload can bundle it; the renderer imports
// *types* from here only (lint-enforced).
import type { Result } from '../common/errors';
import type { Registry, StepEvent, ValidationResult } from '../common/registry';

export const CHANNELS = [
  'registries:list',
  'registries:get',
  'registries:validate',
  'registries:cancelValidation',
  'registries:create',
  'registries:update',
  'registries:delete',
  'registries:setDefault',
  'app:info',
] as const;

export type Channel = (typeof CHANNELS)[number];

export interface AppInfo {
  version: string;
  dataDir: string;
  platform: string;
}

export interface ChannelResults {
  'registries:list': Registry[];
  'registries:get': Registry;
  'registries:validate': ValidationResult;
  'registries:cancelValidation': boolean;
  'registries:create': Registry;
  'registries:update': Registry;
  'registries:delete': true;
  'registries:setDefault': Registry;
  'app:info': AppInfo;
}

/** Main → renderer: a validation step started or ended. */
export const VALIDATION_PROGRESS = 'registries:validationProgress';
export interface ValidationProgress {
  validationId: string;
  event: StepEvent;
}

/** What crosses IPC from main: always a Result, never a thrown error or a stack. */
export type Reply<C extends Channel> = Result<ChannelResults[C]>;

/** The transport createApi is built on: Electron's ipcRenderer, or a Playwright binding in tests. */
export interface Transport {
  invoke(channel: Channel, input: unknown): Promise<unknown>;
  on(channel: typeof VALIDATION_PROGRESS, listener: (payload: ValidationProgress) => void): () => void;
}

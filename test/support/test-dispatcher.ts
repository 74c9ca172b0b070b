// The real IPC dispatcher over a test engine, shared by the browser harness and the in-process
// API of the component tests. Only how a sender is trusted and how progress is delivered differ.
import type { Engine } from '../../electron/core/engine';
import { IpcDispatcher, type DispatcherOptions } from '../../electron/ipc/handlers';

export function testDispatcher(engine: Engine, options: Pick<DispatcherOptions, 'isTrustedSender' | 'emit'>): IpcDispatcher {
  return new IpcDispatcher({ engine, appInfo: { version: 'test', dataDir: 'test', platform: process.platform }, ...options });
}

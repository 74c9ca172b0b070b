import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { VALIDATION_PROGRESS} from '../ipc/contract';
import { type ValidationProgress } from '../ipc/contract';
import type { IpcDispatcher, SenderInfo } from '../ipc/handlers';

export function senderOf(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return { url: frame?.url, isMainFrame: frame !== null && frame !== undefined && frame === event.sender.mainFrame };
}

/** One ipcMain handler per contract channel, each going through the dispatcher's checks. */
export function registerIpc(ipcMain: IpcMain, dispatcher: IpcDispatcher): void {
  for (const channel of dispatcher.channels) {
    ipcMain.handle(channel, (event, input: unknown) => dispatcher.dispatch(channel, input, senderOf(event)));
  }
}

/** Progress events go to the window that asked, and only while it exists. */
export function progressEmitter(target: () => WebContents | undefined): (channel: typeof VALIDATION_PROGRESS, payload: ValidationProgress) => void {
  return (channel, payload) => {
    const wc = target();
    if (wc && !wc.isDestroyed()) wc.send(channel, payload);
  };
}

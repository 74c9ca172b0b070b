import type { Session, WebContents } from 'electron';
import { APP_ORIGIN } from './app-protocol';
import type { SenderInfo } from '../ipc/handlers';

/** Only our own top-level page may call the engine. */
export function isTrustedSender(sender: SenderInfo): boolean {
  if (!sender.isMainFrame || !sender.url) return false;
  try {
    return new URL(sender.url).origin === APP_ORIGIN || sender.url.startsWith(`${APP_ORIGIN}/`);
  } catch {
    return false;
  }
}

/** No navigation away from the app, no new windows, no webviews. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Deny every permission (camera, notifications, geolocation…): the app needs none. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

import type { MenuItemConstructorOptions } from 'electron';

/** A minimal native menu: Edit for copy/paste, View tools in development only, Help/About. */
export function menuTemplate(options: { isDev: boolean; isMac: boolean; appName: string }): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = options.isDev ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] : [];
  return [
    ...(options.isMac ? [{ label: options.appName, submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] } as MenuItemConstructorOptions] : []),
    ...(options.isMac ? [] : [{ label: 'File', submenu: [{ role: 'quit' }] } as MenuItemConstructorOptions]),
    { label: 'Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    { label: 'View', submenu: [...view, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { role: 'help', submenu: [{ role: 'about', label: `About ${options.appName}` }] },
  ];
}

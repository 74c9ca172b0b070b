import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: { rollupOptions: { input: { main: resolve('electron/main.ts') } } },
  },
  preload: {
    // A sandboxed preload cannot require() anything but electron: bundle everything else into
    // one file (test/shell/build.test.ts checks the output).
    build: {
      externalizeDeps: false, rollupOptions: { input: { preload: resolve('electron/preload.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } } },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [vue()],
    // No data: URIs: the CSP allows fonts and scripts from the app itself only.
    build: { assetsInlineLimit: 0, rollupOptions: { input: resolve('renderer/index.html') } },
  },
});

// `npm start`: build, make sure better-sqlite3 exists for Electron's ABI, then open the app.
// The first run downloads the Electron binary (and Electron headers or a prebuilt module).
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('npx', ['electron-vite', 'build']);
run(process.execPath, ['scripts/electron-native.mjs']);
run('npx', ['electron-vite', 'preview', '--skipBuild']);

// Build better-sqlite3 for Electron's ABI into node_modules/.electron-native/abi-<N>/, beside
// (never over) the Node build that tests and the CLI use. electron/shell/native-binding.ts
// loads it when the app runs from a checkout. Needs the network once (Electron headers or a
// prebuilt binary); does nothing when the binary is already there.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { abiOfNodeFile } from '../build/native-abi.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');
const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
const abi = Number(readFileSync(join(electronDir, 'abi_version'), 'utf8').trim());
const target = join(root, 'node_modules', '.electron-native', `abi-${abi}`, 'better_sqlite3.node');

if (existsSync(target) && abiOfNodeFile(target) === abi) process.exit(0);

console.log(`Building better-sqlite3 for Electron ${electronVersion} (ABI ${abi})…`);
const work = mkdtempSync(join(tmpdir(), 'nexus-electron-native-'));
const pkg = join(work, 'better-sqlite3');
cpSync(join(root, 'node_modules', 'better-sqlite3'), pkg, { recursive: true, filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`) });
// npm's nodedir (set on some machines) would make node-gyp build against Node's headers while
// saying it targets Electron; drop it, and check the result's ABI below.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_(nodedir|target|runtime|disturl)$/i.test(key)));
const bin = (name) => join(root, 'node_modules', '.bin', name);
try {
  try {
    execFileSync(bin('prebuild-install'), ['--runtime', 'electron', '--target', electronVersion, '--arch', process.arch, '--platform', process.platform], { cwd: pkg, env, stdio: 'inherit' });
  } catch {
    execFileSync(bin('node-gyp'), ['rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], { cwd: pkg, env, stdio: 'inherit' });
  }
  const built = join(pkg, 'build', 'Release', 'better_sqlite3.node');
  const got = abiOfNodeFile(built);
  if (got !== abi) throw new Error(`the build registers ABI ${got}, Electron ${electronVersion} needs ${abi}`);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(built, target);
  console.log(`better-sqlite3 for Electron: ${target}`);
} catch (err) {
  console.error(`Could not build better-sqlite3 for Electron: ${err.message}\nThis step needs the network once (Electron headers or a prebuilt binary).`);
  process.exit(1);
} finally {
  rmSync(work, { recursive: true, force: true });
}

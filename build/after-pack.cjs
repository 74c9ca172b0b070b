// electron-builder afterPack hook: refuse to ship a better-sqlite3 built for the wrong ABI.
const { readdirSync, statSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

function find(dir, name, found = []) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) find(path, name, found);
    else if (entry === name) found.push(path);
  }
  return found;
}

exports.default = async function afterPack(context) {
  const expected = Number(readFileSync(join(__dirname, '..', 'node_modules', 'electron', 'abi_version'), 'utf8').trim());
  const { abiOfNodeFile } = await import('./native-abi.mjs');
  const files = find(context.appOutDir, 'better_sqlite3.node');
  if (files.length === 0) throw new Error('afterPack: better_sqlite3.node is missing from the package.');
  for (const file of files) {
    const abi = abiOfNodeFile(file);
    if (abi !== expected) {
      throw new Error(`afterPack: ${file} is built for ABI ${abi}, Electron needs ${expected}. Unset npm_config_nodedir and rebuild.`);
    }
  }
};

// Which Node/Electron ABI a native .node file was built for, read from the file itself.
// Non-N-API addons (better-sqlite3 is one) export `node_register_module_v<ABI>`; checking it is
// the only reliable proof, because a rebuild "for Electron" can silently use Node's headers.
import { readFileSync } from 'node:fs';

/** The ABI number the addon registers for, or null when it has none (N-API or not an addon). */
export function abiOfNodeFile(file) {
  const match = /node_register_module_v(\d+)/.exec(readFileSync(file).toString('latin1'));
  return match ? Number(match[1]) : null;
}

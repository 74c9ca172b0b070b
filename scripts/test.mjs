// `npm test`: lint, typecheck, build the renderer, then every test with a real keychain.
// Ends with one line "tests: N passed, N failed" so CI can read the outcome at a glance.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const step = (title, cmd, args, env = {}) => {
  process.stdout.write(`\n▶ ${title}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
};

let failed = 0;
for (const [title, cmd, args] of [
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
]) {
  if (step(title, cmd, args) !== 0) failed++;
}
// The browser and build tests read out/, so the build comes first.
if (step('build (electron-vite)', 'npx', ['electron-vite', 'build']) !== 0) failed++;

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
rmSync(report, { force: true });
const status = step('tests (vitest, real SQLite, keychain, TLS servers and Chromium)', 'scripts/with-keyring.sh', [
  'npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2),
]);
let passed = 0;
let testsFailed = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  testsFailed = json.numFailedTests;
} else {
  testsFailed = 1;
}
if (status !== 0 && testsFailed === 0) testsFailed = 1;
console.log(`\ntests: ${passed} passed, ${testsFailed + failed} failed`);
process.exit(status !== 0 || failed ? 1 : 0);

import { defineConfig } from 'vitest/config';

// Only the real-Electron smoke test (scripts/test-electron.mjs runs it when the binary exists).
export default defineConfig({
  test: { include: ['test/electron/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 120_000, pool: 'forks' },
});

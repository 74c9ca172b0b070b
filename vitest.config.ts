import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [vue()],
  test: {
    include: ['test/**/*.test.ts'],
    // Needs the Electron binary: run by `npm run test:electron`, never by `npm test`.
    exclude: ['test/electron/**', 'node_modules/**'],
    environment: 'node',
    // A guard against hangs, not a speed goal: speed lives in `npm run bench`.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll waits for a UI state; a busy 2-core CI machine needs more than the default 1 s.
    expect: { poll: { timeout: 15_000, interval: 50 } },
    pool: 'forks',
    server: { deps: { inline: ['vuetify'] } },
  },
});

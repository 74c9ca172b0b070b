#!/usr/bin/env node
// Runs the TypeScript CLI straight from the source tree (tsx), so a fresh `npm ci` is enough:
// no build step stands between a clone and `npx nexus-registries`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli.ts');
await main();

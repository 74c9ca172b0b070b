import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => /no-restricted-imports/.test(m.ruleId ?? '')).map((m) => m.message);
}

describe('layering is checked by lint, not only written down', () => {
  it.each([
    ['electron/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/core/x.ts', "import { ref } from 'vue';\nexport const a = ref;\n"],
    ['electron/core/x.ts', "import { runCli } from '../cli';\nexport const a = runCli;\n"],
    ['electron/core/x.ts', "import { h } from '../ipc/handlers';\nexport const a = h;\n"],
    ['electron/common/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['electron/common/x.ts', "import { AppError } from '../core/app-error';\nexport const a = AppError;\n"],
    ['renderer/x.ts', "import { RegistryService } from '../electron/core/registry-service';\nexport const a = RegistryService;\n"],
    ['renderer/x.ts', "import { createApi } from '../electron/ipc/create-api';\nexport const a = createApi;\n"],
    ['renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n"],
  ])('refuses in %s: %s', async (file, code) => {
    expect(await restricted(file, code)).not.toEqual([]);
  });

  it.each([
    ['electron/core/x.ts', "import { checkName } from '../common/registry-fields';\nexport const a = checkName;\n"],
    ['renderer/x.ts', "import type { NexusApi } from '../electron/ipc/contract';\nexport type A = NexusApi;\n"],
    ['renderer/x.ts', "import { checkName } from '../electron/common/registry-fields';\nexport const a = checkName;\n"],
  ])('allows in %s: %s', async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});

// The lint rules that keep the layers apart, run through ESLint's API on the
// project's own config, so a rule that stops firing fails here.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../electron/host/project-paths';

const eslint = new ESLint({ cwd: PROJECT_ROOT });

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(PROJECT_ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering rules', () => {
  it('stop renderer/ importing electron/, electron or Node', async () => {
    expect(await restrictedImports('renderer/app/x.ts', "import '../../electron/core/logger';\n")).toHaveLength(1);
    expect(await restrictedImports('renderer/app/x.ts', "import { ipcRenderer } from 'electron';\n")).not.toHaveLength(0);
    expect(await restrictedImports('renderer/app/x.ts', "import fs from 'node:fs';\nexport default fs;\n")).toHaveLength(1);
    expect(await restrictedImports('renderer/app/x.ts', "import { CHANNEL_NAMES } from '../../shared/ipc';\nexport default CHANNEL_NAMES;\n")).toEqual([]);
  });

  it('stop shared/ importing Node, electron/, renderer/ or React', async () => {
    for (const source of ["import path from 'node:path';", "import '../electron/core/core';", "import '../renderer/app/App';", "import 'react';", "import 'electron';"]) {
      expect(await restrictedImports('shared/ipc/x.ts', `${source}\n`)).toHaveLength(1);
    }
  });

  it("keep 'electron' inside electron/shell/ and ipcMain / ipcRenderer inside the IPC wrappers", async () => {
    expect(await restrictedImports('electron/core/x.ts', "import { app } from 'electron';\nexport default app;\n")).toHaveLength(1);
    expect(await restrictedImports('electron/host/x.ts', "import { app } from 'electron';\nexport default app;\n")).toHaveLength(1);
    expect(await restrictedImports('electron/shell/window.ts', "import { ipcMain } from 'electron';\nexport default ipcMain;\n")).toHaveLength(1);
    expect(await restrictedImports('electron/shell/window.ts', "import { BrowserWindow } from 'electron';\nexport default BrowserWindow;\n")).toEqual([]);
    expect(await restrictedImports('electron/shell/ipc-main.ts', "import { ipcMain } from 'electron';\nexport default ipcMain;\n")).toEqual([]);
    expect(await restrictedImports('electron/shell/preload.ts', "import { ipcRenderer } from 'electron';\nexport default ipcRenderer;\n")).toEqual([]);
  });
});

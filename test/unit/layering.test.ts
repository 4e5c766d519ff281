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

async function roomProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(PROJECT_ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId?.startsWith('rooms/')).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layering rules', () => {
  it('stop renderer/ importing electron/, electron or Node', async () => {
    expect(await restrictedImports('renderer/app/x.ts', "import '../../electron/core/core';\n")).toHaveLength(1);
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

  describe('inside electron/', () => {
    it('let a room import only the rows below it, or its own row', async () => {
      expect(await roomProblems('electron/graph/x.ts', "import { createConsoleLogger } from '../http/logger';\nexport default createConsoleLogger;\n")).toEqual([]);
      expect(await roomProblems('electron/core/x.ts', "import '../engine/polling-engine';\nimport '../demo-tenant/demo-tenant';\nimport '../graph/graph-client';\n")).toEqual([]);
      expect(await roomProblems('electron/shell/x.ts', "import '../core/core';\n")).toEqual([]);
      expect(await roomProblems('electron/engine/x.ts', "import '../mail/mailer';\n")).toEqual([]);
    });

    it('stop an import against the direction, naming both rooms and the direction', async () => {
      const [problem, ...more] = await roomProblems('electron/http/x.ts', "import '../auth/client-credentials-provider';\n");
      expect(more).toEqual([]);
      expect(problem).toMatch(/^rooms\/direction: electron\/http\/ must not import electron\/auth\/: the rooms point http <- graph, mobile-risk, auth <- engine, mail, demo-tenant <- core <- host, shell, cli/);
      expect(await roomProblems('electron/engine/x.ts', "import type { Core } from '../core/core';\nexport type C = Core;\n")).toHaveLength(1);
      expect(await roomProblems('electron/core/x.ts', "export * from '../host/browser-host';\n")).toHaveLength(1);
      expect(await roomProblems('electron/graph/x.ts', "const load = () => import('../engine/polling-engine');\nexport default load;\n")).toHaveLength(1);
    });

    it('stop a room that is not in the layering', async () => {
      expect(await roomProblems('electron/extras/x.ts', 'export const x = 1;\n')).toEqual([expect.stringMatching(/electron\/extras\/ is not a room of the layering/)]);
    });

    it('stop a file import cycle, naming the files around it', async () => {
      // request-budget.ts imports clock.ts: clock.ts importing it back closes a circle.
      const problems = await roomProblems('electron/http/clock.ts', "import './request-budget';\nexport const systemClock = { now: () => Date.now() };\n");
      expect(problems).toEqual([expect.stringMatching(/^rooms\/no-cycle: Import cycle: electron\/http\/clock\.ts -> electron\/http\/request-budget\.ts -> electron\/http\/clock\.ts/)]);
    });

    it('stop a room cycle made of sideways imports', async () => {
      // The engine sends mail: mail importing the engine back makes the rooms a circle.
      const problems = await roomProblems('electron/mail/x.ts', "import type { Inventory } from '../engine/inventory/inventory';\nexport type I = Inventory;\n");
      expect(problems).toEqual([expect.stringMatching(/^rooms\/no-cycle: Room cycle: electron\/mail\/ -> electron\/engine\/ -> electron\/mail\//)]);
    });
  });
});

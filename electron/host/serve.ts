// `npm run serve`: the console in a browser, on loopback, with the same core as the Electron app.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../core/core';
import { resolveDataDir } from '../core/data-dir';
import { nodeEngineLauncher } from '../core/engine/engine-launcher';
import { createConsoleLogger } from '../http/logger';
import { startBrowserHost, type BrowserHost } from './browser-host';
import { RENDERER_DIR, readProjectVersion } from './project-paths';

export interface ServeOptions {
  port?: number;
  rendererDir?: string;
}

export async function serve(options: ServeOptions = {}): Promise<BrowserHost> {
  const logger = createConsoleLogger('browser-host');
  const rendererDir = options.rendererDir ?? RENDERER_DIR;
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built in ${rendererDir}: run "npm run build:renderer" first.`);
  }
  const dataDir = resolveDataDir();
  const core = createCore({ version: readProjectVersion(), host: 'browser', dataDir, logger, engineLauncher: nodeEngineLauncher() });
  const host = await startBrowserHost({ core, rendererDir, logger, ...(options.port !== undefined ? { port: options.port } : {}) });
  const stop = (): void => {
    void host
      .close()
      .then(() => core.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stdout.write(`MTD Connector Console is running in the browser host; data folder: ${dataDir}\n`);
  process.stdout.write(`Open this URL in a browser: ${host.url}\n`);
  return host;
}

export function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(port) || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535 (0: a free port); got ${JSON.stringify(value)}.`);
  }
  return port;
}

const isEntry = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isEntry) {
  try {
    const { values } = parseArgs({ options: { port: { type: 'string' } } });
    const port = parsePort(values.port);
    await serve(port === undefined ? {} : { port });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

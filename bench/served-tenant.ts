// The demo tenant served by a child process (electron/demo-tenant/cli.ts), so that
// the bench process's memory is the engine's own and not the tenant's (~370 MB at 100k).
import { spawn } from 'node:child_process';
import type { DemoTenantCredentials } from '../electron/demo-tenant/demo-tenant';
import { DEMO_STATS_PATH, type DemoRequestStats } from '../electron/demo-tenant/serve-demo-tenant';
import { PROJECT_ROOT } from '../electron/host/project-paths';

export interface ServedTenantOptions {
  devices: number;
  latencyMs?: number;
  seed?: string;
  /** How long building and serving may take before the bench gives up. */
  startTimeoutMs?: number;
  /** More of the CLI's flags, e.g. ['--no-consent'] for a tenant that has not consented yet; they replace --speed 0 when they give a speed. */
  extraArgs?: string[];
}

export interface ServedTenant {
  devices: number;
  latencyMs: number;
  credentials: DemoTenantCredentials;
  origin: string;
  stats(): Promise<DemoRequestStats>;
  resetStats(): Promise<void>;
  close(): Promise<void>;
}

const PREFIX = 'DEMO_TENANT ';

export async function startServedTenant({ devices, latencyMs = 0, seed = 'bench', startTimeoutMs = 60_000, extraArgs = [] }: ServedTenantOptions): Promise<ServedTenant> {
  const speed = extraArgs.includes('--speed') || extraArgs.includes('--real-time') ? [] : ['--speed', '0'];
  const args = ['--import', 'tsx', 'electron/demo-tenant/cli.ts', '--devices', String(devices), '--latency-ms', String(latencyMs), ...speed, '--port', '0', '--seed', seed, ...extraArgs];
  // process.execPath is this bench's Node 24; the IPC channel makes the child exit if this process dies.
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const kill = (): void => void child.kill();
  process.once('exit', kill);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  let credentials: DemoTenantCredentials;
  try {
    credentials = await new Promise<DemoTenantCredentials>((resolve, reject) => {
      let stdout = '';
      const timer = setTimeout(() => reject(new Error(`demo tenant: no ${PREFIX.trim()} line within ${startTimeoutMs} ms`)), startTimeoutMs);
      child.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const line = stdout.slice(0, stdout.lastIndexOf('\n') + 1).split('\n').find((l) => l.startsWith(PREFIX));
        if (!line) return;
        clearTimeout(timer);
        resolve(JSON.parse(line.slice(PREFIX.length)) as DemoTenantCredentials);
      });
      child.once('error', reject);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`demo tenant exited with ${String(code)}: ${stderr.trim()}`));
      });
    });
  } catch (error) {
    kill();
    process.removeListener('exit', kill);
    throw error;
  }

  const origin = new URL(credentials.graphBaseUrl).origin;
  return {
    devices,
    latencyMs,
    credentials,
    origin,
    stats: async () => (await (await fetch(`${origin}${DEMO_STATS_PATH}`)).json()) as DemoRequestStats,
    resetStats: async () => {
      const response = await fetch(`${origin}${DEMO_STATS_PATH}/reset`, { method: 'POST' });
      if (response.status !== 204) throw new Error(`demo tenant: stats reset answered ${response.status}`);
    },
    close: async () => {
      process.removeListener('exit', kill);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const forced = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.kill();
      await exited;
      clearTimeout(forced);
    },
  };
}

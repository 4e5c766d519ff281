// discovery.full.100k and discovery.incremental.100k: the engine's discovery in a
// process of its own (as in the app), against the served 100,000-device tenant.
import { spawn } from 'node:child_process';
import { DEFAULT_START_TIME } from '../electron/demo-tenant/build-tenant';
import { PROJECT_ROOT } from '../electron/host/project-paths';
import type { Figures } from './results-file';
import type { ServedTenant } from './served-tenant';

const TARGETS = { fullWallMs: 30_000, fullGraphRequests: 250, incrementalShare: 0.05, eventLoopP99Ms: 50, peakRssMb: 400 };

interface ProbeRun {
  wallMs: number;
  graphRequests: number;
  eventLoopP99Ms: number;
  users: number;
  enrolled: number;
  unsupported: number;
  kind: string;
}

export async function discoveryBench(served: ServedTenant): Promise<Record<string, Figures>> {
  const argument = JSON.stringify({ ...served.credentials, startTime: DEFAULT_START_TIME });
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/discovery-probe.ts', argument], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const line = stdout.split('\n').find((l) => l.startsWith('DISCOVERY '));
  if (code !== 0 || !line) throw new Error(`The discovery probe failed (exit code ${String(code)}).`);
  const { full, incremental } = JSON.parse(line.slice('DISCOVERY '.length)) as { full: ProbeRun & { peakRssMb: number }; incremental: ProbeRun };
  const share = incremental.graphRequests / full.graphRequests;
  return {
    'discovery.full.100k': {
      wallMs: full.wallMs,
      graphRequests: full.graphRequests,
      peakRssMb: full.peakRssMb,
      eventLoopP99Ms: full.eventLoopP99Ms,
      users: full.users,
      enrolled: full.enrolled,
      unsupported: full.unsupported,
      latencyMs: served.latencyMs,
      meetsTargets: full.wallMs <= TARGETS.fullWallMs && full.graphRequests <= TARGETS.fullGraphRequests && full.eventLoopP99Ms <= TARGETS.eventLoopP99Ms && full.peakRssMb <= TARGETS.peakRssMb,
      targets: `wallMs<=${TARGETS.fullWallMs} graphRequests<=${TARGETS.fullGraphRequests} eventLoopP99Ms<=${TARGETS.eventLoopP99Ms} peakRssMb<=${TARGETS.peakRssMb}`,
    },
    'discovery.incremental.100k': {
      wallMs: incremental.wallMs,
      graphRequests: incremental.graphRequests,
      shareOfFull: Math.round(share * 1000) / 1000,
      eventLoopP99Ms: incremental.eventLoopP99Ms,
      kind: incremental.kind,
      meetsTargets: share <= TARGETS.incrementalShare && incremental.kind === 'incremental',
      targets: `graphRequests<=${TARGETS.incrementalShare * 100}% of full`,
    },
  };
}

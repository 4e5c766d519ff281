// What the MTD service knows about a device at a given demo time, derived from
// its agent's schedule, so nothing has to be stored per tick.
import type { AgentSchedule, DemoDevice, DemoTenantData, DemoThreat, Severity } from './tenant-model';

export type ActivationStatus = 'PENDING' | 'ACTIVATED' | 'DEACTIVATED';
export type SecurityStatus = 'SECURED' | 'THREATS_LOW' | 'THREATS_MEDIUM' | 'THREATS_HIGH';
export type ProtectionStatus = 'PROTECTED' | 'DISCONNECTED' | 'UNPROTECTED';

const DAY = 86_400_000;
/** The MTD service's own view of a silent device; the console applies its configured days. */
const SERVICE_DISCONNECT_MS = 7 * DAY;
const SEVERITY_RANK: Record<Severity, number> = { LOW: 1, MEDIUM: 2, HIGH: 3 };

export function activationStatus(agent: AgentSchedule, at: number): ActivationStatus {
  if (agent.deactivateAt !== null && at >= agent.deactivateAt) return 'DEACTIVATED';
  if (agent.activateAt !== null && at >= agent.activateAt) return 'ACTIVATED';
  return 'PENDING';
}

/** The last check-in at or before `at`, or null before activation. */
export function lastCheckin(agent: AgentSchedule, at: number): number | null {
  if (agent.activateAt === null || at < agent.activateAt) return null;
  let until = at;
  if (agent.deactivateAt !== null) until = Math.min(until, agent.deactivateAt);
  if (agent.silentFrom !== null && until >= agent.silentFrom && (agent.silentUntil === null || until < agent.silentUntil)) {
    until = agent.silentFrom;
  }
  const periods = Math.floor((until - agent.activateAt) / agent.checkinPeriodMs);
  return agent.activateAt + periods * agent.checkinPeriodMs;
}

export function threatStatusAt(threat: DemoThreat, at: number): 'OPEN' | 'RESOLVED' | null {
  if (at < threat.foundAt) return null;
  return threat.resolvedAt !== null && at >= threat.resolvedAt ? 'RESOLVED' : 'OPEN';
}

/** Index of each device's threats, built once per tenant. */
export function threatsByDevice(tenant: DemoTenantData): Map<number, DemoThreat[]> {
  const map = new Map<number, DemoThreat[]>();
  for (const threat of tenant.threats) {
    const list = map.get(threat.deviceIndex) ?? [];
    list.push(threat);
    map.set(threat.deviceIndex, list);
  }
  return map;
}

export function securityStatus(threats: readonly DemoThreat[] | undefined, at: number): SecurityStatus {
  let worst = 0;
  for (const threat of threats ?? []) {
    if (threatStatusAt(threat, at) === 'OPEN') worst = Math.max(worst, SEVERITY_RANK[threat.severity]);
  }
  return (['SECURED', 'THREATS_LOW', 'THREATS_MEDIUM', 'THREATS_HIGH'] as const)[worst]!;
}

export function protectionStatus(agent: AgentSchedule, at: number): ProtectionStatus {
  const activation = activationStatus(agent, at);
  if (activation !== 'ACTIVATED') return 'UNPROTECTED';
  const checkin = lastCheckin(agent, at);
  return checkin !== null && at - checkin > SERVICE_DISCONNECT_MS ? 'DISCONNECTED' : 'PROTECTED';
}

/** Lookout Mobile Risk API v2 device object. */
export function mraDevice(device: DemoDevice, agent: AgentSchedule, threats: readonly DemoThreat[] | undefined, at: number) {
  const checkin = lastCheckin(agent, at);
  return {
    guid: agent.guid,
    oid: agent.oid,
    platform: device.operatingSystem === 'Android' ? 'ANDROID' : 'IOS',
    email: device.userPrincipalName,
    mdm_external_id: device.id,
    os_version: device.osVersion,
    created_time: new Date(agent.createdAt).toISOString(),
    activated_time: agent.activateAt !== null && at >= agent.activateAt ? new Date(agent.activateAt).toISOString() : null,
    checkin_time: checkin === null ? null : new Date(checkin).toISOString(),
    status: {
      activation_status: activationStatus(agent, at),
      security_status: securityStatus(threats, at),
      protection_status: protectionStatus(agent, at),
    },
  };
}

/** Lookout Mobile Risk API v2 threat object. */
export function mraThreat(threat: DemoThreat, device: DemoDevice, at: number) {
  return {
    guid: threat.guid,
    oid: threat.oid,
    device_guid: device.agent?.guid ?? null,
    status: threatStatusAt(threat, at) ?? 'OPEN',
    severity: threat.severity,
    type: threat.type,
    classifications: [threat.classification],
    detected_at: new Date(threat.foundAt).toISOString(),
    closed_at: threat.resolvedAt !== null && at >= threat.resolvedAt ? new Date(threat.resolvedAt).toISOString() : null,
  };
}

// Builds the embedded demo tenant from a seed: the same seed and size always give
// the same users, groups, devices, MTD agents, threats and event log.
import { DEFAULT_THREAT_CLASSIFICATIONS, type RiskLevel } from '../../shared/domain/threat-classifications';
import { SeededRandom } from './random';
import {
  MTD_PLATFORMS,
  type AgentSchedule,
  type DemoDevice,
  type DemoEvent,
  type DemoGroup,
  type DemoTenantData,
  type DemoThreat,
  type DemoUser,
  type DevicePlatform,
  type Severity,
} from './tenant-model';

export const MIN_DEVICES = 10;
export const MAX_DEVICES = 100_000;
export const DEFAULT_START_TIME = Date.UTC(2026, 10, 1);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface BuildOptions {
  seed?: string | number;
  devices?: number;
  /** The demo clock's start; device and agent times are spread around it. */
  startTime?: number;
}

const FIRST_NAMES = ['Ada', 'Ben', 'Chloé', 'Dae-jung', 'Elif', 'Farid', 'Grace', 'Hiro', 'Inès', 'Jonas', 'Kim', 'Lena', 'Marc', 'Nadia', 'Omar', 'Priya', 'Quentin', 'Rosa', 'Seo-yeon', 'Tom'];
const LAST_NAMES = ['Martin', 'Kim', 'Dubois', 'Park', 'Smith', 'Lee', 'Bernard', 'Choi', 'Garcia', 'Nguyen', 'Moreau', 'Jung', 'Rossi', 'Novak', 'Silva'];

const PLATFORM_WEIGHTS: [DevicePlatform, number][] = [
  ['iOS', 0.38],
  ['iPadOS', 0.07],
  ['Android', 0.4],
  ['Windows', 0.1],
  ['macOS', 0.05],
];
const OS_VERSIONS: Record<DevicePlatform, string[]> = {
  iOS: ['17.7.2', '18.6.1', '26.0.1', '26.1'],
  iPadOS: ['17.7.2', '18.6', '26.1'],
  Android: ['12', '13', '14', '15', '16'],
  Windows: ['10.0.19045.5371', '10.0.26100.2894'],
  macOS: ['14.7.1', '15.6', '26.1'],
};
const DEVICE_NAMES: Record<DevicePlatform, string> = { iOS: 'iPhone', iPadOS: 'iPad', Android: 'Android', Windows: 'DESKTOP', macOS: 'MacBook' };
const SEVERITY: Record<RiskLevel, Severity> = { None: 'LOW', Low: 'LOW', Medium: 'MEDIUM', High: 'HIGH' };

function pickPlatform(random: SeededRandom): DevicePlatform {
  let roll = random.next();
  for (const [platform, weight] of PLATFORM_WEIGHTS) {
    if ((roll -= weight) < 0) return platform;
  }
  return 'Android';
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

export function buildDemoTenant(options: BuildOptions = {}): DemoTenantData {
  const deviceCount = options.devices ?? 200;
  if (!Number.isInteger(deviceCount) || deviceCount < MIN_DEVICES || deviceCount > MAX_DEVICES) {
    throw new RangeError(`devices must be a whole number from ${MIN_DEVICES} to ${MAX_DEVICES}; got ${String(deviceCount)}.`);
  }
  const seed = String(options.seed ?? 'contoso');
  const start = options.startTime ?? DEFAULT_START_TIME;
  const random = new SeededRandom(`${seed}/${deviceCount}`);
  const domain = 'contoso.example';
  const tenantId = random.guid();

  // Two devices per user, as in the bench's 100,000 devices for 50,000 users.
  const userCount = Math.ceil(deviceCount / 2);
  const users: DemoUser[] = [];
  for (let i = 0; i < userCount; i++) {
    const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
    const last = LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]!;
    users.push({ id: random.guid(), displayName: `${first} ${last} ${i + 1}`, userPrincipalName: `user${i + 1}@${domain}` });
  }
  const roleUsers: DemoUser[] = [
    { id: random.guid(), displayName: 'Gabriel Admin', userPrincipalName: `globaladmin@${domain}`, role: 'globalAdmin', intuneRole: true },
    // Full console access but no Intune role: delegated Intune calls are refused for this one.
    { id: random.guid(), displayName: 'Farah Fullaccess', userPrincipalName: `fullaccess@${domain}`, role: 'full' },
    { id: random.guid(), displayName: 'Rémi Restricted', userPrincipalName: `restricted@${domain}`, role: 'restricted' },
    { id: random.guid(), displayName: 'Olga Outsider', userPrincipalName: `outsider@${domain}`, role: 'outsider' },
  ];

  const ids = (from: number, to: number): string[] => range(Math.floor(from), Math.max(Math.floor(from) + 1, Math.floor(to))).map((i) => users[Math.min(i, userCount - 1)]!.id);
  const group = (displayName: string, memberUserIds: string[], extra: Partial<DemoGroup> = {}): DemoGroup => ({
    id: random.guid(),
    displayName,
    description: `${displayName} (demo)`,
    securityEnabled: true,
    mailEnabled: false,
    groupTypes: [],
    memberUserIds: [...new Set(memberUserIds)],
    memberGroupIds: [],
    ...extra,
  });
  const u = userCount;
  const pilot = group('Mobile Pilot', ids(0, u * 0.05));
  const groups: DemoGroup[] = [
    group('Mobile Users', ids(0, u * 0.9)),
    pilot,
    // Nests Mobile Pilot: the console must ignore (and count) group members.
    group('All Mobile Staff', ids(u * 0.9, u * 0.95), { memberGroupIds: [pilot.id] }),
    // Names that differ only in case: Graph's filter matches both, exact-case matching is ours.
    group('Sales Devices', ids(u * 0.95, u * 0.975)),
    group('Sales devices', ids(u * 0.975, u)),
    // Two groups with the same display name: ambiguous, never guessed.
    group('Field Staff', ids(0, Math.min(u, 3))),
    group('Field Staff', ids(Math.min(u - 1, 3), Math.min(u, 6))),
    // A Microsoft 365 group: mail-enabled, not a security group.
    group('Mobile Team', ids(0, Math.min(u, 8)), { securityEnabled: false, mailEnabled: true, groupTypes: ['Unified'] }),
    group('MTD Console Full Access', [roleUsers[0]!.id, roleUsers[1]!.id]),
    group('MTD Console Restricted Access', [roleUsers[2]!.id]),
  ];

  const classifications = DEFAULT_THREAT_CLASSIFICATIONS;
  const devices: DemoDevice[] = [];
  const threats: DemoThreat[] = [];
  let agentOid = 0;
  for (let i = 0; i < deviceCount; i++) {
    const owner = users[Math.floor(i / 2)]!;
    const platform = pickPlatform(random);
    const device: DemoDevice = {
      id: random.guid(),
      index: i,
      userId: owner.id,
      userPrincipalName: owner.userPrincipalName,
      deviceName: `${DEVICE_NAMES[platform]}-${(i + 1).toString(36).toUpperCase().padStart(5, '0')}`,
      operatingSystem: platform,
      osVersion: random.pick(OS_VERSIONS[platform]),
      enrolledAt: start - random.int(1, 400) * DAY,
      syncPeriodMs: 8 * HOUR,
      syncOffsetMs: random.int(0, 8 * HOUR - 1),
      partnerReportedThreatState: 'unknown',
      agent: null,
    };
    if (MTD_PLATFORMS.includes(platform)) {
      const activateAt = random.chance(0.85) ? start + random.int(-5 * DAY, 3 * DAY) : null;
      const silentFrom = activateAt !== null && random.chance(0.06) ? Math.max(activateAt + HOUR, start + random.int(-15 * DAY, 10 * DAY)) : null;
      const agent: AgentSchedule = {
        guid: random.guid(),
        oid: ++agentOid,
        createdAt: start - 30 * DAY + random.int(0, 24 * DAY),
        activateAt,
        checkinPeriodMs: random.int(2, 8) * HOUR,
        silentFrom,
        silentUntil: silentFrom !== null && random.chance(0.5) ? silentFrom + random.int(8, 20) * DAY : null,
        deactivateAt: activateAt !== null && random.chance(0.01) ? Math.max(activateAt + HOUR, start + random.int(-2 * DAY, 10 * DAY)) : null,
      };
      device.agent = agent;
      if (activateAt !== null && random.chance(0.2)) {
        const count = random.int(1, 2);
        for (let k = 0; k < count; k++) {
          const pick = random.pick(classifications);
          const foundAt = Math.max(activateAt, start - 10 * DAY) + random.int(HOUR, 20 * DAY);
          threats.push({
            guid: random.guid(),
            oid: threats.length + 1,
            deviceIndex: i,
            type: pick.type,
            classification: pick.classification,
            severity: SEVERITY[pick.level],
            foundAt,
            resolvedAt: random.chance(0.5) ? foundAt + random.int(HOUR, 5 * DAY) : null,
          });
        }
      }
    }
    devices.push(device);
  }

  const tenant: DemoTenantData = {
    seed,
    tenantId,
    tenantDomain: domain,
    startTime: start,
    users: [...users, ...roleUsers],
    groups,
    devices,
    threats,
    policies: [
      { id: random.guid(), odataType: '#microsoft.graph.iosCompliancePolicy', displayName: 'iOS - MTD threat level', platforms: ['iOS', 'iPadOS'], deviceThreatProtectionEnabled: true, deviceThreatProtectionRequiredSecurityLevel: 'low' },
      { id: random.guid(), odataType: '#microsoft.graph.androidCompliancePolicy', displayName: 'Android - MTD threat level', platforms: ['Android'], deviceThreatProtectionEnabled: true, deviceThreatProtectionRequiredSecurityLevel: 'medium' },
      { id: random.guid(), odataType: '#microsoft.graph.windows10CompliancePolicy', displayName: 'Windows - baseline', platforms: ['Windows'], deviceThreatProtectionEnabled: false, deviceThreatProtectionRequiredSecurityLevel: 'notSet' },
    ],
    connector: { id: random.guid(), lastHeartbeatAt: null, partnerUnresponsivenessThresholdInDays: 7 },
    events: [],
    globalAdminRoleId: random.guid(),
  };
  tenant.events = buildEventLog(tenant, random);
  return tenant;
}

/** The MTD service's event log over all demo time, ordered, with ids 1..n in that order. */
function buildEventLog(tenant: DemoTenantData, random: SeededRandom): DemoEvent[] {
  const events: Omit<DemoEvent, 'id'>[] = [];
  for (const device of tenant.devices) {
    const agent = device.agent;
    if (!agent) continue;
    events.push({ at: agent.createdAt, type: 'DEVICE', changeType: 'CREATED', deviceIndex: device.index });
    if (agent.activateAt !== null) events.push({ at: agent.activateAt, type: 'DEVICE', changeType: 'UPDATED', deviceIndex: device.index });
    if (agent.silentUntil !== null) events.push({ at: agent.silentUntil, type: 'DEVICE', changeType: 'UPDATED', deviceIndex: device.index });
    if (agent.deactivateAt !== null) events.push({ at: agent.deactivateAt, type: 'DEVICE', changeType: 'UPDATED', deviceIndex: device.index });
  }
  tenant.threats.forEach((threat, threatIndex) => {
    events.push({ at: threat.foundAt, type: 'THREAT', changeType: 'CREATED', deviceIndex: threat.deviceIndex, threatIndex });
    if (threat.resolvedAt !== null) events.push({ at: threat.resolvedAt, type: 'THREAT', changeType: 'UPDATED', deviceIndex: threat.deviceIndex, threatIndex });
  });
  for (let day = -10; day <= 20; day += 3) {
    events.push({ at: tenant.startTime + day * DAY + random.int(0, DAY - 1), type: 'AUDIT', changeType: 'UPDATED', deviceIndex: -1, audit: { actor: `admin@${tenant.tenantDomain}`, action: 'RISK_POLICY_VIEWED' } });
  }
  // Stable sort: equal times keep build order, so ids never depend on the engine's sort.
  events.sort((a, b) => a.at - b.at);
  return events.map((event, index) => ({ ...event, id: index + 1 }));
}

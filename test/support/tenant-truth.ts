// What the demo tenant's own model says each enrolled device's state and threat
// level are at its current time: the oracle the engine's inventory is compared with.
import type { ExpectStatic } from 'vitest';
import { activationStatus, lastCheckin, threatStatusAt } from '../../electron/demo-tenant/agent-state';
import type { DemoTenant } from '../../electron/demo-tenant/demo-tenant';
import { MTD_PLATFORMS, type DemoDevice } from '../../electron/demo-tenant/tenant-model';
import type { PollOptions, PollResult } from '../../electron/engine/polling-engine';
import { DEFAULT_THREAT_CLASSIFICATIONS, type RiskLevel } from '../../shared/domain/threat-classifications';
import type { EngineHarness } from './engine-harness';

const DAY = 86_400_000;
const RANK: Record<RiskLevel, number> = { None: 0, Low: 1, Medium: 2, High: 3 };
const LEVELS = ['secured', 'low', 'medium', 'high'] as const;

export interface TruthRow {
  state: 'pending' | 'active' | 'disconnected' | 'deactivated';
  level: (typeof LEVELS)[number];
}

/** Users who are direct members of groups with exactly these names. */
export function enrolledUsers(tenant: DemoTenant, groupNames: readonly string[]): Set<string> {
  return new Set(tenant.data.groups.filter((group) => groupNames.includes(group.displayName)).flatMap((group) => group.memberUserIds));
}

export function truth(tenant: DemoTenant, groupNames: readonly string[], options: { disconnectedAfterDays?: number; levels?: Partial<Record<string, RiskLevel>>; knownDeviceIds?: ReadonlySet<string> } = {}): Map<string, TruthRow> {
  const now = tenant.clock.now();
  const days = options.disconnectedAfterDays ?? 7;
  const users = enrolledUsers(tenant, groupNames);
  const levelOf = (classification: string): RiskLevel =>
    options.levels?.[classification] ?? DEFAULT_THREAT_CLASSIFICATIONS.find((entry) => entry.classification === classification)!.level;
  const out = new Map<string, TruthRow>();
  for (const device of tenant.data.devices) {
    if (!MTD_PLATFORMS.includes(device.operatingSystem)) continue;
    const inIntune = tenant.isDeviceInIntune(device);
    const member = users.has(device.userId);
    if (!member && !options.knownDeviceIds?.has(device.id)) continue;
    if (!inIntune && !options.knownDeviceIds?.has(device.id)) continue;
    let rank = 0;
    for (const threat of tenant.threatsByDevice.get(device.index) ?? []) {
      if (threatStatusAt(threat, now) === 'OPEN') rank = Math.max(rank, RANK[levelOf(threat.classification)]);
    }
    const level = LEVELS[rank]!;
    const agent = device.agent!;
    let state: TruthRow['state'];
    const activation = agent.createdAt <= now ? activationStatus(agent, now) : null;
    if (!inIntune || !member || activation === 'DEACTIVATED') state = 'deactivated';
    else if (activation !== 'ACTIVATED') state = 'pending';
    else {
      const checkin = lastCheckin(agent, now);
      state = checkin === null || now - checkin > days * DAY ? 'disconnected' : 'active';
    }
    out.set(device.id, { state, level });
  }
  return out;
}

// ---- oracles and helpers for the engine's integration tests ----------------------------------

/** The supported devices of the enrollment groups' users that Intune still lists: what the engine should enroll now. */
export function enrolledDevices(tenant: DemoTenant, groupNames: readonly string[]): DemoDevice[] {
  const users = enrolledUsers(tenant, groupNames);
  return tenant.data.devices.filter((device) => MTD_PLATFORMS.includes(device.operatingSystem) && users.has(device.userId) && tenant.isDeviceInIntune(device));
}

/**
 * truth() that remembers every device it has ever reported: a device the engine knew
 * stays in its inventory (deactivated) after its user leaves the groups or it leaves
 * Intune. The known set comes from the tenant's history, never from the inventory.
 */
export class TruthTracker {
  readonly known = new Set<string>();

  constructor(private readonly tenant: DemoTenant) {}

  expected(groupNames: readonly string[], options: { disconnectedAfterDays?: number; levels?: Partial<Record<string, RiskLevel>> } = {}): Map<string, TruthRow> {
    const rows = truth(this.tenant, groupNames, { ...options, knownDeviceIds: this.known });
    for (const id of rows.keys()) this.known.add(id);
    return rows;
  }
}

export interface InventoryDeviceRow {
  id: string;
  platform: string | null;
  state: TruthRow['state'];
  state_reason: string | null;
  threat_level: TruthRow['level'];
  compliance: string;
  in_intune: number;
  in_group: number;
  reported_state: string | null;
}

/** The inventory's supported devices, state and threat level, in truth()'s shape. */
export function inventoryStates(db: { prepare(sql: string): { all(): unknown[] } }): Map<string, TruthRow> {
  const rows = db.prepare('SELECT id, state, threat_level AS level FROM devices WHERE supported = 1').all() as { id: string; state: TruthRow['state']; level: TruthRow['level'] }[];
  return new Map(rows.map((row) => [row.id, { state: row.state, level: row.level }]));
}

/** Every device row of the inventory, supported or not. */
export function inventoryDevices(db: { prepare(sql: string): { all(): unknown[] } }): Map<string, InventoryDeviceRow & { supported: number }> {
  const rows = db.prepare('SELECT id, platform, supported, state, state_reason, threat_level, compliance, in_intune, in_group, reported_state FROM devices').all() as (InventoryDeviceRow & { supported: number })[];
  return new Map(rows.map((row) => [row.id, row]));
}

/** Each device's state history, oldest first. */
export function stateHistory(db: { prepare(sql: string): { all(): unknown[] } }): Map<string, { at: number; state: string; reason: string | null }[]> {
  const rows = db.prepare('SELECT device_id, at, state, reason FROM state_history ORDER BY rowid').all() as { device_id: string; at: number; state: string; reason: string | null }[];
  const out = new Map<string, { at: number; state: string; reason: string | null }[]>();
  for (const row of rows) {
    const list = out.get(row.device_id) ?? [];
    list.push({ at: row.at, state: row.state, reason: row.reason });
    out.set(row.device_id, list);
  }
  return out;
}

/** The Intune compliance policy's allowed device threat level for the device's platform, straight from the tenant's policies (null: not configured). */
export function allowedLevelOf(tenant: DemoTenant, device: DemoDevice): TruthRow['level'] | null {
  const levels: Record<string, TruthRow['level']> = { secured: 'secured', low: 'low', medium: 'medium', high: 'high' };
  let allowed: TruthRow['level'] | null = null;
  for (const policy of tenant.data.policies) {
    if (!policy.platforms.includes(device.operatingSystem) || !policy.deviceThreatProtectionEnabled) continue;
    const level = levels[policy.deviceThreatProtectionRequiredSecurityLevel];
    if (level !== undefined && (allowed === null || LEVELS.indexOf(level) < LEVELS.indexOf(allowed))) allowed = level;
  }
  return allowed;
}

/** PRODUCT.md section 4: disconnected is non-compliant, pending has no partner data, active above the allowed level is non-compliant. Undefined for deactivated (the spec says nothing). */
export function expectedCompliance(tenant: DemoTenant, device: DemoDevice, row: TruthRow): 'compliant' | 'noncompliant' | 'noPartnerData' | undefined {
  if (row.state === 'deactivated') return undefined;
  if (row.state === 'pending') return 'noPartnerData';
  if (row.state === 'disconnected') return 'noncompliant';
  const allowed = allowedLevelOf(tenant, device);
  if (allowed === null) return 'compliant';
  return LEVELS.indexOf(row.level) > LEVELS.indexOf(allowed) ? 'noncompliant' : 'compliant';
}

/** PRODUCT.md section 5's partnerReportedThreatState for a state and level (both switches on). */
export function expectedPartnerState(row: TruthRow): string {
  switch (row.state) {
    case 'pending':
      return 'unknown';
    case 'disconnected':
      return 'unresponsive';
    case 'deactivated':
      return 'deactivated';
    case 'active':
      return ({ secured: 'secured', low: 'lowSeverity', medium: 'mediumSeverity', high: 'highSeverity' } as const)[row.level];
  }
}

/** A small seeded generator for tests that walk the tenant through random changes. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// ---- polling through faults ------------------------------------------------------------------

const MINUTE_MS = 60_000;

function syncErrorCount(harness: EngineHarness): number {
  return (harness.inventory.db.prepare('SELECT COUNT(*) AS n FROM sync_errors').get() as { n: number }).n;
}

/**
 * Polls until a poll has no error, at most `tries` times: every poll must complete
 * (never reject, never abort), and each failed step must be in sync_errors. Takes the
 * test's expect, so this module loads outside a test runner too.
 */
export async function pollThrough(expect: ExpectStatic, harness: EngineHarness, options: PollOptions = {}, tries = 3): Promise<PollResult[]> {
  const results: PollResult[] = [];
  for (let i = 0; i < tries; i++) {
    const before = syncErrorCount(harness);
    const result = await harness.engine.pollNow(options);
    results.push(result);
    expect(result.outcome).not.toBe('aborted');
    expect(syncErrorCount(harness) - before).toBeGreaterThanOrEqual(result.errors.length);
    if (result.errors.length === 0) return results;
    expect(result.outcome).toBe('partial');
  }
  return expect.fail(`${tries} polls in a row had errors: ${JSON.stringify(results.map((result) => result.errors))}`);
}

/**
 * A tenant's life under whatever faults are set: first enrollment, users leaving and
 * joining (an incremental round with $batch), days passing (a full discovery), a
 * device leaving Intune, then the faults stop. After each step's error-free poll the
 * inventory must be the truth: the same devices (none lost, none extra, none twice)
 * in the same states and levels. `tries`: polls allowed per step before one must be
 * error-free (faults that are not retried, e.g. malformed JSON, fail a step outright).
 */
export async function faultScenario(expect: ExpectStatic, harness: EngineHarness, options: { groupNames?: readonly string[]; tries?: number } = {}): Promise<PollResult[]> {
  const groupNames = options.groupNames ?? ['Mobile Users'];
  const tries = options.tries ?? 3;
  const { tenant } = harness;
  const tracker = new TruthTracker(tenant);
  const group = tenant.data.groups.find((entry) => entry.displayName === groupNames[0])!.id;
  const everSeen = new Set<string>();
  const polls: PollResult[] = [];
  const check = (label: string): void => {
    const expected = tracker.expected(groupNames);
    const actual = inventoryStates(harness.inventory.db);
    for (const id of everSeen) expect(actual.has(id), `${label}: device ${id} is still in the inventory`).toBe(true);
    for (const id of actual.keys()) everSeen.add(id);
    expect([...actual.keys()].sort(), `${label}: the same devices`).toEqual([...expected.keys()].sort());
    expect(actual, `${label}: the same states and levels`).toEqual(expected);
  };

  polls.push(...(await pollThrough(expect, harness, {}, tries)));
  check('first enrollment');

  const members = tenant.groupsById.get(group)!.memberUserIds;
  for (const userId of members.slice(3, 6)) tenant.removeGroupMember(group, userId);
  const inGroups = enrolledUsers(tenant, groupNames);
  const joiners = tenant.data.users.filter((user) => !inGroups.has(user.id) && (tenant.devicesByUser.get(user.id)?.length ?? 0) > 0).slice(0, 12);
  for (const user of joiners) tenant.addGroupMember(group, user.id);
  tenant.clock.advance(10 * MINUTE_MS);
  polls.push(...(await pollThrough(expect, harness, {}, tries)));
  check('after users left and joined');

  tenant.clock.advance(2 * DAY);
  polls.push(...(await pollThrough(expect, harness, {}, tries)));
  check('two days later');

  const leaving = [...tracker.known].find((id) => tenant.isDeviceInIntune(tenant.devicesById.get(id)!))!;
  tenant.removeDevice(leaving);
  tenant.clock.advance(10 * MINUTE_MS);
  polls.push(...(await pollThrough(expect, harness, { full: true }, tries)));
  check('after a device left Intune');

  tenant.addGroupMember(group, members[3]!);
  tenant.clock.advance(3 * DAY);
  polls.push(...(await pollThrough(expect, harness, {}, tries)));
  check('three days later');

  tenant.faults.clear();
  tenant.clock.advance(MINUTE_MS);
  polls.push(...(await pollThrough(expect, harness, {}, 1)));
  check('after the faults stopped');
  return polls;
}

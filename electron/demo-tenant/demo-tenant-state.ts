// The demo tenant's state (directory, devices, threats, consent, clock, faults)
// and its rules, without the routes: the route handlers work on this, and
// DemoTenant (demo-tenant.ts) puts them behind one fetch handler.
import crypto from 'node:crypto';
import type { TenantCredentials } from '../../shared/ipc/tenant-endpoints';
import { threatsByDevice } from './agent-state';
import { AppCertificates } from './app-certificates';
import { buildDemoTenant, type BuildOptions } from './build-tenant';
import { DemoClock } from './demo-clock';
import { FaultInjector, type FaultRule } from './faults';
import { IdentityGrants } from './identity-grants';
import type { DemoConsent, DemoDevice, DemoGroup, DemoTenantData, DemoThreat, DemoUser } from './tenant-model';
import { TokenIssuer } from './token-issuer';

export interface DemoTenantOptions extends BuildOptions {
  /** Demo time runs this many times faster than real time (0: frozen until advanced). */
  speed?: number;
  /** The tenant's clock is the wall clock (a stand-in for a customer's tenant, which lives in real time); speed is then 1. */
  realTime?: boolean;
  faults?: FaultRule[];
  /** Whether an administrator has consented to the console's app for the tenant (default true; false: a brand-new tenant). */
  consent?: boolean;
}

/** Where the console finds the tenant's services: the JSON of MTD_CONSOLE_ENDPOINTS. */
export interface DemoTenantEndpoints {
  authorityHost: string;
  graphBaseUrl: string;
  lookoutBaseUrl: string;
}

/** The credentials an app needs to talk to this tenant; what `npm run demo-tenant` prints. */
export interface DemoTenantCredentials extends TenantCredentials {
  mraTokenUrl: string;
  partnerBaseUrl: string;
  /** The identity platform's origin: /{tenant}/oauth2/v2.0/authorize, token, adminconsent... hang below it. */
  authorityHost: string;
  endpoints: DemoTenantEndpoints;
}

/** One change of group membership, for /groups/delta. */
export interface MembershipChange {
  version: number;
  groupId: string;
  memberId: string;
  memberType: 'user' | 'group';
  removed: boolean;
}

// In-process calls never reach the network; the origin is nominal, and loopback so the clients' https-or-loopback rule accepts it.
export const DEMO_ORIGIN = 'http://localhost';
export const DEMO_USER_PASSWORD = 'demo';
export const DEMO_TENANT_DISPLAY_NAME = 'Contoso (demo tenant)';

export class DemoTenantState {
  readonly data: DemoTenantData;
  readonly clock: DemoClock;
  readonly tokens = new TokenIssuer();
  /** Authorization codes and refresh tokens of the identity endpoints. */
  readonly identity = new IdentityGrants();
  readonly displayName = DEMO_TENANT_DISPLAY_NAME;
  private consentState: DemoConsent;
  readonly faults: FaultInjector;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The certificates uploaded to the app registration, for client assertions (none at first). */
  readonly appCertificates = new AppCertificates();
  readonly mraAppKey: string;
  private mraAppKeyRevoked = false;
  readonly usersById = new Map<string, DemoUser>();
  readonly groupsById = new Map<string, DemoGroup>();
  readonly devicesById = new Map<string, DemoDevice>();
  readonly devicesByUser = new Map<string, DemoDevice[]>();
  readonly threatsByDevice: Map<number, DemoThreat[]>;
  /** Devices removed from Intune (they leave every listing). */
  readonly removedDevices = new Set<string>();
  readonly membershipLog: MembershipChange[] = [];
  membershipVersion = 0;
  /** When on, every request's real arrival time, path and status, for tests that check client timing. */
  recordRequests = false;
  readonly requestLog: { at: number; method: string; path: string; status: number | 'reset' }[] = [];
  private readonly mraRequests: number[] = [];

  constructor(options: DemoTenantOptions = {}) {
    // On real time the tenant's story starts two days ago (at a UTC midnight, so two builds of one seed agree).
    this.data = buildDemoTenant(options.realTime && options.startTime === undefined ? { ...options, startTime: Math.floor(Date.now() / 86_400_000) * 86_400_000 - 2 * 86_400_000 } : options);
    this.clock = options.realTime ? new DemoClock(Date.now(), 1) : new DemoClock(this.data.startTime, options.speed ?? 1);
    this.faults = new FaultInjector(`${this.data.seed}/faults`);
    if (options.faults) this.faults.set(options.faults);
    // Derived from the seed so a served tenant keeps its credentials across restarts.
    const secret = (label: string): string => crypto.createHash('sha256').update(`${this.data.seed}/${label}`).digest('base64url');
    this.clientId = crypto.createHash('sha256').update(`${this.data.seed}/client-id`).digest('hex').replace(/^(.{8})(.{4})(.{3})(.{3})(.{12}).*$/, '$1-$2-4$3-8$4-$5');
    this.clientSecret = secret('client-secret');
    this.mraAppKey = secret('mra-app-key');
    for (const user of this.data.users) this.usersById.set(user.id, user);
    for (const group of this.data.groups) this.groupsById.set(group.id, group);
    for (const device of this.data.devices) {
      this.devicesById.set(device.id, device);
      const list = this.devicesByUser.get(device.userId) ?? [];
      list.push(device);
      this.devicesByUser.set(device.userId, list);
    }
    this.threatsByDevice = threatsByDevice(this.data);
    this.consentState = options.consent === false ? { granted: false } : { granted: true, grantedBy: this.signInUsers().find((u) => u.role === 'globalAdmin')?.userPrincipalName ?? 'admin', grantedAt: new Date(this.data.startTime).toISOString() };
  }

  credentials(origin: string = DEMO_ORIGIN): DemoTenantCredentials {
    return {
      tenantId: this.data.tenantId,
      graphBaseUrl: `${origin}/graph/v1.0`,
      tokenUrl: `${origin}/login/${this.data.tenantId}/oauth2/v2.0/token`,
      clientId: this.clientId,
      clientSecret: this.clientSecret,
      mraBaseUrl: `${origin}/lookout`,
      mraTokenUrl: `${origin}/lookout/oauth2/token`,
      mraAppKey: this.mraAppKey,
      partnerBaseUrl: `${origin}/partner/v1`,
      authorityHost: origin,
      endpoints: { authorityHost: origin, graphBaseUrl: `${origin}/graph/v1.0`, lookoutBaseUrl: `${origin}/lookout` },
    };
  }

  /** Whether the Mobile Risk API takes this application key: the tenant's own, until it is revoked. */
  mraAppKeyAccepted(key: string | undefined): boolean {
    return !this.mraAppKeyRevoked && key === this.mraAppKey;
  }

  /** Revokes the application key in the Lookout console: token requests with it are refused from now on. */
  revokeMraAppKey(): void {
    this.mraAppKeyRevoked = true;
  }

  /** Mobile Risk API: 100 requests per minute per tenant, counted on real time. */
  mraRequestAllowed(now = Date.now()): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    while (this.mraRequests.length > 0 && this.mraRequests[0]! <= now - 60_000) this.mraRequests.shift();
    if (this.mraRequests.length >= 100) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((this.mraRequests[0]! + 60_000 - now) / 1000)) };
    }
    this.mraRequests.push(now);
    return { allowed: true };
  }

  isDeviceInIntune(device: DemoDevice): boolean {
    return !this.removedDevices.has(device.id);
  }

  /** The tenant-wide admin consent for the console's app (a copy: change it with grantConsent and revokeConsent). */
  get consent(): DemoConsent {
    return { ...this.consentState };
  }

  /** The four users the demo signs in with (the global admin, full, restricted, outsider). */
  signInUsers(): DemoUser[] {
    return this.data.users.filter((user) => user.role !== undefined);
  }

  /** A sign-in user by user principal name (any case); undefined for anyone else. */
  signInUser(userPrincipalName: string): DemoUser | undefined {
    const wanted = userPrincipalName.toLowerCase();
    return this.signInUsers().find((user) => user.userPrincipalName.toLowerCase() === wanted);
  }

  // ---- changes a test or the demo UI can make -------------------------------------------------

  /** An administrator consents to the console's app for the whole tenant. */
  grantConsent(by: string): void {
    this.consentState = { granted: true, grantedBy: by, grantedAt: new Date().toISOString() };
  }

  /** Takes the consent back; tokens issued under it lose its permissions at once. */
  revokeConsent(): void {
    this.consentState = { granted: false };
  }

  /** Gives or takes a user's Intune role assignment. */
  setIntuneRole(userPrincipalName: string, enabled: boolean): void {
    const wanted = userPrincipalName.toLowerCase();
    const user = this.data.users.find((u) => u.userPrincipalName.toLowerCase() === wanted);
    if (!user) throw new RangeError(`No user ${userPrincipalName.slice(0, 100)}.`);
    user.intuneRole = enabled;
  }

  addGroupMember(groupId: string, memberId: string): void {
    const group = this.requireGroup(groupId);
    const isGroup = this.groupsById.has(memberId);
    const list = isGroup ? group.memberGroupIds : group.memberUserIds;
    if (!isGroup && !this.usersById.has(memberId)) throw new RangeError(`No user or group ${memberId}.`);
    if (list.includes(memberId)) return;
    list.push(memberId);
    this.membershipLog.push({ version: ++this.membershipVersion, groupId, memberId, memberType: isGroup ? 'group' : 'user', removed: false });
  }

  removeGroupMember(groupId: string, memberId: string): void {
    const group = this.requireGroup(groupId);
    const isGroup = group.memberGroupIds.includes(memberId);
    const list = isGroup ? group.memberGroupIds : group.memberUserIds;
    const at = list.indexOf(memberId);
    if (at < 0) return;
    list.splice(at, 1);
    this.membershipLog.push({ version: ++this.membershipVersion, groupId, memberId, memberType: isGroup ? 'group' : 'user', removed: true });
  }

  /** The device leaves Intune (retired or deleted). */
  removeDevice(deviceId: string): void {
    if (!this.devicesById.has(deviceId)) throw new RangeError(`No device ${deviceId}.`);
    this.removedDevices.add(deviceId);
  }

  private requireGroup(groupId: string): DemoGroup {
    const group = this.groupsById.get(groupId);
    if (!group) throw new RangeError(`No group ${groupId}.`);
    return group;
  }
}

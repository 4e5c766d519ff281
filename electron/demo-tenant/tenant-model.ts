import type { PartnerReportedThreatState } from '../../shared/domain/partner-state';
import type { ThreatType } from '../../shared/domain/threat-classifications';

export type DevicePlatform = 'iOS' | 'iPadOS' | 'Android' | 'Windows' | 'macOS';
/** Platforms the MTD service protects; others are listed as unsupported and never enrolled. */
export const MTD_PLATFORMS: readonly DevicePlatform[] = ['iOS', 'iPadOS', 'Android'];

export type DemoRole = 'globalAdmin' | 'full' | 'restricted' | 'outsider';

export interface DemoUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  /** Set on the four sign-in demo users. */
  role?: DemoRole;
  /** Holds an Intune role assignment: without one, delegated Intune calls are refused whatever the token's scopes. */
  intuneRole?: boolean;
}

/** The tenant-wide admin consent for the console's app registration. */
export interface DemoConsent {
  granted: boolean;
  /** The administrator's user principal name. */
  grantedBy?: string;
  /** ISO 8601, real time. */
  grantedAt?: string;
}

export interface DemoGroup {
  id: string;
  displayName: string;
  description: string;
  securityEnabled: boolean;
  mailEnabled: boolean;
  groupTypes: string[];
  memberUserIds: string[];
  memberGroupIds: string[];
}

/** When the device's MTD app activates, checks in, goes silent and is deactivated (times in ms). */
export interface AgentSchedule {
  guid: string;
  oid: number;
  createdAt: number;
  activateAt: number | null;
  checkinPeriodMs: number;
  silentFrom: number | null;
  silentUntil: number | null;
  deactivateAt: number | null;
}

export interface DemoDevice {
  id: string;
  index: number;
  userId: string;
  userPrincipalName: string;
  deviceName: string;
  operatingSystem: DevicePlatform;
  osVersion: string;
  enrolledAt: number;
  /** Intune syncs the device every syncPeriodMs, shifted by syncOffsetMs. */
  syncPeriodMs: number;
  syncOffsetMs: number;
  /** Set by the partner sync endpoint (what the console reported). */
  partnerReportedThreatState: PartnerReportedThreatState;
  agent: AgentSchedule | null;
}

export type Severity = 'LOW' | 'MEDIUM' | 'HIGH';

export interface DemoThreat {
  guid: string;
  oid: number;
  deviceIndex: number;
  type: ThreatType;
  classification: string;
  severity: Severity;
  foundAt: number;
  resolvedAt: number | null;
}

export type RequiredSecurityLevel = 'unavailable' | 'secured' | 'low' | 'medium' | 'high' | 'notSet';

export interface DemoCompliancePolicy {
  id: string;
  odataType: string;
  displayName: string;
  platforms: DevicePlatform[];
  deviceThreatProtectionEnabled: boolean;
  deviceThreatProtectionRequiredSecurityLevel: RequiredSecurityLevel;
}

export interface DemoConnector {
  id: string;
  lastHeartbeatAt: number | null;
  partnerUnresponsivenessThresholdInDays: number;
}

export type MtdEventType = 'DEVICE' | 'THREAT' | 'AUDIT';

/** One entry of the MTD service's event log; its JSON is rendered from the device or threat at that time. */
export interface DemoEvent {
  id: number;
  at: number;
  type: MtdEventType;
  changeType: 'CREATED' | 'UPDATED' | 'DELETED';
  deviceIndex: number;
  threatIndex?: number;
  /** AUDIT events only. */
  audit?: { actor: string; action: string };
}

export interface DemoTenantData {
  seed: string;
  tenantId: string;
  tenantDomain: string;
  startTime: number;
  users: DemoUser[];
  groups: DemoGroup[];
  devices: DemoDevice[];
  threats: DemoThreat[];
  policies: DemoCompliancePolicy[];
  connector: DemoConnector;
  events: DemoEvent[];
  /** Object id of the Global Administrator directory role the global admin holds. */
  globalAdminRoleId: string;
}

// The Microsoft Graph v1.0 resources the console reads and writes, with the
// fields it uses (resource docs: intune-devices-manageddevice,
// intune-onboarding-mobilethreatdefenseconnector, group, user).

export type ComplianceState = 'unknown' | 'compliant' | 'noncompliant' | 'conflict' | 'error' | 'inGracePeriod' | 'configManager';

/** What the MTD partner reported for a device; the console writes it on state sync. */
export type { PartnerReportedThreatState as ManagedDevicePartnerReportedHealthState } from '../../shared/domain/partner-state';
import type { PartnerReportedThreatState as ManagedDevicePartnerReportedHealthState } from '../../shared/domain/partner-state';

export interface ManagedDevice {
  id: string;
  userId: string | null;
  userPrincipalName: string | null;
  deviceName: string | null;
  /** 'iOS', 'iPadOS', 'Android', 'Windows', ... as Intune spells it. */
  operatingSystem: string | null;
  osVersion: string | null;
  lastSyncDateTime: string;
  complianceState: ComplianceState;
  partnerReportedThreatState: ManagedDevicePartnerReportedHealthState;
}

export interface Group {
  id: string;
  displayName: string;
  securityEnabled: boolean;
  mailEnabled: boolean;
  /** 'Unified' for Microsoft 365 groups, 'DynamicMembership' for dynamic ones. */
  groupTypes: string[];
}

export interface User {
  id: string;
  displayName: string | null;
  userPrincipalName: string;
  mail: string | null;
}

export const USER_TYPE = '#microsoft.graph.user';
export const GROUP_TYPE = '#microsoft.graph.group';

/** A group member: a user, a nested group, a device, a service principal... told apart by @odata.type. */
export interface DirectoryObject {
  '@odata.type': string;
  id: string;
  displayName?: string | null;
  userPrincipalName?: string;
}

export type MobileThreatPartnerTenantState = 'unavailable' | 'available' | 'enabled' | 'unresponsive' | 'unknownFutureValue';

export interface MobileThreatDefenseConnector {
  id: string;
  lastHeartbeatDateTime: string;
  partnerState: MobileThreatPartnerTenantState;
  partnerUnresponsivenessThresholdInDays: number;
}

/** One page of a collection, as Graph sends it. */
export interface GraphCollectionBody<T> {
  value: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

/** One page of a listing: its items, and where the next page or the next delta round starts. */
export interface GraphPage<T> {
  items: T[];
  nextLink?: string;
  deltaLink?: string;
}

/** A delta item may be a removal marker instead of a change. */
export type GraphDeltaItem<T> = T & { '@removed'?: { reason: 'changed' | 'deleted' } };

export interface GraphDeltaResult<T> {
  items: GraphDeltaItem<T>[];
  /** Where the next round starts. */
  deltaLink: string;
  /** The saved delta link was refused (410 Gone or a resync error), so items are a full snapshot. */
  resynced: boolean;
}

export type GraphMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface GraphBatchRequest {
  /** Unique within one batch() call; answers come back matched to it. */
  id: string;
  method: GraphMethod;
  /** Relative to the version, e.g. '/users/{id}/managedDevices'. */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface GraphBatchResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** Graph's JSON error format. */
export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError?: { 'request-id'?: string; 'client-request-id'?: string; date?: string };
  };
}

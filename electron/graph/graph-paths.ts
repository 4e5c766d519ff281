import { type ManagedDevice } from './graph-types';

/** Directory listings take at most 999 per page. */
export const DIRECTORY_PAGE_SIZE = 999;

/** Intune pages managedDevices by at most 1000. */
export const MANAGED_DEVICE_PAGE_SIZE = 1000;

/** The managedDevice fields the console reads. */
export const MANAGED_DEVICE_FIELDS = [
  'id',
  'userId',
  'userPrincipalName',
  'deviceName',
  'operatingSystem',
  'osVersion',
  'lastSyncDateTime',
  'complianceState',
  'partnerReportedThreatState',
] as const satisfies readonly (keyof ManagedDevice)[];
export type ManagedDeviceListing = Pick<ManagedDevice, (typeof MANAGED_DEVICE_FIELDS)[number]>;

const MANAGED_DEVICE_SELECT = MANAGED_DEVICE_FIELDS.join(',');
const GROUPS_DELTA_SELECT = 'displayName,members';

/** A string literal inside an OData $filter: single quotes doubled. */
export function odataString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function query(parameters: Record<string, string>): string {
  return Object.entries(parameters)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&');
}

/** Every Graph path the console calls, relative to the version. */
export const graphPaths = {
  /** Matches regardless of case (Graph's rule); exact-case matching is the caller's. */
  groupsByDisplayName: (displayName: string): string =>
    `/groups?${query({ $filter: `displayName eq ${odataString(displayName)}`, $select: 'id,displayName,securityEnabled,mailEnabled,groupTypes', $top: String(DIRECTORY_PAGE_SIZE) })}`,
  /** Direct members: users, and nested groups as #microsoft.graph.group. */
  groupMembers: (groupId: string): string =>
    `/groups/${encodeURIComponent(groupId)}/members?${query({ $select: 'id,displayName,userPrincipalName', $top: String(DIRECTORY_PAGE_SIZE) })}`,
  /** Security groups whose name starts with the prefix (Graph compares without regard to case). */
  securityGroupsByPrefix: (prefix: string, top: number): string =>
    `/groups?${query({ $filter: `startswith(displayName,${odataString(prefix)}) and securityEnabled eq true`, $select: 'id,displayName', $top: String(top) })}`,
  group: (groupId: string): string => `/groups/${encodeURIComponent(groupId)}?${query({ $select: 'id,displayName,securityEnabled' })}`,
  /** One member and the count of all; Graph counts directory objects only with ConsistencyLevel: eventual. */
  groupMemberCount: (groupId: string): string => `/groups/${encodeURIComponent(groupId)}/members?${query({ $count: 'true', $select: 'id', $top: '1' })}`,
  /** The groups (and directory roles) a user is a direct member of. */
  userMemberOf: (userId: string): string => `/users/${encodeURIComponent(userId)}/memberOf`,
  user: (userId: string, select: readonly string[]): string => `/users/${encodeURIComponent(userId)}?${query({ $select: select.join(',') })}`,
  userManagedDevices: (userId: string): string => `/users/${encodeURIComponent(userId)}/managedDevices?${query({ $select: MANAGED_DEVICE_SELECT })}`,
  /** Every managed device of the tenant, or those Intune synced since a time (ms), in pages of 1000. */
  managedDevices: (syncedSince?: number): string =>
    `/deviceManagement/managedDevices?${query({
      $select: MANAGED_DEVICE_SELECT,
      ...(syncedSince === undefined ? {} : { $filter: `lastSyncDateTime ge ${new Date(syncedSince).toISOString()}` }),
      $top: String(MANAGED_DEVICE_PAGE_SIZE),
    })}`,
  managedDevice: (deviceId: string): string => `/deviceManagement/managedDevices/${encodeURIComponent(deviceId)}`,
  /** Just enough of every managed device to count a group set's devices by platform. */
  managedDevicePlatforms: (): string => `/deviceManagement/managedDevices?${query({ $select: 'id,userId,operatingSystem', $top: String(MANAGED_DEVICE_PAGE_SIZE) })}`,
  managedDeviceListing: (deviceId: string): string => `/deviceManagement/managedDevices/${encodeURIComponent(deviceId)}?${query({ $select: MANAGED_DEVICE_SELECT })}`,
  deviceCompliancePolicies: (): string => '/deviceManagement/deviceCompliancePolicies',
  mobileThreatDefenseConnectors: (): string => '/deviceManagement/mobileThreatDefenseConnectors',
  mobileThreatDefenseConnector: (connectorId: string): string => `/deviceManagement/mobileThreatDefenseConnectors/${encodeURIComponent(connectorId)}`,
  /** The cheapest call each permission opens, for Test connection. */
  permissionProbes: {
    me: (): string => `/me?${query({ $select: 'id' })}`,
    groups: (): string => `/groups?${query({ $top: '1', $select: 'id' })}`,
    users: (): string => `/users?${query({ $top: '1', $select: 'id' })}`,
    managedDevices: (): string => `/deviceManagement/managedDevices?${query({ $top: '1', $select: 'id' })}`,
    compliancePolicies: (): string => `/deviceManagement/deviceCompliancePolicies?${query({ $top: '1' })}`,
    managedAppRegistrations: (): string => `/deviceAppManagement/managedAppRegistrations?${query({ $top: '1' })}`,
  },
  /** Membership changes of every group; a round starts from a delta link. */
  groupsDelta: (): string => `/groups/delta?${query({ $select: GROUPS_DELTA_SELECT })}`,
  /** A delta link that starts from now: the changes after it, none before. */
  groupsDeltaFromNow: (): string => `/groups/delta?${query({ $select: GROUPS_DELTA_SELECT, $deltatoken: 'latest' })}`,
  usersDelta: (): string => `/users/delta?${query({ $select: 'id,displayName,userPrincipalName,mail' })}`,
};

import { type ManagedDevice } from './graph-types';

/** Directory listings take at most 999 per page. */
export const DIRECTORY_PAGE_SIZE = 999;

const MANAGED_DEVICE_FIELDS: readonly (keyof ManagedDevice)[] = [
  'id',
  'userId',
  'userPrincipalName',
  'deviceName',
  'operatingSystem',
  'osVersion',
  'lastSyncDateTime',
  'complianceState',
  'partnerReportedThreatState',
];

/** A string literal inside an OData $filter: single quotes doubled. */
export function odataString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function query(parameters: Record<string, string>): string {
  return Object.entries(parameters)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&');
}

/** The Graph paths the engine lists, relative to the version. */
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
  userManagedDevices: (userId: string): string => `/users/${encodeURIComponent(userId)}/managedDevices?${query({ $select: MANAGED_DEVICE_FIELDS.join(',') })}`,
  /** Intune pages managedDevices by 1000 itself. */
  managedDevices: (): string => `/deviceManagement/managedDevices?${query({ $select: MANAGED_DEVICE_FIELDS.join(',') })}`,
  managedDevice: (deviceId: string): string => `/deviceManagement/managedDevices/${encodeURIComponent(deviceId)}`,
  mobileThreatDefenseConnectors: (): string => '/deviceManagement/mobileThreatDefenseConnectors',
  mobileThreatDefenseConnector: (connectorId: string): string => `/deviceManagement/mobileThreatDefenseConnectors/${encodeURIComponent(connectorId)}`,
  usersDelta: (): string => `/users/delta?${query({ $select: 'id,displayName,userPrincipalName,mail' })}`,
};

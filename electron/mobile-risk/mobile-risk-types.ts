// Lookout Mobile Risk API v2: what the console reads (doc.lookout.com, and the
// event samples in the Cortex XSOAR Lookout pack). Field names are the API's.

export type MobileRiskPlatform = 'ANDROID' | 'IOS';
// Lookout's v1 documentation spells SECURE / THREAT_* / UNINSTALLED, the demo
// tenant SECURED / THREATS_* / UNPROTECTED: both are accepted until a real v2
// answer settles it.
export type ActivationStatus = 'ACTIVATED' | 'DEACTIVATED' | 'PENDING' | 'DELETED';
/** Present only while the device is activated and protected. */
export type SecurityStatus = 'SECURE' | 'SECURED' | 'THREAT_LOW' | 'THREATS_LOW' | 'THREAT_MEDIUM' | 'THREATS_MEDIUM' | 'THREAT_HIGH' | 'THREATS_HIGH';
export type ProtectionStatus = 'PROTECTED' | 'DISCONNECTED' | 'UNINSTALLED' | 'UNPROTECTED';
export type ThreatSeverity = 'LOW' | 'MEDIUM' | 'HIGH';
export type ThreatStatus = 'OPEN' | 'DETECTED' | 'RESOLVED' | 'IGNORED';
export type ChangeType = 'CREATED' | 'UPDATED' | 'DELETED';
export type MobileRiskEventType = 'DEVICE' | 'THREAT' | 'AUDIT';

export const ALL_EVENT_TYPES: readonly MobileRiskEventType[] = ['DEVICE', 'THREAT', 'AUDIT'];

export interface DeviceStatus {
  activation_status?: ActivationStatus;
  security_status?: SecurityStatus;
  protection_status?: ProtectionStatus;
}

export interface EventDevice {
  guid: string;
  platform: MobileRiskPlatform;
  status?: DeviceStatus;
  /** The device's id in the MDM (Intune's managedDevice id). */
  mdm_external_id?: string;
  checkin_time?: string | null;
}

export interface EventThreat {
  guid: string;
  status: ThreatStatus;
  severity: ThreatSeverity;
  /** 'APPLICATION', 'NETWORK', 'OS', 'CONFIGURATION', ... */
  type: string;
  /** Threat classifications, e.g. 'MALWARE', 'ROOT_JAILBREAK'. */
  classifications: string[];
  detected_at?: string;
  closed_at?: string | null;
}

export interface EventAudit {
  type: string;
  attribute_changes?: { name: string; from?: string; to?: string }[];
}

export interface MobileRiskEvent {
  id: string;
  created_time: string;
  type: MobileRiskEventType;
  change_type: ChangeType;
  enterprise_guid?: string;
  device?: EventDevice;
  threat?: EventThreat;
  audit?: EventAudit;
}

/** One SSE message's events, and the stream position to resume after them. */
export interface MobileRiskEventBatch {
  events: MobileRiskEvent[];
  /** The SSE id in force after this message: save it once the events are handled. */
  lastEventId: string | undefined;
}

/** A device as GET /mra/api/v2/devices lists it (the fields the console uses). */
export interface MobileRiskDevice {
  guid: string;
  /** Ascending object id: the listing's cursor. */
  oid?: number | string;
  platform: MobileRiskPlatform;
  email?: string;
  /** The device's id in the MDM (Intune's managedDevice id). */
  mdm_external_id?: string;
  os_version?: string;
  created_time?: string;
  activated_time?: string | null;
  checkin_time?: string | null;
  status?: DeviceStatus;
}

/** A threat as GET /mra/api/v2/threats lists it. */
export interface MobileRiskThreat {
  guid: string;
  oid?: number | string;
  device_guid: string | null;
  status: ThreatStatus;
  severity: ThreatSeverity;
  type: string;
  classifications: string[];
  detected_at?: string;
  closed_at?: string | null;
}

export interface MobileRiskListQuery {
  /** Most items in one page. */
  limit?: number;
  /** Items after this object id (the last oid of the previous page). */
  oid?: number | string;
}

export interface MobileRiskDevicePage {
  count?: number;
  devices: MobileRiskDevice[];
}

export interface MobileRiskThreatPage {
  count?: number;
  threats: MobileRiskThreat[];
}

/** POST /oauth2/token answers this; Lookout also sends expires_at (ms since the epoch). */
export interface MobileRiskTokenResponse {
  access_token: string;
  token_type: string;
  expires_in?: number;
  expires_at?: number;
}

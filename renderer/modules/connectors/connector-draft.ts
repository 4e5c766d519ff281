import { DEFAULT_CONNECTOR_SETTINGS } from '../../../shared/config/configuration-schema';
import type { IntuneConnectorSettings } from '../../../shared/config/configuration-schema';
import { numberFrom } from '../../forms/errors';

/** The connector form as typed: numbers stay text until saved, so a bad value can be shown as the admin typed it. */
export interface ConnectorDraft {
  heartbeatMinutes: string;
  enrollmentGroups: string[];
  newDeviceCheckMinutes: string;
  deviceStatus: boolean;
  threatStatus: boolean;
  errorReportRecipients: string[];
}

export const CONNECTOR_TABS = ['connection', 'enrollment', 'stateSync', 'errors'] as const;
export type ConnectorTab = (typeof CONNECTOR_TABS)[number];

export function draftOf(connector: IntuneConnectorSettings | null): ConnectorDraft {
  const settings = connector ?? { ...DEFAULT_CONNECTOR_SETTINGS, enrollmentGroups: [], errorReportRecipients: [] };
  return {
    heartbeatMinutes: String(settings.heartbeatMinutes),
    enrollmentGroups: [...settings.enrollmentGroups],
    newDeviceCheckMinutes: String(settings.newDeviceCheckMinutes),
    deviceStatus: settings.stateSync.deviceStatus,
    threatStatus: settings.stateSync.threatStatus,
    errorReportRecipients: [...settings.errorReportRecipients],
  };
}

/** The whole connector as connector.save takes it; the schema decides whether it is valid. */
export function requestOf(draft: ConnectorDraft): unknown {
  return {
    heartbeatMinutes: numberFrom(draft.heartbeatMinutes),
    enrollmentGroups: draft.enrollmentGroups,
    newDeviceCheckMinutes: numberFrom(draft.newDeviceCheckMinutes),
    stateSync: { deviceStatus: draft.deviceStatus, threatStatus: draft.threatStatus },
    errorReportRecipients: draft.errorReportRecipients,
  };
}

/** Which tab shows a field named by the contract ("enrollmentGroups.2" is on Enrollment Management). */
export function tabOf(field: string): ConnectorTab | null {
  const [head, index] = field.split('.');
  switch (head) {
    case 'heartbeatMinutes':
      return 'connection';
    case 'newDeviceCheckMinutes':
      return 'enrollment';
    case 'enrollmentGroups':
      return index === undefined || /^\d+$/.test(index) ? 'enrollment' : null;
    case 'stateSync':
      return 'stateSync';
    case 'errorReportRecipients':
      return index === undefined || /^\d+$/.test(index) ? 'errors' : null;
    default:
      return null;
  }
}

/** Whether the form shows this field's message somewhere (list items only while the item exists). */
export function isShown(field: string, draft: ConnectorDraft): boolean {
  if (tabOf(field) === null) return false;
  const [head, index] = field.split('.');
  if (index === undefined) return true;
  if (head === 'enrollmentGroups') return Number(index) < draft.enrollmentGroups.length;
  if (head === 'errorReportRecipients') return Number(index) < draft.errorReportRecipients.length;
  // stateSync.deviceStatus / stateSync.threatStatus
  return index === 'deviceStatus' || index === 'threatStatus';
}

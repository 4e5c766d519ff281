// The audit log names a changed field as the screen that changes it labels it, not by
// the settings' internal path (connector.stateSync.deviceStatus reads "Device status").

/** i18n keys of the screens' labels, by the audited field's path. */
export const FIELD_LABELS = {
  'access.tenantId': 'access.tenantId',
  'access.fullAccessGroupId': 'access.fullAccessGroupId',
  'access.restrictedAccessGroupId': 'access.restrictedAccessGroupId',
  'connector.heartbeatMinutes': 'connectors.heartbeat',
  'connector.enrollmentGroups': 'connectors.groupsList',
  'connector.newDeviceCheckMinutes': 'connectors.checkInterval',
  'connector.stateSync.deviceStatus': 'connectors.deviceStatus',
  'connector.stateSync.threatStatus': 'connectors.threatStatus',
  'connector.errorReportRecipients': 'connectors.recipientsList',
  'enrollment.disconnectedAfterDays': 'enrollmentSettings.disconnectedDays',
  'notifications.high': 'preferences.high',
  'notifications.medium': 'preferences.medium',
  'notifications.low': 'preferences.low',
  'smtp.host': 'smtp.host',
  'smtp.port': 'smtp.port',
  'smtp.security': 'smtp.security',
  'smtp.username': 'smtp.username',
  'smtp.from': 'smtp.from',
  'smtp.password': 'smtp.password',
  'smtp.passwordSet': 'smtp.password',
  'connection.tenant': 'connection.tenant',
  'connection.tenantId': 'access.tenantId',
  'connection.clientId': 'connection.clientId',
  'connection.cloud': 'connection.cloud',
  'connection.pollingIdentity': 'connection.pollingIdentity',
  'connection.lookoutBaseUrl': 'connection.lookoutBaseUrl',
  'connection.lookoutKeySetAt': 'auditLog.fields.lookoutKeySetAt',
  'connection.clientSecret': 'connection.clientSecret',
  'connection.clientCertificate': 'connection.clientCertificate',
  'connection.lookoutAppKey': 'connection.lookoutAppKey',
  'profile.name': 'auditLog.fields.profileName',
  consent: 'auditLog.fields.consent',
} as const;

type LabelKey = (typeof FIELD_LABELS)[keyof typeof FIELD_LABELS];

export type FieldLabel = { key: LabelKey } | { key: 'auditLog.fields.classification'; name: string } | null;

const CLASSIFICATION = /^classification\.(.+)$/;

/** The label of an audited field, or null for a field no screen labels (shown as recorded). */
export function fieldLabel(field: string): FieldLabel {
  if (Object.hasOwn(FIELD_LABELS, field)) return { key: FIELD_LABELS[field as keyof typeof FIELD_LABELS] };
  const classification = CLASSIFICATION.exec(field);
  if (classification) return { key: 'auditLog.fields.classification', name: classification[1]! };
  return null;
}

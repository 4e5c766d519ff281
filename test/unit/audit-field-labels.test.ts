// Every field the audit log records is shown with the label of the screen that changes
// it: a new setting without a label fails here, not in front of an admin.
import { describe, expect, it } from 'vitest';
import { diff } from '../../electron/core/audit/audit-log';
import { accessSchema, enrollmentSettingsSchema, intuneConnectorSchema, notificationSwitchesSchema } from '../../shared/config/configuration-schema';
import { connectionSettingsSchema } from '../../shared/config/connection-settings';
import { smtpSettingsSchema } from '../../shared/config/smtp-settings';
import { DEFAULT_THREAT_CLASSIFICATIONS } from '../../shared/domain/threat-classifications';
import { en } from '../../renderer/i18n/en';
import { fieldLabel } from '../../renderer/modules/audit-log/audit-field-labels';

type Shaped = { shape: Record<string, unknown> };
const hasShape = (schema: unknown): schema is Shaped => typeof schema === 'object' && schema !== null && 'shape' in schema && typeof (schema as Shaped).shape === 'object';

/** The dotted paths of a settings object's leaves, as the audit's diff names them. */
function leaves(schema: unknown, prefix: string): string[] {
  if (!hasShape(schema)) return [prefix];
  return Object.entries(schema.shape).flatMap(([key, child]) => {
    let inner: unknown = child;
    // Optional and defaulted fields wrap the field's own schema.
    while (typeof inner === 'object' && inner !== null && 'unwrap' in inner && typeof (inner as { unwrap: unknown }).unwrap === 'function' && !hasShape(inner)) {
      inner = (inner as { unwrap: () => unknown }).unwrap();
    }
    if (typeof inner === 'object' && inner !== null && 'def' in inner && (inner as { def: { type: string; innerType?: unknown } }).def.type === 'default') {
      inner = (inner as { def: { innerType: unknown } }).def.innerType;
    }
    return leaves(inner, `${prefix}.${key}`);
  });
}

function textOf(key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en);
}

const AUDITED = [
  ...leaves(accessSchema, 'access'),
  ...leaves(intuneConnectorSchema, 'connector'),
  ...leaves(enrollmentSettingsSchema, 'enrollment'),
  ...leaves(notificationSwitchesSchema, 'notifications'),
  ...leaves(smtpSettingsSchema, 'smtp'),
  ...leaves(connectionSettingsSchema, 'connection'),
  // Written by hand where a secret or a one-off changes.
  'smtp.password',
  'connection.clientSecret',
  'connection.clientCertificate',
  'connection.lookoutAppKey',
  'profile.name',
  'consent',
];

describe('audit field labels', () => {
  it('finds the fields of every audited settings object', () => {
    expect(AUDITED).toContain('connector.stateSync.deviceStatus');
    expect(AUDITED).toContain('smtp.host');
    expect(AUDITED).toContain('connection.pollingIdentity');
    expect(AUDITED.length).toBeGreaterThan(25);
  });

  it.each(AUDITED)('%s has the label of its screen', (field) => {
    const label = fieldLabel(field);
    expect(label).not.toBeNull();
    const text = textOf(label!.key);
    expect(typeof text).toBe('string');
    // The screen's words, never the internal path itself.
    expect(text).not.toBe(field);
    expect(String(text).length).toBeGreaterThan(0);
  });

  it('names the screens\' words for the fields an admin changes most', () => {
    expect(textOf(fieldLabel('connector.stateSync.deviceStatus')!.key)).toBe('Device status');
    expect(textOf(fieldLabel('connector.enrollmentGroups')!.key)).toBe('Enrollment groups');
    expect(textOf(fieldLabel('enrollment.disconnectedAfterDays')!.key)).toBe('Disconnected Status (days)');
    expect(textOf(fieldLabel('access.fullAccessGroupId')!.key)).toBe('Full-access group object ID');
  });

  it('labels a classification change with the classification, for every classification', () => {
    for (const { classification } of DEFAULT_THREAT_CLASSIFICATIONS) {
      expect(fieldLabel(`classification.${classification}`)).toEqual({ key: 'auditLog.fields.classification', name: classification });
    }
  });

  it('leaves a field no screen labels as recorded, and is not fooled by look-alike paths', () => {
    for (const field of ['', 'connector', 'connector.stateSync', 'constructor', '__proto__', 'toString', 'connector.heartbeatMinutes.x', 'classification.']) {
      expect(fieldLabel(field)).toBeNull();
    }
  });

  it('labels every field the diff of a whole connector produces', () => {
    const connector = { heartbeatMinutes: 30, enrollmentGroups: ['A'], newDeviceCheckMinutes: 5, stateSync: { deviceStatus: true, threatStatus: true }, errorReportRecipients: ['a@b.example'] };
    for (const change of diff(null, connector, 'connector')) expect(fieldLabel(change.field)).not.toBeNull();
  });
});

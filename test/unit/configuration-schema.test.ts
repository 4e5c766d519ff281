// Every rule of PRODUCT.md section 2 at its boundaries, and bad input of each kind.
import { describe, expect, it } from 'vitest';
import {
  accessSchema,
  classificationLevelsSchema,
  DEFAULT_CONNECTOR_SETTINGS,
  DEFAULT_ENROLLMENT_SETTINGS,
  DEFAULT_NOTIFICATION_SWITCHES,
  enrollmentSettingsSchema,
  intuneConnectorSchema,
  notificationSwitchesSchema,
} from '../../shared/config/configuration-schema';
import { AppError, parseOrThrow } from '../../shared/ipc';
import type { z } from 'zod';

const GUID_A = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const GUID_B = 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d';
const INJECTIONS = ["'; DROP TABLE devices;--", '<script>alert(1)</script>', '${jndi:ldap://x}', '../../etc/passwd'];

function issueOf(schema: z.ZodType, value: unknown): { field: string; message: string } {
  try {
    parseOrThrow(schema, value);
  } catch (error) {
    if (error instanceof AppError) return { field: error.field ?? '', message: error.message };
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(value)}`);
}

const connector = (overrides: Record<string, unknown> = {}) => ({
  ...DEFAULT_CONNECTOR_SETTINGS,
  enrollmentGroups: ['Mobile Users'],
  errorReportRecipients: ['secops@contoso.com'],
  ...overrides,
});

describe('defaults', () => {
  it('are the documented ones and valid', () => {
    expect(DEFAULT_CONNECTOR_SETTINGS).toEqual({ heartbeatMinutes: 15, newDeviceCheckMinutes: 5, stateSync: { deviceStatus: true, threatStatus: true } });
    expect(DEFAULT_ENROLLMENT_SETTINGS).toEqual({ disconnectedAfterDays: 7 });
    expect(DEFAULT_NOTIFICATION_SWITCHES).toEqual({ high: false, medium: false, low: false });
    expect(intuneConnectorSchema.safeParse(connector()).success).toBe(true);
  });
});

describe('access', () => {
  it('needs a tenant GUID and a full-access group GUID; the restricted group is optional', () => {
    expect(accessSchema.safeParse({ tenantId: GUID_A, fullAccessGroupId: GUID_B }).success).toBe(true);
    expect(issueOf(accessSchema, { fullAccessGroupId: GUID_B })).toEqual({ field: 'tenantId', message: 'tenantId: Tenant ID is required.' });
    expect(issueOf(accessSchema, { tenantId: GUID_A })).toMatchObject({ field: 'fullAccessGroupId' });
  });

  it('refuses malformed GUIDs', () => {
    for (const bad of ['', 'not-a-guid', `${GUID_A}0`, GUID_A.slice(1), GUID_A.replaceAll('-', ''), `{${GUID_A}}`, 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz', ...INJECTIONS]) {
      expect(issueOf(accessSchema, { tenantId: bad, fullAccessGroupId: GUID_B })).toMatchObject({ field: 'tenantId', message: expect.stringContaining('must be a GUID') as string });
    }
    expect(issueOf(accessSchema, { tenantId: 42, fullAccessGroupId: GUID_B }).field).toBe('tenantId');
  });

  it('refuses a restricted group equal to the full-access group, whatever the case', () => {
    expect(issueOf(accessSchema, { tenantId: GUID_A, fullAccessGroupId: GUID_B, restrictedAccessGroupId: GUID_B.toUpperCase() })).toMatchObject({
      field: 'restrictedAccessGroupId',
      message: 'restrictedAccessGroupId: Restricted-access group object ID must differ from the full-access group object ID.',
    });
    expect(accessSchema.safeParse({ tenantId: GUID_A, fullAccessGroupId: GUID_B, restrictedAccessGroupId: GUID_A }).success).toBe(true);
  });

  it('refuses unknown fields', () => {
    expect(issueOf(accessSchema, { tenantId: GUID_A, fullAccessGroupId: GUID_B, isAdmin: true }).field).toBe('request');
  });
});

describe('Intune connector', () => {
  const minutes: [string, number, number][] = [
    ['heartbeatMinutes', 5, 1440],
    ['newDeviceCheckMinutes', 1, 1440],
  ];
  for (const [field, min, max] of minutes) {
    it(`${field}: ${min - 1} and ${max + 1} refused, ${min} and ${max} accepted, only whole numbers`, () => {
      expect(intuneConnectorSchema.safeParse(connector({ [field]: min })).success).toBe(true);
      expect(intuneConnectorSchema.safeParse(connector({ [field]: max })).success).toBe(true);
      for (const bad of [min - 1, max + 1, 0, -5, 7.5, Number.NaN, Number.POSITIVE_INFINITY, '15', null, true]) {
        const issue = issueOf(intuneConnectorSchema, connector({ [field]: bad }));
        expect(issue.field).toBe(field);
        expect(issue.message).toContain(`from ${min} to ${max}`);
      }
    });
  }

  it('enrollment groups: 1 to 50 names, each once, exact (case-sensitive) and untrimmed', () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => `Group ${i + 1}`);
    expect(intuneConnectorSchema.safeParse(connector({ enrollmentGroups: names(1) })).success).toBe(true);
    expect(intuneConnectorSchema.safeParse(connector({ enrollmentGroups: names(50) })).success).toBe(true);
    expect(issueOf(intuneConnectorSchema, connector({ enrollmentGroups: [] }))).toMatchObject({ field: 'enrollmentGroups', message: expect.stringContaining('from 1 to 50') as string });
    expect(issueOf(intuneConnectorSchema, connector({ enrollmentGroups: names(51) })).message).toContain('from 1 to 50');
    expect(issueOf(intuneConnectorSchema, connector({ enrollmentGroups: ['Sales', 'Sales'] })).message).toBe('enrollmentGroups: Each enrollment group may be listed only once.');
    expect(intuneConnectorSchema.safeParse(connector({ enrollmentGroups: ['Sales', 'sales'] })).success).toBe(true);
    expect(issueOf(intuneConnectorSchema, connector({ enrollmentGroups: [''] })).field).toBe('enrollmentGroups.0');
    expect(issueOf(intuneConnectorSchema, connector({ enrollmentGroups: [' Sales'] })).message).toContain('spaces');
    expect(intuneConnectorSchema.safeParse(connector({ enrollmentGroups: ['x'.repeat(256)] })).success).toBe(true);
    expect(issueOf(intuneConnectorSchema, connector({ enrollmentGroups: ['x'.repeat(257)] })).message).toContain('256');
    expect(issueOf(intuneConnectorSchema, connector({ enrollmentGroups: 'Sales' })).field).toBe('enrollmentGroups');
    // Injection strings are just names: stored as typed, matched exactly, never interpreted.
    expect(intuneConnectorSchema.safeParse(connector({ enrollmentGroups: INJECTIONS })).success).toBe(true);
  });

  it('error report recipients: 1 to 20 valid addresses, each once', () => {
    const addresses = (n: number) => Array.from({ length: n }, (_, i) => `admin${i}@contoso.com`);
    expect(intuneConnectorSchema.safeParse(connector({ errorReportRecipients: addresses(1) })).success).toBe(true);
    expect(intuneConnectorSchema.safeParse(connector({ errorReportRecipients: addresses(20) })).success).toBe(true);
    expect(issueOf(intuneConnectorSchema, connector({ errorReportRecipients: [] })).message).toContain('from 1 to 20');
    expect(issueOf(intuneConnectorSchema, connector({ errorReportRecipients: addresses(21) })).message).toContain('from 1 to 20');
    for (const bad of ['admin', 'admin@', '@contoso.com', 'admin@contoso', 'a b@contoso.com', 'admin@@contoso.com', `${'a'.repeat(250)}@contoso.com`, ...INJECTIONS]) {
      expect(issueOf(intuneConnectorSchema, connector({ errorReportRecipients: [bad] })).field).toBe('errorReportRecipients.0');
    }
    expect(issueOf(intuneConnectorSchema, connector({ errorReportRecipients: ['A@contoso.com', 'a@contoso.com'] })).message).toBe('errorReportRecipients: Each error report recipient may be listed only once.');
  });

  it('state sync switches are booleans', () => {
    expect(intuneConnectorSchema.safeParse(connector({ stateSync: { deviceStatus: false, threatStatus: true } })).success).toBe(true);
    expect(issueOf(intuneConnectorSchema, connector({ stateSync: { deviceStatus: 'off', threatStatus: true } })).field).toBe('stateSync.deviceStatus');
  });
});

describe('enrollment settings', () => {
  it('Disconnected Status: 0 and 91 refused, 1 and 90 accepted', () => {
    expect(enrollmentSettingsSchema.safeParse({ disconnectedAfterDays: 1 }).success).toBe(true);
    expect(enrollmentSettingsSchema.safeParse({ disconnectedAfterDays: 90 }).success).toBe(true);
    for (const bad of [0, 91, -1, 1.5, '7']) {
      expect(issueOf(enrollmentSettingsSchema, { disconnectedAfterDays: bad })).toEqual({
        field: 'disconnectedAfterDays',
        message: 'disconnectedAfterDays: Disconnected Status must be a whole number of days from 1 to 90.',
      });
    }
  });
});

describe('notifications and threat classifications', () => {
  it('notification switches are three booleans', () => {
    expect(notificationSwitchesSchema.safeParse({ high: true, medium: false, low: false }).success).toBe(true);
    expect(issueOf(notificationSwitchesSchema, { high: 1, medium: false, low: false }).field).toBe('high');
    expect(issueOf(notificationSwitchesSchema, { high: true, medium: false }).field).toBe('low');
  });

  it('classification levels name known classifications and levels only', () => {
    expect(classificationLevelsSchema.safeParse({ TROJAN: 'Low', VPN_NOT_ENABLED: 'High' }).success).toBe(true);
    expect(classificationLevelsSchema.safeParse({ TROJAN: 'Critical' }).success).toBe(false);
    expect(classificationLevelsSchema.safeParse({ trojan: 'Low' }).success).toBe(false);
    // A forged payload arrives as JSON, where "__proto__" is an own key: refused like any unknown name.
    expect(classificationLevelsSchema.safeParse(JSON.parse('{"__proto__": "Low"}')).success).toBe(false);
  });
});

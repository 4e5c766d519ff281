// The connector form's draft: numbers stay as typed until saved, the schema names a bad one by
// its field, and every field the contract can name is shown on the tab that holds it.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONNECTOR_SETTINGS, intuneConnectorSchema, LIMITS } from '../../shared/config/configuration-schema';
import { check } from '../../renderer/forms/errors';
import { draftOf, isShown, requestOf, tabOf, type ConnectorDraft } from '../../renderer/modules/connectors/connector-draft';

const valid: ConnectorDraft = { ...draftOf(null), enrollmentGroups: ['Mobile Users'], errorReportRecipients: ['secops@contoso.com'] };

describe('connector draft', () => {
  it('starts a new connector from the defaults, with no groups and no recipients', () => {
    expect(draftOf(null)).toEqual({
      heartbeatMinutes: String(DEFAULT_CONNECTOR_SETTINGS.heartbeatMinutes),
      enrollmentGroups: [],
      newDeviceCheckMinutes: String(DEFAULT_CONNECTOR_SETTINGS.newDeviceCheckMinutes),
      deviceStatus: DEFAULT_CONNECTOR_SETTINGS.stateSync.deviceStatus,
      threatStatus: DEFAULT_CONNECTOR_SETTINGS.stateSync.threatStatus,
      errorReportRecipients: [],
    });
  });

  it('copies the saved lists, so editing the draft leaves what is saved alone', () => {
    const saved = { ...DEFAULT_CONNECTOR_SETTINGS, enrollmentGroups: ['A'], errorReportRecipients: ['a@contoso.com'] };
    const draft = draftOf(saved);
    draft.enrollmentGroups.push('B');
    expect(saved.enrollmentGroups).toEqual(['A']);
  });

  it('sends the heartbeat at both ends of its range and refuses one past either, naming the field', () => {
    const { min, max } = LIMITS.heartbeatMinutes;
    for (const minutes of [min, max]) expect(check(intuneConnectorSchema, requestOf({ ...valid, heartbeatMinutes: ` ${minutes} ` })).ok).toBe(true);
    for (const minutes of [String(min - 1), String(max + 1), '15.5', 'fifteen', '']) {
      const result = check(intuneConnectorSchema, requestOf({ ...valid, heartbeatMinutes: minutes }));
      expect(result.ok, minutes).toBe(false);
      if (!result.ok) expect(Object.keys(result.failure.fields), minutes).toEqual(['heartbeatMinutes']);
    }
  });

  it('names the list item that breaks a rule, and shows it only while the item is there', () => {
    const result = check(intuneConnectorSchema, requestOf({ ...valid, errorReportRecipients: ['secops@contoso.com', 'not an address'] }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.fields['errorReportRecipients.1']).toMatch(/valid e-mail address/);
    expect(isShown('errorReportRecipients.1', { ...valid, errorReportRecipients: ['a', 'b'] })).toBe(true);
    expect(isShown('errorReportRecipients.1', { ...valid, errorReportRecipients: ['a'] })).toBe(false);
    expect(isShown('enrollmentGroups.0', { ...valid, enrollmentGroups: [] })).toBe(false);
  });

  it('places each field the contract names on its tab, and none it does not know', () => {
    expect(tabOf('heartbeatMinutes')).toBe('connection');
    expect(tabOf('newDeviceCheckMinutes')).toBe('enrollment');
    expect(tabOf('enrollmentGroups')).toBe('enrollment');
    expect(tabOf('enrollmentGroups.12')).toBe('enrollment');
    expect(tabOf('enrollmentGroups.name')).toBeNull();
    expect(tabOf('stateSync.threatStatus')).toBe('stateSync');
    expect(tabOf('errorReportRecipients.0')).toBe('errors');
    expect(tabOf('request')).toBeNull();
    expect(isShown('request', valid)).toBe(false);
    expect(isShown('stateSync.deviceStatus', valid)).toBe(true);
    expect(isShown('stateSync.other', valid)).toBe(false);
  });
});

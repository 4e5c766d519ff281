// The lifecycle, threat level, compliance and state-sync rules of PRODUCT.md sections
// 4 and 5, at their boundaries.
import { describe, expect, it } from 'vitest';
import { compliance, strictest } from '../../shared/domain/compliance';
import { DAY_MS, deviceState, type LifecycleFacts } from '../../shared/domain/device-state';
import { partnerState } from '../../shared/domain/partner-state';
import { isSupportedPlatform, policyPlatform } from '../../shared/domain/platforms';
import { currentLevels, deviceThreatLevel, threatRiskLevel } from '../../shared/domain/threat-level';

const NOW = Date.UTC(2026, 10, 22);
const active: LifecycleFacts = { inEnrollmentGroup: true, inIntune: true, activation: 'ACTIVATED', lastCheckinAt: NOW, checkinConfirmedAt: NOW };

describe('device state', () => {
  it('is Pending until the MTD app is activated, whatever the service has not said yet', () => {
    expect(deviceState({ ...active, activation: null, lastCheckinAt: null }, NOW, 7)).toEqual({ state: 'pending', reason: null });
    expect(deviceState({ ...active, activation: 'PENDING' }, NOW, 7).state).toBe('pending');
  });

  it.each([1, 7, 90])('turns Disconnected strictly after %i days without a check-in, and Active again on the next', (days) => {
    const silent = (ms: number): LifecycleFacts => ({ ...active, lastCheckinAt: NOW - ms, checkinConfirmedAt: NOW });
    expect(deviceState(silent(0), NOW, days).state).toBe('active');
    expect(deviceState(silent(days * DAY_MS - 1), NOW, days).state).toBe('active');
    expect(deviceState(silent(days * DAY_MS), NOW, days).state).toBe('active');
    expect(deviceState(silent(days * DAY_MS + 1), NOW, days).state).toBe('disconnected');
    expect(deviceState(silent(91 * DAY_MS), NOW, days).state).toBe('disconnected');
  });

  it('proves silence only up to the service\'s last word', () => {
    const stale = { ...active, lastCheckinAt: NOW - 10 * DAY_MS, checkinConfirmedAt: NOW - 10 * DAY_MS + 1000 };
    expect(deviceState(stale, NOW, 7).state).toBe('active');
    expect(deviceState({ ...stale, checkinConfirmedAt: NOW - 2 * DAY_MS }, NOW, 7).state).toBe('disconnected');
    // A confirmation dated after "now" (clock skew) proves nothing beyond now.
    expect(deviceState({ ...active, lastCheckinAt: NOW - 7 * DAY_MS, checkinConfirmedAt: NOW + DAY_MS }, NOW, 7).state).toBe('active');
  });

  it('is Deactivated, with its reason, when the device leaves Intune, its user every group, or the service deactivates it', () => {
    expect(deviceState({ ...active, inIntune: false }, NOW, 7)).toEqual({ state: 'deactivated', reason: 'leftIntune' });
    expect(deviceState({ ...active, inEnrollmentGroup: false }, NOW, 7)).toEqual({ state: 'deactivated', reason: 'leftEnrollmentGroups' });
    expect(deviceState({ ...active, activation: 'DEACTIVATED' }, NOW, 7)).toEqual({ state: 'deactivated', reason: 'deactivatedByService' });
    expect(deviceState({ ...active, activation: 'DELETED' }, NOW, 7)).toEqual({ state: 'deactivated', reason: 'deactivatedByService' });
    expect(deviceState({ ...active, inIntune: false, activation: 'PENDING', lastCheckinAt: null }, NOW, 7).state).toBe('deactivated');
  });
});

describe('threat level', () => {
  const defaults = currentLevels({});

  it('rates a threat by its classification\'s current level, the highest of several', () => {
    expect(threatRiskLevel(['ADWARE'], 'HIGH', defaults)).toBe('Low');
    expect(threatRiskLevel(['ADWARE', 'TROJAN'], 'LOW', defaults)).toBe('High');
    expect(threatRiskLevel(['ADWARE'], 'LOW', currentLevels({ ADWARE: 'High' }))).toBe('High');
    expect(threatRiskLevel(['VPN_NOT_ENABLED'], 'HIGH', defaults)).toBe('None');
  });

  it('falls back to the service\'s severity for a classification it does not know, never to None', () => {
    expect(threatRiskLevel(['SOMETHING_NEW'], 'MEDIUM', defaults)).toBe('Medium');
    expect(threatRiskLevel([], 'high', defaults)).toBe('High');
    expect(threatRiskLevel(['__proto__', "'; DROP TABLE threats; --"], 'weird', defaults)).toBe('Low');
  });

  it('gives a device the highest level among its open threats; none or only None is Secured', () => {
    expect(deviceThreatLevel([])).toBe('secured');
    expect(deviceThreatLevel(['None', 'None'])).toBe('secured');
    expect(deviceThreatLevel(['Low', 'None'])).toBe('low');
    expect(deviceThreatLevel(['Low', 'High', 'Medium'])).toBe('high');
  });
});

describe('compliance', () => {
  it('is non-compliant above the allowed level, compliant at or under it', () => {
    expect(compliance('active', 'medium', 'medium')).toBe('compliant');
    expect(compliance('active', 'high', 'medium')).toBe('noncompliant');
    expect(compliance('active', 'secured', 'secured')).toBe('compliant');
    expect(compliance('active', 'low', 'secured')).toBe('noncompliant');
    expect(compliance('active', 'high', null)).toBe('compliant');
  });

  it('makes a disconnected device non-compliant and gives a pending one no partner data', () => {
    expect(compliance('disconnected', 'secured', 'high')).toBe('noncompliant');
    expect(compliance('disconnected', 'secured', null)).toBe('noncompliant');
    expect(compliance('pending', 'high', 'secured')).toBe('noPartnerData');
    expect(compliance('deactivated', 'high', 'secured')).toBe('noPartnerData');
  });

  it('applies the strictest of several policies', () => {
    expect(strictest([])).toBeNull();
    expect(strictest([null, 'medium', 'low', null])).toBe('low');
    expect(strictest(['high', 'secured'])).toBe('secured');
  });
});

describe('partner reported threat state', () => {
  const both = { deviceStatus: true, threatStatus: true };

  it('maps each state and level as PRODUCT.md section 5 says', () => {
    expect(partnerState('pending', 'high', both)).toBe('unknown');
    expect(partnerState('active', 'secured', both)).toBe('secured');
    expect(partnerState('active', 'low', both)).toBe('lowSeverity');
    expect(partnerState('active', 'medium', both)).toBe('mediumSeverity');
    expect(partnerState('active', 'high', both)).toBe('highSeverity');
    expect(partnerState('disconnected', 'high', both)).toBe('unresponsive');
    expect(partnerState('deactivated', 'low', both)).toBe('deactivated');
  });

  it('sends only what the switches allow', () => {
    const deviceOnly = { deviceStatus: true, threatStatus: false };
    const threatOnly = { deviceStatus: false, threatStatus: true };
    const neither = { deviceStatus: false, threatStatus: false };
    expect(partnerState('active', 'high', deviceOnly)).toBe('activated');
    expect(partnerState('disconnected', 'high', deviceOnly)).toBe('unresponsive');
    expect(partnerState('active', 'high', threatOnly)).toBe('highSeverity');
    expect(partnerState('pending', 'high', threatOnly)).toBeNull();
    expect(partnerState('deactivated', 'high', threatOnly)).toBeNull();
    for (const state of ['pending', 'active', 'disconnected', 'deactivated'] as const) expect(partnerState(state, 'low', neither)).toBeNull();
  });
});

describe('supported platforms', () => {
  it('enrolls iOS, iPadOS and Android in any case, and nothing else', () => {
    for (const os of ['iOS', 'IOS', 'iPadOS', 'ipados', 'Android', 'ANDROID']) expect(isSupportedPlatform(os)).toBe(true);
    for (const os of ['Windows', 'macOS', 'Linux', 'iOS ', 'AndroidForWork', '', null, undefined, '__proto__', 'constructor']) expect(isSupportedPlatform(os)).toBe(false);
  });

  it('puts iPadOS under the iOS compliance policies', () => {
    expect(['iOS', 'iPadOS', 'ANDROID', 'Windows', null].map(policyPlatform)).toEqual(['ios', 'ios', 'android', null, null]);
  });
});

// Intune's partner state on the device detail always comes with where it comes from and
// when; every state the console reports has words, and the drift reasons too.
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { DRIFT_REASONS } from '../../shared/ipc/engine-channels';
import { en } from '../../renderer/i18n/en';
import { formatMoment } from '../../renderer/forms/format';
import { intuneStateLine, partnerStateWords, reportedStateLine } from '../../renderer/modules/drift/partner-state-words';

let t: TFunction;
const AT = Date.UTC(2026, 11, 3, 8, 30, 15);

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ resources: { en: { translation: en } }, lng: 'en', interpolation: { escapeValue: false } });
  t = instance.t.bind(instance) as TFunction;
});

describe('partner state words', () => {
  it('says what Intune listed, and when', () => {
    expect(intuneStateLine(t, 'en', { intunePartnerState: 'highSeverity', intuneStateAt: AT, intuneStateBy: 'listed' })).toBe(`High severity, as Intune listed it at ${formatMoment(AT, 'en')}`);
  });

  it('says what the console reported, and when', () => {
    expect(intuneStateLine(t, 'en', { intunePartnerState: 'unresponsive', intuneStateAt: AT, intuneStateBy: 'reported' })).toBe(`Unresponsive, reported by the console at ${formatMoment(AT, 'en')}`);
    expect(reportedStateLine(t, 'en', { reportedState: 'secured', reportedAt: AT })).toBe(`Secured, reported by the console at ${formatMoment(AT, 'en')}`);
  });

  it('never shows a value as current without its time, and says when nothing is known', () => {
    expect(intuneStateLine(t, 'en', { intunePartnerState: 'secured', intuneStateAt: null, intuneStateBy: null })).toBe('Secured (time not recorded)');
    expect(intuneStateLine(t, 'en', { intunePartnerState: null, intuneStateAt: null, intuneStateBy: null })).toMatch(/^Not known yet/);
    expect(reportedStateLine(t, 'en', { reportedState: null, reportedAt: null })).toBe('Not reported yet');
  });

  it('has words for every state the console reports, and keeps an unknown one as Intune wrote it', () => {
    for (const state of ['unknown', 'activated', 'deactivated', 'secured', 'lowSeverity', 'mediumSeverity', 'highSeverity', 'unresponsive', 'compromised', 'misconfigured']) {
      expect(partnerStateWords(t, state)).not.toBe(state);
    }
    expect(partnerStateWords(t, 'somethingNew')).toBe('somethingNew');
  });

  it('has words for every drift reason', () => {
    for (const reason of DRIFT_REASONS) expect(en.drift.reasons[reason]).toMatch(/\.$/);
  });
});

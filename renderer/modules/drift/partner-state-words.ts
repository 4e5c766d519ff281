import type { TFunction } from 'i18next';
import { en } from '../../i18n/en';
import { formatMoment } from '../../forms/format';

type PartnerStateKey = keyof typeof en.stateSync.partnerStates;

/** A partnerReportedThreatState in words; a value the console does not know stays as Intune wrote it. */
export function partnerStateWords(t: TFunction, state: string): string {
  return state in en.stateSync.partnerStates ? t(`stateSync.partnerStates.${state as PartnerStateKey}`) : state;
}

/** Intune's partner state with where it comes from and when: never a value without its time. */
export function intuneStateLine(
  t: TFunction,
  language: string,
  device: { intunePartnerState: string | null; intuneStateAt: number | null; intuneStateBy: 'listed' | 'reported' | null },
): string {
  if (device.intunePartnerState === null) return t('stateSync.notKnown');
  const state = partnerStateWords(t, device.intunePartnerState);
  if (device.intuneStateAt === null || device.intuneStateBy === null) return t('stateSync.timeNotKnown', { state });
  const time = formatMoment(device.intuneStateAt, language);
  return device.intuneStateBy === 'reported' ? t('stateSync.reportedAt', { state, time }) : t('stateSync.listedAt', { state, time });
}

/** What the console last reported, and when. */
export function reportedStateLine(t: TFunction, language: string, device: { reportedState: string | null; reportedAt: number | null }): string {
  if (device.reportedState === null) return t('stateSync.notReported');
  const state = partnerStateWords(t, device.reportedState);
  if (device.reportedAt === null) return t('stateSync.timeNotKnown', { state });
  return t('stateSync.reportedAt', { state, time: formatMoment(device.reportedAt, language) });
}

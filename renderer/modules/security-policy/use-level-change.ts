import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskLevel } from '../../../shared/domain/threat-classifications';
import type { ClassificationRow, RerateOutcome } from '../../../shared/ipc';
import { useApi } from '../../api/api-context';
import { failureOf } from '../../forms/errors';

export type LevelChange = { kind: 'level'; classification: string; level: RiskLevel } | { kind: 'reset' };

export type LevelStatus = { intent: 'success' | 'error' | 'info'; message: string } | null;

/** A change waiting for the admin's yes, with what it does to the devices. */
export interface LevelQuestion {
  change: LevelChange;
  impact: RerateOutcome;
}

function touchesDevices(impact: RerateOutcome): boolean {
  return impact.devices > 0 || impact.compliance > 0 || impact.threats > 0;
}

/**
 * A level change or a reset: main counts the devices it changes first; a level change that
 * re-rates nothing is saved at once, any other change is asked about with those counts, and the result says how
 * many devices changed threat level.
 */
export function useLevelChange(onRows: (rows: ClassificationRow[]) => void) {
  const { t } = useTranslation();
  const api = useApi();
  const [pending, setPending] = useState<ReadonlyMap<string, RiskLevel>>(new Map());
  const [status, setStatus] = useState<LevelStatus>(null);
  const [question, setQuestion] = useState<LevelQuestion | null>(null);

  const clearPending = (change: LevelChange) => {
    if (change.kind !== 'level') return;
    setPending((current) => {
      if (current.get(change.classification) !== change.level) return current;
      const next = new Map(current);
      next.delete(change.classification);
      return next;
    });
  };

  const failed = (error: unknown) => {
    const failure = failureOf(error);
    setStatus({ intent: 'error', message: failure.message ?? Object.values(failure.fields).join(' ') });
  };

  const outcomeText = (rerated: RerateOutcome | null): string =>
    rerated === null ? t('securityPolicy.reratedLater') : rerated.devices === 0 ? t('securityPolicy.reratedNone') : t('securityPolicy.reratedNow', { count: rerated.devices });

  /** Saves the change; rejects (for the dialog to show) when main refuses it. */
  const apply = async (change: LevelChange): Promise<void> => {
    try {
      if (change.kind === 'level') {
        const { classifications, rerated } = await api['classifications.setLevel']({ classification: change.classification, level: change.level });
        onRows(classifications);
        const saved = t('securityPolicy.levelSaved', { classification: change.classification, level: t(`securityPolicy.levels.${change.level}`) });
        setStatus({ intent: 'success', message: `${saved} ${outcomeText(rerated)}` });
      } else {
        const { classifications, rerated } = await api['classifications.reset']();
        onRows(classifications);
        setStatus({ intent: 'success', message: `${t('securityPolicy.resetDone')} ${outcomeText(rerated)}` });
      }
    } finally {
      clearPending(change);
    }
  };

  const request = async (change: LevelChange) => {
    if (change.kind === 'level') setPending((current) => new Map(current).set(change.classification, change.level));
    setStatus({ intent: 'info', message: t('securityPolicy.counting') });
    try {
      const impact = await api['classifications.impact'](change.kind === 'level' ? { classification: change.classification, level: change.level } : { reset: true });
      // A reset is always asked about: it undoes every level at once.
      if (change.kind === 'reset' || touchesDevices(impact)) {
        setStatus(null);
        setQuestion({ change, impact });
        return;
      }
      await apply(change);
    } catch (error) {
      clearPending(change);
      failed(error);
    }
  };

  const cancel = () => {
    if (question) clearPending(question.change);
    setQuestion(null);
  };

  return {
    pending,
    status,
    question,
    /** Asks main what the change does, then saves it or asks the admin. */
    request: (change: LevelChange) => void request(change),
    confirm: async () => {
      if (question) await apply(question.change);
    },
    cancel,
  };
}

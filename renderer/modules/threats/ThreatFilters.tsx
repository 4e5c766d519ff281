import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { RISK_LEVELS } from '../../../shared/domain/threat-classifications';
import { THREAT_STATUSES } from '../../../shared/domain/threat-level';
import { THREAT_AGES, type ThreatFilter, type ThreatOptions } from '../../../shared/ipc';
import { MultiFilter } from '../../forms/MultiFilter';
import { isThreatFiltered } from './threat-query';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}` },
  clear: { marginTop: '26px' },
});

/** Classification, risk level, platform, age and status; each change applies at once. */
export function ThreatFilters({ filter, options, onChange }: { filter: ThreatFilter; options: ThreatOptions; onChange: (filter: ThreatFilter) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const all = t('threats.all');
  const set = <K extends keyof ThreatFilter>(key: K, value: ThreatFilter[K]) => {
    const next: ThreatFilter = { ...filter };
    // An empty status choice means every status; an empty choice elsewhere means no filter.
    if (key !== 'statuses' && Array.isArray(value) && value.length === 0) delete next[key];
    else next[key] = value;
    onChange(next);
  };
  // A value the address asks for stays choosable even when the inventory no longer has it.
  const classifications = [...new Set([...options.classifications, ...(filter.classifications ?? [])])];
  const platforms = [...new Set([...options.platforms, ...(filter.platforms ?? [])])];
  return (
    <div className={styles.root} role="search" aria-label={t('threats.filters')}>
      <MultiFilter label={t('threats.classification')} all={all} values={classifications} selected={filter.classifications ?? []} labelOf={(name) => name} onChange={(names) => set('classifications', names)} />
      <MultiFilter label={t('threats.riskLevel')} all={all} values={RISK_LEVELS} selected={filter.levels ?? []} labelOf={(level) => t(`threats.levels.${level}`)} onChange={(levels) => set('levels', levels)} />
      <MultiFilter label={t('threats.platform')} all={all} values={platforms} selected={filter.platforms ?? []} labelOf={(name) => name} onChange={(names) => set('platforms', names)} />
      <MultiFilter label={t('threats.age')} all={all} values={THREAT_AGES} selected={filter.ages ?? []} labelOf={(age) => t(`threats.ages.${age}`)} onChange={(ages) => set('ages', ages)} />
      <MultiFilter label={t('threats.status')} all={all} values={THREAT_STATUSES} selected={filter.statuses ?? []} labelOf={(status) => t(`threats.statuses.${status}`)} onChange={(statuses) => set('statuses', statuses)} />
      <Button className={styles.clear} appearance="subtle" icon={<DismissRegular />} disabled={!isThreatFiltered(filter)} onClick={() => onChange({ statuses: ['open'] })}>
        {t('threats.clearFilters')}
      </Button>
    </div>
  );
}

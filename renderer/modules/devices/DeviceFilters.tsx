import { Button, Dropdown, Field, makeStyles, Option, SearchBox, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPLIANCE_STATES } from '../../../shared/domain/compliance';
import { THREAT_LEVELS } from '../../../shared/domain/threat-level';
import { DEVICE_STATES } from '../../../shared/domain/device-state';
import { DEVICE_LIST_STATES, SEARCH_MAX, type DeviceFilter, type DeviceListState } from '../../../shared/ipc';
import { MultiFilter } from '../../forms/MultiFilter';
import { isFiltered } from './device-query';

const SEARCH_DEBOUNCE_MS = 300;

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}` },
  search: { width: '260px' },
  dropdown: { minWidth: '150px', maxWidth: '220px' },
  clear: { marginTop: '26px' },
});

export interface FilterOptions {
  platforms: readonly string[];
  enrollmentGroups: readonly string[];
}

/** Search, state, platform, threat level, compliance and enrollment group; each change applies at once (the search after a pause). */
export function DeviceFilters({ filter, options, onChange }: { filter: DeviceFilter; options: FilterOptions; onChange: (filter: DeviceFilter) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const all = t('devices.all');
  const set = <K extends keyof DeviceFilter>(key: K, value: DeviceFilter[K] | undefined) => {
    const next: DeviceFilter = { ...filter };
    if (value === undefined || (Array.isArray(value) && value.length === 0) || value === '') delete next[key];
    else next[key] = value;
    onChange(next);
  };
  const platforms = [...new Set([...options.platforms, ...(filter.platforms ?? [])])];
  const groups = [...new Set([...options.enrollmentGroups, ...(filter.enrollmentGroup ? [filter.enrollmentGroup] : [])])];

  return (
    <div className={styles.root} role="search" aria-label={t('devices.filters')}>
      <SearchField value={filter.search ?? ''} onCommit={(search) => set('search', search.trim() === '' ? undefined : search.trim())} />
      <ShowFilter states={filter.states ?? []} onChange={(states) => set('states', states)} />
      <MultiFilter
        label={t('devices.state')}
        all={all}
        values={DEVICE_LIST_STATES}
        selected={filter.states ?? []}
        labelOf={(state) => t(`inventory.states.${state}`)}
        onChange={(states) => set('states', states)}
      />
      <MultiFilter
        label={t('devices.platform')}
        all={all}
        values={platforms}
        selected={filter.platforms ?? []}
        labelOf={(name) => name}
        onChange={(names) => set('platforms', names)}
      />
      <MultiFilter
        label={t('devices.threatLevel')}
        all={all}
        values={THREAT_LEVELS}
        selected={filter.threatLevels ?? []}
        labelOf={(level) => t(`inventory.threatLevels.${level}`)}
        onChange={(levels) => set('threatLevels', levels)}
      />
      <MultiFilter
        label={t('devices.compliance')}
        all={all}
        values={COMPLIANCE_STATES}
        selected={filter.compliance ?? []}
        labelOf={(value) => t(`inventory.compliance.${value}`)}
        onChange={(values) => set('compliance', values)}
      />
      <Field label={t('devices.enrollmentGroup')}>
        <Dropdown
          className={styles.dropdown}
          value={filter.enrollmentGroup ?? t('devices.allGroups')}
          selectedOptions={[filter.enrollmentGroup ?? '']}
          onOptionSelect={(_, data) => set('enrollmentGroup', data.optionValue || undefined)}
        >
          <Option value="">{t('devices.allGroups')}</Option>
          {groups.map((name) => (
            <Option key={name} value={name}>
              {name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Button className={styles.clear} appearance="subtle" icon={<DismissRegular />} disabled={!isFiltered(filter)} onClick={() => onChange({})}>
        {t('devices.clearFilters')}
      </Button>
    </div>
  );
}

/** The search box: the list follows typing after a pause; a search changed elsewhere (Back, Clear filters) replaces the draft. */
function SearchField({ value, onCommit }: { value: string; onCommit: (value: string) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [draft, setDraft] = useState(value);
  const [committed, setCommitted] = useState(value);
  if (committed !== value) {
    setCommitted(value);
    setDraft(value);
  }
  // The latest callback, without restarting the pause each time the list re-renders.
  const commit = useRef(onCommit);
  useEffect(() => {
    commit.current = onCommit;
  });
  useEffect(() => {
    if (draft.trim() === committed.trim()) return;
    const timer = window.setTimeout(() => commit.current(draft), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, committed]);
  return (
    <Field label={t('devices.search')} hint={t('devices.searchHint')}>
      <SearchBox className={styles.search} value={draft} maxLength={SEARCH_MAX} onChange={(_, data) => setDraft(data.value)} />
    </Field>
  );
}

type Shown = 'all' | 'enrolled' | 'unsupported' | 'custom';

const SHOWN_STATES: Record<Exclude<Shown, 'custom'>, readonly DeviceListState[]> = { all: [], enrolled: DEVICE_STATES, unsupported: ['unsupported'] };

function shownOf(states: readonly DeviceListState[]): Shown {
  for (const [shown, listed] of Object.entries(SHOWN_STATES) as [Exclude<Shown, 'custom'>, readonly DeviceListState[]][])
    if (listed.length === states.length && listed.every((state) => states.includes(state))) return shown;
  return 'custom';
}

/** The list holds enrolled and unsupported devices: this says which are shown, as a choice over the State filter. */
function ShowFilter({ states, onChange }: { states: readonly DeviceListState[]; onChange: (states: DeviceListState[]) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const shown = shownOf(states);
  const choices: Exclude<Shown, 'custom'>[] = ['all', 'enrolled', 'unsupported'];
  return (
    <Field label={t('devices.show')}>
      <Dropdown
        className={styles.dropdown}
        value={t(`devices.showOptions.${shown}`)}
        selectedOptions={[shown]}
        onOptionSelect={(_, data) => {
          const next = choices.find((choice) => choice === data.optionValue);
          if (next) onChange([...SHOWN_STATES[next]]);
        }}
      >
        {choices.map((choice) => (
          <Option key={choice} value={choice}>
            {t(`devices.showOptions.${choice}`)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

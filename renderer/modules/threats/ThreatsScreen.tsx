import { makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { ShieldError24Regular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { THREAT_SORT_COLUMNS, type ThreatFilter, type ThreatOptions, type ThreatRow, type ThreatSort } from '../../../shared/ipc';
import { useApi } from '../../api/api-context';
import { AFTER_POLL } from '../../data/query-client';
import { navigateTo, replaceRoute, useHashQuery } from '../../app/use-hash-route';
import { EngineGate } from '../../engine/EngineGate';
import { useRowPages } from '../../tables/use-row-pages';
import { VirtualGrid } from '../../tables/VirtualGrid';
import { useThreatColumns } from './threat-columns';
import { ThreatFilters } from './ThreatFilters';
import { isThreatFiltered, parseThreatQuery, threatQueryParams, THREATS_PATH } from './threat-query';
import { PagedRows, RowsTotal } from '../../tables/PagedRows';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

const NO_OPTIONS: ThreatOptions = { classifications: [], platforms: [] };

/** Threats: the threats across devices, filtered, sorted and paged in main; a row opens its device. */
export function ThreatsScreen() {
  const { t } = useTranslation();
  return (
    <EngineGate icon={ShieldError24Regular} empty={t('modules.threats.empty')}>
      {/* Each finished poll is a new generation of the inventory: the rows on screen are read again. */}
      {(status) => <ThreatExplorer generation={status.lastPoll?.id ?? 0} />}
    </EngineGate>
  );
}

/** Without options the filters still work with what the address names. */
function useThreatOptions(): ThreatOptions {
  const api = useApi();
  const query = useQuery({ queryKey: ['threats.options'], queryFn: () => api['threats.options'](), staleTime: 0, meta: AFTER_POLL });
  return query.data ?? NO_OPTIONS;
}

function ThreatExplorer({ generation }: { generation: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const styles = useStyles();
  const query = useHashQuery();
  const { filter, sort } = useMemo(() => parseThreatQuery(query), [query]);
  const key = useMemo(() => JSON.stringify({ filter, sort }), [filter, sort]);
  const load = useCallback((offset: number, limit: number) => api['threats.page']({ filter, sort, offset, limit }), [api, filter, sort]);
  const pages = useRowPages<ThreatRow>(key, load, generation, 'threats');
  const options = useThreatOptions();
  const columns = useThreatColumns();
  const show = (next: { filter: ThreatFilter; sort: ThreatSort }) => replaceRoute(THREATS_PATH, threatQueryParams(next));
  const open = (threat: ThreatRow) => {
    if (threat.deviceId !== null) navigateTo(`/devices/${encodeURIComponent(threat.deviceId)}`);
  };

  const { total } = pages;
  return (
    <div className={styles.root}>
      <MessageBar intent="info">
        <MessageBarBody>{t('threats.ownedByService')}</MessageBarBody>
      </MessageBar>
      <ThreatFilters filter={filter} options={options} onChange={(next) => show({ filter: next, sort })} />
      <RowsTotal total={total} loading={t('threats.totalLoading')} counted={(count) => t('threats.total', { count })} />
      <PagedRows pages={pages} emptyIcon={ShieldError24Regular} emptyMessage={isThreatFiltered(filter) ? t('threats.noMatch') : t('modules.threats.empty')}>
        <VirtualGrid
          key={JSON.stringify(filter)}
          label={t('threats.table')}
          hint={t('threats.tableHint')}
          columns={columns}
          growColumn="userPrincipalName"
          sortColumns={THREAT_SORT_COLUMNS}
          total={total ?? 0}
          rowAt={pages.rowAt}
          showRange={pages.showRange}
          sort={sort}
          onSortChange={(next) => show({ filter, sort: next })}
          onOpen={open}
        />
      </PagedRows>
    </div>
  );
}

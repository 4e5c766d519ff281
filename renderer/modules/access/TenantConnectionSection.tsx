import { Body1, Link, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCardStyles } from '../../forms/card-styles';
import type { ConnectionView } from '../../../shared/ipc';
import { useApi } from '../../api/api-context';
import { TENANTS_PATH } from '../../app/modules';
import { hrefFor } from '../../app/use-hash-route';
import { Loaded } from '../../forms/Loaded';
import { useLoad } from '../../forms/use-load';
import { useSession } from '../../session/session-context';
import { ConnectionFacts } from './ConnectionFacts';
import { ConnectionForm } from './ConnectionForm';
import { ConnectionTestPanel } from './ConnectionTestPanel';

const LOAD_KEY = ['connection.get'] as const;

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground2 },
});

function TenantConnection({ initial, titleId }: { initial: ConnectionView; titleId: string }) {
  const [view, setView] = useState(initial);
  // Whether the key has expired is judged when the view was read, not again at every render.
  const [now, setNow] = useState(() => Date.now());
  return (
    <>
      <ConnectionFacts view={view} now={now} />
      <ConnectionForm
        view={view}
        labelledBy={titleId}
        onSaved={(next) => {
          setView(next);
          setNow(Date.now());
        }}
      />
      <ConnectionTestPanel />
    </>
  );
}

function RealTenantConnection({ titleId }: { titleId: string }) {
  const api = useApi();
  const load = useCallback(() => api['connection.get'](), [api]);
  const { state, reload } = useLoad(LOAD_KEY, load);
  return (
    <Loaded state={state} reload={reload}>
      {(view) => <TenantConnection initial={view} titleId={titleId} />}
    </Loaded>
  );
}

/** System > Access: how the console reaches the active tenant (a real one), or that the demo tenant needs nothing. */
export function TenantConnectionSection() {
  const { t } = useTranslation();
  const styles = useStyles();
  const card = useCardStyles();
  const titleId = useId();
  const { state } = useSession();
  const real = state.status === 'ready' && state.session.mode === 'real';
  return (
    <section className={card.section} aria-labelledby={titleId}>
      <Subtitle1 as="h2" id={titleId} className={card.title}>
        {t('connection.title')}
      </Subtitle1>
      {real ? (
        <RealTenantConnection titleId={titleId} />
      ) : (
        <Body1 className={styles.muted}>
          {t('connection.demo')} <Link href={hrefFor(TENANTS_PATH)}>{t('connection.demoAddTenant')}</Link>
        </Body1>
      )}
    </section>
  );
}

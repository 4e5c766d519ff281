import { Body1, Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Spinner, Subtitle1, tokens, mergeClasses } from '@fluentui/react-components';
import { AddRegular, BuildingMultiple24Regular } from '@fluentui/react-icons';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCardStyles } from '../../forms/card-styles';
import type { Profile, ProfileList } from '../../../shared/ipc';
import { EmptyState } from '../../app/EmptyState';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { messageOf } from '../../forms/errors';
import { Loaded } from '../../forms/Loaded';
import { useProfiles } from '../../profiles/profiles-context';
import { reloadAtDashboard } from '../../profiles/reload-at-dashboard';
import { AddTenantForm } from './AddTenantForm';
import { AppRegistrationSteps } from './AppRegistrationSteps';
import { ProfileTable } from './ProfileTable';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalL },
  notice: { alignSelf: 'stretch', outline: 'none' },
  add: { alignSelf: 'stretch' },
  // The steps beside the form on a wide window, below it on a narrow one.
  columns: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalXXL },
  form: { flex: '1 1 420px', minWidth: 0 },
  steps: { flex: '1 1 360px', minWidth: 0 },
});

type Notice = { kind: 'added'; profile: Profile } | { kind: 'removed'; name: string };

function AddedNotice({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const { switchTo } = useProfiles();
  const [switching, setSwitching] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const go = async () => {
    setSwitching(true);
    setError(null);
    try {
      await switchTo(profile.id);
    } catch (failure) {
      setError(t('tenants.switchFailed', { message: messageOf(failure) }));
      setSwitching(false);
    }
  };
  return (
    <>
      <MessageBar intent="success">
        <MessageBarBody>{t('tenants.added', { name: profile.name })}</MessageBarBody>
        <MessageBarActions>
          <Button disabled={switching} icon={switching ? <Spinner size="tiny" /> : null} onClick={() => void go()}>
            {t('tenants.switchTo', { name: profile.name })}
          </Button>
        </MessageBarActions>
      </MessageBar>
      <ErrorAlert message={error} />
    </>
  );
}

function Tenants({ list }: { list: ProfileList }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const card = useCardStyles();
  const { replace } = useProfiles();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const addButtonId = useId();
  const addTitleId = useId();
  const firstField = useRef<HTMLDivElement>(null);
  const ownTenants = list.profiles.filter((profile) => profile.kind !== 'demo');

  // What was done, or where the form was, is gone from the page: focus goes to the notice, or to Add tenant.
  const focusNext = useRef<'notice' | 'add' | 'form' | null>(null);
  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (target === 'notice') noticeRef.current?.focus();
    else if (target === 'add') document.getElementById(addButtonId)?.focus();
    else if (target === 'form') firstField.current?.querySelector('input')?.focus();
  });

  const added = (next: ProfileList, name: string) => {
    replace(next);
    const profile = next.profiles.find((candidate) => candidate.name === name);
    setAdding(false);
    setNotice(profile ? { kind: 'added', profile } : null);
    focusNext.current = 'notice';
  };

  const removed = (next: ProfileList, profile: Profile) => {
    // The console was on that tenant: it starts afresh on the one main made active.
    if (next.activeId !== list.activeId) return reloadAtDashboard();
    replace(next);
    setNotice({ kind: 'removed', name: profile.name });
    focusNext.current = 'notice';
  };

  return (
    <div className={styles.root}>
      {notice !== null && (
        <div ref={noticeRef} tabIndex={-1} className={styles.notice} aria-live="polite">
          {notice.kind === 'added' ? (
            <AddedNotice profile={notice.profile} />
          ) : (
            <MessageBar intent="success">
              <MessageBarBody>{t('tenants.removed', { name: notice.name })}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}
      <ProfileTable list={list} onRenamed={replace} onRemoved={removed} />
      {ownTenants.length === 0 && <EmptyState icon={BuildingMultiple24Regular} message={t('tenants.noOwnTenant')} />}
      {adding ? (
        <section className={mergeClasses(card.section, styles.add)} aria-labelledby={addTitleId}>
          <Subtitle1 as="h2" id={addTitleId} className={card.title}>
            {t('tenants.addTitle')}
          </Subtitle1>
          <Body1>{t('tenants.addIntro')}</Body1>
          <div className={styles.columns}>
            <div className={styles.form} ref={firstField}>
              <AddTenantForm
                titleId={addTitleId}
                onAdded={added}
                onCancel={() => {
                  setAdding(false);
                  focusNext.current = 'add';
                }}
              />
            </div>
            <div className={styles.steps}>
              <AppRegistrationSteps />
            </div>
          </div>
        </section>
      ) : (
        <Button
          id={addButtonId}
          appearance="primary"
          icon={<AddRegular />}
          onClick={() => {
            setAdding(true);
            setNotice(null);
            focusNext.current = 'form';
          }}
        >
          {t('tenants.add')}
        </Button>
      )}
    </div>
  );
}

/** Tenants: the profiles on this computer; add a real tenant (with the steps to prepare it), rename, remove. */
export function TenantsScreen() {
  const { state, reload } = useProfiles();
  return (
    <Loaded state={state} reload={reload}>
      {(list) => <Tenants list={list} />}
    </Loaded>
  );
}

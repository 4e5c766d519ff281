import { Button, makeStyles, MessageBar, MessageBarBody, Subtitle1, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { DeleteRegular, ErrorCircleRegular, WarningRegular } from '@fluentui/react-icons';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { intuneConnectorSchema, type IntuneConnectorSettings } from '../../../shared/config/configuration-schema';
import { ENROLLS_NOTHING, type GroupCheck, type RemovalImpactView, type SavedGroupChecks } from '../../../shared/ipc';
import { useApi } from '../../api/api-context';
import { useHashQuery } from '../../app/use-hash-route';
import { check, failureOf } from '../../forms/errors';
import { ConfirmDialog } from '../../forms/ConfirmDialog';
import { formatList } from '../../forms/format';
import { SaveBar } from '../../forms/SaveBar';
import { useSubmission } from '../../forms/use-submission';
import { ConnectionTab } from './ConnectionTab';
import { CONNECTOR_TABS, draftOf, isShown, requestOf, tabOf, type ConnectorDraft, type ConnectorTab } from './connector-draft';
import { EnrollmentTab, type DirectoryState } from './EnrollmentTab';
import { ErrorManagementTab } from './ErrorManagementTab';
import { StateSyncTab } from './StateSyncTab';
import { SmtpServerSection } from './SmtpServerSection';
import { useSmtpServer } from './use-smtp-server';
import { useUnsavedChanges } from '../../app/unsaved-changes';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  title: { margin: 0, flex: 1 },
  muted: { color: tokens.colorNeutralForeground3 },
  // Tall enough for the tallest short tab, so switching tabs does not move the Save bar up and down.
  panel: { minHeight: '240px', paddingTop: tokens.spacingVerticalS, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL },
  tabError: { color: tokens.colorPaletteRedForeground1 },
  tabWarning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

const enrollsNothing = (check: GroupCheck): boolean => (ENROLLS_NOTHING as readonly string[]).includes(check.status);

/** A save whose groups include some that enroll nobody, waiting for the admin to confirm. */
interface PendingNothing {
  checks: GroupCheck[];
  connector: IntuneConnectorSettings;
}

const TAB_LABELS = {
  connection: 'connectors.tabConnection',
  enrollment: 'connectors.tabEnrollment',
  stateSync: 'connectors.tabStateSync',
  errors: 'connectors.tabErrors',
} as const satisfies Record<ConnectorTab, string>;

/** A save that removes enrollment groups, waiting for the admin to confirm what the removal deactivates. */
interface PendingRemoval {
  names: string[];
  /** How many devices of how many users would be deactivated; null when that could not be worked out. */
  impact: RemovalImpactView | null;
  /** Why not, when impact is null. */
  reason: string | null;
  connector: IntuneConnectorSettings;
}

export interface ConnectorFormProps {
  /** The saved connector, or null while a new one is being added. */
  saved: IntuneConnectorSettings | null;
  onSaved: (connector: IntuneConnectorSettings) => void;
  onCancel: () => void;
  onDeleted: () => void;
}

function tabFromQuery(query: string): ConnectorTab {
  const named = new URLSearchParams(query).get('tab');
  return CONNECTOR_TABS.find((tab) => tab === named) ?? 'connection';
}

/** The Intune connector in four tabs; Save sends the whole connector, and nothing is kept unless every field is valid. */
export function ConnectorForm({ saved, onSaved, onCancel, onDeleted }: ConnectorFormProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const styles = useStyles();
  const ids = useId();
  const smtp = useSmtpServer();
  const [removal, setRemoval] = useState<PendingRemoval | null>(null);
  const [askingImpact, setAskingImpact] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const removalAsked = useRef(false);
  // The removal dialog had no trigger to hand focus back to: it goes back to Save once the dialog is gone.
  useEffect(() => {
    if (removal !== null) removalAsked.current = true;
    else if (removalAsked.current) {
      removalAsked.current = false;
      formRef.current?.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
    }
  }, [removal]);
  const [draft, setDraft] = useState<ConnectorDraft>(() => draftOf(saved));
  // A link can name the tab to open (#/system/connectors?tab=stateSync), as What to do next does.
  const query = useHashQuery();
  const [tab, setTab] = useState<ConnectorTab>(() => tabFromQuery(query));
  const [directory, setDirectory] = useState<DirectoryState>({ checks: new Map(), preview: null, busy: null, error: null });
  const [savedChecks, setSavedChecks] = useState<SavedGroupChecks | null>(null);
  const [nothing, setNothing] = useState<PendingNothing | null>(null);
  const applySavedChecks = (stored: SavedGroupChecks | null) => {
    setSavedChecks(stored);
    if (stored) setDirectory((current) => ({ ...current, checks: new Map([...stored.results.map((r) => [r.name, r] as const), ...current.checks]) }));
  };
  const loadSavedChecks = () => api['enrollment.groupChecks']().then(applySavedChecks, () => applySavedChecks(null));
  const hasSaved = saved !== null;
  useEffect(() => {
    // Loaded once per opened connector; a save loads them again.
    if (hasSaved) api['enrollment.groupChecks']().then(applySavedChecks, () => applySavedChecks(null));
  }, [api, hasSaved]);
  const savedNothing = savedChecks?.results.filter(enrollsNothing) ?? [];
  const submission = useSubmission();
  useUnsavedChanges(submission.unsaved);
  const errors = submission.failure.fields;
  const tabsWithErrors = new Set(
    Object.keys(errors)
      .filter((field) => isShown(field, draft))
      .map(tabOf),
  );

  const update = <K extends keyof ConnectorDraft>(field: K, value: ConnectorDraft[K], contractField: string = field) => {
    setDraft((current) => ({ ...current, [field]: value }));
    submission.edited(contractField);
  };

  const showFirstTabWithErrors = (fields: Readonly<Record<string, string>>, current: ConnectorDraft) => {
    const withErrors = new Set(
      Object.keys(fields)
        .filter((field) => isShown(field, current))
        .map(tabOf),
    );
    if (withErrors.has(tab)) return;
    const first = CONNECTOR_TABS.find((candidate) => withErrors.has(candidate));
    if (first) setTab(first);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const checked = check(intuneConnectorSchema, requestOf(draft));
    if (!checked.ok) {
      submission.fail(checked.failure);
      showFirstTabWithErrors(checked.failure.fields, draft);
      return;
    }
    // Groups that enroll nobody are named before anything is saved; a directory that cannot be asked does not block the save.
    setAskingImpact(true);
    try {
      const { results } = await api['groups.validate']({ names: checked.value.enrollmentGroups });
      setDirectory((current) => ({ ...current, checks: new Map([...current.checks, ...results.map((r) => [r.name, r] as const)]) }));
      const bad = results.filter(enrollsNothing);
      if (bad.length > 0) {
        setNothing({ checks: bad, connector: checked.value });
        return;
      }
    } catch {
      // The save records that the groups could not be checked.
    } finally {
      setAskingImpact(false);
    }
    return confirmRemoval(checked.value);
  };

  const confirmRemoval = async (connector: IntuneConnectorSettings) => {
    const checked = { value: connector };
    const dropped = saved === null ? [] : saved.enrollmentGroups.filter((name) => !checked.value.enrollmentGroups.includes(name));
    if (dropped.length === 0) return store(checked.value);
    // Users in none of the remaining groups lose their devices: the admin confirms with the count first.
    setAskingImpact(true);
    try {
      const impact = await api['enrollment.removalImpact']({ names: dropped });
      setRemoval({ names: dropped, impact, reason: null, connector: checked.value });
    } catch (error) {
      const failure = failureOf(error);
      setRemoval({ names: dropped, impact: null, reason: failure.message ?? Object.values(failure.fields).join(' '), connector: checked.value });
    } finally {
      setAskingImpact(false);
    }
  };

  const store = async (connector: IntuneConnectorSettings) => {
    const result = await submission.run(() => api['connector.save'](connector));
    if (result.ok) {
      onSaved(result.value);
      await loadSavedChecks();
    }
    // The server's messages may point at another tab.
    else showFirstTabWithErrors(result.failure.fields, draft);
  };

  const removalBody = (pending: PendingRemoval): string => {
    const names = formatList(
      pending.names.map((name) => t('connectors.groupQuoted', { name })),
      i18n.language,
    );
    if (pending.impact === null) return t('connectors.removalBodyUnknown', { names, reason: pending.reason ?? '' });
    return t('connectors.removalBody', {
      names,
      devices: t('connectors.removalDevices', { count: pending.impact.devices }),
      users: t('connectors.removalUsers', { count: pending.impact.users }),
    });
  };

  const reasonOf = (check: GroupCheck): string => {
    switch (check.status) {
      case 'unknown':
        return t('connectors.groupUnknown');
      case 'ambiguous':
        return t('connectors.groupAmbiguous', { count: check.matchingGroupIds?.length ?? 0 });
      case 'notSecurityGroup':
        return t('connectors.groupNotSecurity');
      default:
        return t('connectors.groupCaseMismatch');
    }
  };
  const nothingBody = (pending: PendingNothing): string =>
    [t('connectors.nothingIntro'), ...pending.checks.map((check) => t('connectors.nothingLine', { name: check.name, reason: reasonOf(check) })), t('connectors.nothingQuestion')].join(' ');

  const askDirectory = async (kind: 'checking' | 'previewing', names: string[]) => {
    setDirectory((current) => ({ ...current, busy: kind, error: null }));
    try {
      if (kind === 'checking') {
        const { results } = await api['groups.validate']({ names });
        setDirectory((current) => ({ ...current, busy: null, checks: new Map([...current.checks, ...results.map((r) => [r.name, r] as const)]) }));
      } else {
        const result = await api['enrollment.preview']({ names });
        setDirectory((current) => ({
          ...current,
          busy: null,
          preview: { names, result },
          checks: new Map([...current.checks, ...result.groups.map((r) => [r.name, r] as const)]),
        }));
      }
    } catch (error) {
      const failure = failureOf(error);
      setDirectory((current) => ({ ...current, busy: null, error: failure.message ?? Object.values(failure.fields).join(' ') }));
    }
  };

  const applySpelling = (index: number, spelling: string) => {
    const groups = draft.enrollmentGroups.map((name, i) => (i === index ? spelling : name));
    update('enrollmentGroups', groups);
    void askDirectory('checking', groups);
  };

  const deleteConnector = async () => {
    await api['connector.delete']();
    onDeleted();
  };

  const placed = (field: string) => isShown(field, draft);
  const stateSyncOff = !draft.deviceStatus || !draft.threatStatus;

  return (
    <section className={styles.form} aria-labelledby={`${ids}-title`}>
      <div className={styles.header}>
        <Subtitle1 as="h2" id={`${ids}-title`} className={styles.title}>
          {t('connectors.formTitle')}
        </Subtitle1>
        {saved === null ? (
          <Text className={styles.muted}>{t('connectors.newFormHint')}</Text>
        ) : (
          <ConfirmDialog
            trigger={<Button icon={<DeleteRegular />}>{t('connectors.delete')}</Button>}
            title={t('connectors.deleteTitle')}
            body={t('connectors.deleteBody')}
            confirmLabel={t('connectors.deleteConfirm')}
            onConfirm={deleteConnector}
          />
        )}
      </div>
      {stateSyncOff && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('connectors.stateSyncWarning')}</MessageBarBody>
        </MessageBar>
      )}
      <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as ConnectorTab)} aria-label={t('connectors.tabsLabel')}>
        {CONNECTOR_TABS.map((value) => (
          <Tab
            key={value}
            id={`${ids}-tab-${value}`}
            value={value}
            aria-controls={`${ids}-panel`}
            icon={
              tabsWithErrors.has(value) ? (
                <ErrorCircleRegular className={styles.tabError} aria-label={t('connectors.tabHasErrors', { tab: t(TAB_LABELS[value]) })} />
              ) : value === 'enrollment' && savedNothing.length > 0 ? (
                <WarningRegular className={styles.tabWarning} role="img" aria-label={t('connectors.tabEnrollsNothing', { count: savedNothing.length })} />
              ) : null
            }
          >
            {t(TAB_LABELS[value])}
          </Tab>
        ))}
      </TabList>
      <div id={`${ids}-panel`} role="tabpanel" aria-labelledby={`${ids}-tab-${tab}`} className={styles.panel}>
        <form ref={formRef} className={styles.form} onSubmit={(event) => void save(event)} noValidate>
            {tab === 'connection' && (
              <ConnectionTab heartbeatMinutes={draft.heartbeatMinutes} errors={errors} onChange={(value) => update('heartbeatMinutes', value)} />
            )}
            {tab === 'enrollment' && (
              <EnrollmentTab
                groups={draft.enrollmentGroups}
                newDeviceCheckMinutes={draft.newDeviceCheckMinutes}
                errors={errors}
                directory={directory}
                checkedAt={savedChecks?.checkedAt ?? null}
                onGroupsChange={(groups) => update('enrollmentGroups', groups)}
                onIntervalChange={(value) => update('newDeviceCheckMinutes', value)}
                onUseSpelling={applySpelling}
                onCheck={() => void askDirectory('checking', draft.enrollmentGroups)}
                onPreview={() => void askDirectory('previewing', draft.enrollmentGroups)}
              />
            )}
            {tab === 'stateSync' && (
              <StateSyncTab
                deviceStatus={draft.deviceStatus}
                threatStatus={draft.threatStatus}
                errors={errors}
                onChange={(field, on) => update(field, on, `stateSync.${field}`)}
              />
            )}
            {tab === 'errors' && (
              <ErrorManagementTab recipients={draft.errorReportRecipients} errors={errors} onChange={(list) => update('errorReportRecipients', list)} />
            )}
          {nothing && (
            <ConfirmDialog
              open
              onClose={() => setNothing(null)}
              title={t('connectors.nothingTitle', { count: nothing.checks.length })}
              body={nothingBody(nothing)}
              confirmLabel={t('connectors.nothingConfirm')}
              onConfirm={async () => {
                const pending = nothing;
                setNothing(null);
                await confirmRemoval(pending.connector);
              }}
            />
          )}
          {removal && (
            <ConfirmDialog
              open
              onClose={() => setRemoval(null)}
              title={t('connectors.removalTitle', { count: removal.names.length })}
              body={removalBody(removal)}
              confirmLabel={t('connectors.removalConfirm')}
              onConfirm={() => store(removal.connector)}
            />
          )}
          <SaveBar submission={{ ...submission, saving: submission.saving || askingImpact }} isShown={placed}>
            {saved === null && (
              <Button disabled={submission.saving} onClick={onCancel}>
                {t('common.cancel')}
              </Button>
            )}
          </SaveBar>
        </form>
        {/* A card and form of its own beside the connector's: it saves apart from the connector. */}
        {tab === 'errors' && <SmtpServerSection smtp={smtp} />}
      </div>
    </section>
  );
}

import { Button, makeStyles, MessageBar, MessageBarBody, Subtitle1, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { DeleteRegular, ErrorCircleRegular } from '@fluentui/react-icons';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { intuneConnectorSchema, type IntuneConnectorSettings } from '../../../shared/config/configuration-schema';
import { useApi } from '../../api/api-context';
import { check, failureOf } from '../../forms/errors';
import { ConfirmDialog } from '../../forms/ConfirmDialog';
import { SaveBar } from '../../forms/SaveBar';
import { useSubmission } from '../../forms/use-submission';
import { ConnectionTab } from './ConnectionTab';
import { CONNECTOR_TABS, draftOf, isShown, requestOf, tabOf, type ConnectorDraft, type ConnectorTab } from './connector-draft';
import { EnrollmentTab, type DirectoryState } from './EnrollmentTab';
import { ErrorManagementTab } from './ErrorManagementTab';
import { StateSyncTab } from './StateSyncTab';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  title: { margin: 0, flex: 1 },
  muted: { color: tokens.colorNeutralForeground3 },
  // Tall enough for the tallest short tab, so switching tabs does not move the Save bar up and down.
  panel: { minHeight: '240px', paddingTop: tokens.spacingVerticalS },
  tabError: { color: tokens.colorPaletteRedForeground1 },
});

const TAB_LABELS = {
  connection: 'connectors.tabConnection',
  enrollment: 'connectors.tabEnrollment',
  stateSync: 'connectors.tabStateSync',
  errors: 'connectors.tabErrors',
} as const satisfies Record<ConnectorTab, string>;

export interface ConnectorFormProps {
  /** The saved connector, or null while a new one is being added. */
  saved: IntuneConnectorSettings | null;
  onSaved: (connector: IntuneConnectorSettings) => void;
  onCancel: () => void;
  onDeleted: () => void;
}

/** The Intune connector in four tabs; Save sends the whole connector, and nothing is kept unless every field is valid. */
export function ConnectorForm({ saved, onSaved, onCancel, onDeleted }: ConnectorFormProps) {
  const { t } = useTranslation();
  const api = useApi();
  const styles = useStyles();
  const ids = useId();
  const [draft, setDraft] = useState<ConnectorDraft>(() => draftOf(saved));
  const [tab, setTab] = useState<ConnectorTab>('connection');
  const [directory, setDirectory] = useState<DirectoryState>({ checks: new Map(), preview: null, busy: null, error: null });
  const submission = useSubmission();
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
    const result = await submission.run(() => api['connector.save'](checked.value));
    if (result.ok) onSaved(result.value);
    // The server's messages may point at another tab.
    else showFirstTabWithErrors(result.failure.fields, draft);
  };

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
    <form className={styles.form} onSubmit={(event) => void save(event)} noValidate aria-labelledby={`${ids}-title`}>
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
              ) : null
            }
          >
            {t(TAB_LABELS[value])}
          </Tab>
        ))}
      </TabList>
      <div id={`${ids}-panel`} role="tabpanel" aria-labelledby={`${ids}-tab-${tab}`} className={styles.panel}>
        {tab === 'connection' && (
          <ConnectionTab heartbeatMinutes={draft.heartbeatMinutes} errors={errors} onChange={(value) => update('heartbeatMinutes', value)} />
        )}
        {tab === 'enrollment' && (
          <EnrollmentTab
            groups={draft.enrollmentGroups}
            newDeviceCheckMinutes={draft.newDeviceCheckMinutes}
            errors={errors}
            directory={directory}
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
      </div>
      <SaveBar submission={submission} isShown={placed}>
        {saved === null && (
          <Button disabled={submission.saving} onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </SaveBar>
    </form>
  );
}

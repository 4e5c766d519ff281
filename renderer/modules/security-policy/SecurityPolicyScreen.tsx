import { Body1, Button, Field, makeStyles, MessageBar, MessageBarBody, SearchBox, tokens } from '@fluentui/react-components';
import { ArrowResetRegular } from '@fluentui/react-icons';
import { useCallback, useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { THREAT_TYPES } from '../../../shared/domain/threat-classifications';
import { channels, isAllowed, type ClassificationRow, type Role } from '../../../shared/ipc';
import { useApi } from '../../api/api-context';
import { ConfirmDialog } from '../../forms/ConfirmDialog';
import { Loaded } from '../../forms/Loaded';
import { useLoad } from '../../forms/use-load';
import { useRole } from '../../session/session-context';
import { ClassificationGroup } from './ClassificationGroup';
import { ClassificationReview } from './ClassificationReview';
import { useLevelChange } from './use-level-change';

const LOAD_KEY = ['classifications.list'] as const;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  toolbar: { display: 'flex', alignItems: 'flex-end', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  search: { width: '320px' },
  summary: { flex: 1, color: tokens.colorNeutralForeground2 },
  // One message bar's height, reserved so the tables do not jump when a message comes or goes.
  status: { minHeight: '36px' },
});

/** "root jail" finds ROOT_JAILBREAK: case and underscores do not matter. */
function matches(row: ClassificationRow, query: string): boolean {
  const normalize = (text: string) => text.toLowerCase().replaceAll('_', ' ').trim();
  return normalize(row.classification).includes(normalize(query));
}

interface ClassificationEditorProps {
  rows: readonly ClassificationRow[];
  onRows: (rows: ClassificationRow[]) => void;
  /** The signed-in role; a role the contract does not let change levels gets a read-only view. */
  role: Role | null;
}

function ClassificationEditor({ rows, onRows, role }: ClassificationEditorProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const { pending, status, question, request, confirm, cancel } = useLevelChange(onRows);
  const readOnly = !isAllowed(channels['classifications.setLevel'].access, role);

  const changed = rows.filter((row) => row.level !== row.defaultLevel).length;
  const visible = rows.filter((row) => matches(row, deferredQuery));
  return (
    <div className={styles.root}>
      <div className={styles.toolbar}>
        <Field label={t('securityPolicy.search')}>
          <SearchBox className={styles.search} value={query} onChange={(_, data) => setQuery(data.value)} />
        </Field>
        <Body1 className={styles.summary}>{t('securityPolicy.changedCount', { count: changed })}</Body1>
        {!readOnly && (
          <Button icon={<ArrowResetRegular />} disabled={changed === 0} onClick={() => request({ kind: 'reset' })}>
            {t('securityPolicy.reset')}
          </Button>
        )}
        {question && (
          <ConfirmDialog
            open
            onClose={cancel}
            title={
              question.change.kind === 'level'
                ? t('securityPolicy.changeTitle', { classification: question.change.classification, level: t(`securityPolicy.levels.${question.change.level}`) })
                : t('securityPolicy.resetTitle')
            }
            body={[
              ...(question.change.kind === 'reset' ? [t('securityPolicy.resetBody')] : []),
              t('securityPolicy.impactDevices', { count: question.impact.devices }),
              t('securityPolicy.impactCompliance', { count: question.impact.compliance }),
              t('securityPolicy.impactThreats', { count: question.impact.threats }),
            ].join(' ')}
            confirmLabel={question.change.kind === 'level' ? t('securityPolicy.changeConfirm') : t('securityPolicy.resetConfirm')}
            onConfirm={confirm}
          />
        )}
      </div>
      {!readOnly && <ClassificationReview />}
      {readOnly && role !== null && (
        <MessageBar intent="info">
          <MessageBarBody>{t('securityPolicy.readOnly', { role: t(`session.roles.${role}`) })}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.status} aria-live="polite">
        {status && (
          <MessageBar intent={status.intent}>
            <MessageBarBody>{status.message}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {visible.length === 0 && <Body1>{t('securityPolicy.noMatch', { query: deferredQuery })}</Body1>}
      {THREAT_TYPES.map((type) => {
        const group = visible.filter((row) => row.type === type);
        return group.length === 0 ? null : (
          <ClassificationGroup
            key={type}
            type={type}
            rows={group}
            pending={pending}
            readOnly={readOnly}
            onLevel={(classification, level) => request({ kind: 'level', classification, level })}
          />
        );
      })}
    </div>
  );
}

/** Security Policy: each threat classification's risk level, grouped by type, with reset to defaults. */
export function SecurityPolicyScreen() {
  const api = useApi();
  const role = useRole();
  const load = useCallback(() => api['classifications.list'](), [api]);
  const { state, reload, replace } = useLoad(LOAD_KEY, load);
  return (
    <Loaded state={state} reload={reload}>
      {(list) => <ClassificationEditor rows={list.classifications} role={role} onRows={(classifications) => replace({ classifications })} />}
    </Loaded>
  );
}

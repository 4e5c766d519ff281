import { Body1, Button, Field, makeStyles, MessageBar, MessageBarBody, SearchBox, tokens } from '@fluentui/react-components';
import { ArrowResetRegular } from '@fluentui/react-icons';
import { useCallback, useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { THREAT_TYPES, type RiskLevel } from '../../../shared/domain/threat-classifications';
import { channels, isAllowed, type ClassificationRow, type Role } from '../../../shared/ipc';
import { useApi } from '../../api/api-context';
import { ConfirmDialog } from '../../forms/ConfirmDialog';
import { failureOf } from '../../forms/errors';
import { Loaded } from '../../forms/Loaded';
import { useLoad } from '../../forms/use-load';
import { useRole } from '../../session/session-context';
import { ClassificationGroup } from './ClassificationGroup';
import { ClassificationReview } from './ClassificationReview';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  toolbar: { display: 'flex', alignItems: 'flex-end', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  search: { width: '320px' },
  summary: { flex: 1, color: tokens.colorNeutralForeground2 },
  // One message bar's height, reserved so the tables do not jump when a message comes or goes.
  status: { minHeight: '36px' },
});

type Status = { intent: 'success' | 'error'; message: string } | null;

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
  const api = useApi();
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [pending, setPending] = useState<ReadonlyMap<string, RiskLevel>>(new Map());
  const [status, setStatus] = useState<Status>(null);
  const readOnly = !isAllowed(channels['classifications.setLevel'].access, role);

  const setLevel = async (classification: string, level: RiskLevel) => {
    setPending((current) => new Map(current).set(classification, level));
    setStatus(null);
    try {
      const { classifications } = await api['classifications.setLevel']({ classification, level });
      onRows(classifications);
      setStatus({ intent: 'success', message: t('securityPolicy.levelSaved', { classification, level: t(`securityPolicy.levels.${level}`) }) });
    } catch (error) {
      const failure = failureOf(error);
      setStatus({ intent: 'error', message: failure.message ?? Object.values(failure.fields).join(' ') });
    } finally {
      setPending((current) => {
        if (current.get(classification) !== level) return current;
        const next = new Map(current);
        next.delete(classification);
        return next;
      });
    }
  };

  const reset = async () => {
    const { classifications } = await api['classifications.reset']();
    onRows(classifications);
    setStatus({ intent: 'success', message: t('securityPolicy.resetDone') });
  };

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
          <ConfirmDialog
            trigger={
              <Button icon={<ArrowResetRegular />} disabled={changed === 0}>
                {t('securityPolicy.reset')}
              </Button>
            }
            title={t('securityPolicy.resetTitle')}
            body={t('securityPolicy.resetBody')}
            confirmLabel={t('securityPolicy.resetConfirm')}
            onConfirm={reset}
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
            onLevel={(classification, level) => void setLevel(classification, level)}
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
  const { state, reload, replace } = useLoad(load);
  return (
    <Loaded state={state} reload={reload}>
      {(list) => <ClassificationEditor rows={list.classifications} role={role} onRows={(classifications) => replace({ classifications })} />}
    </Loaded>
  );
}

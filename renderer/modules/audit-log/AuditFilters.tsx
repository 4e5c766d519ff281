import { Button, Dropdown, Field, Input, makeStyles, Option, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS } from '../../../shared/ipc';
import { ACTION_LABELS, isFiltered, NO_FILTER, type FilterDraft } from './audit-format';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalL },
  action: { minWidth: '200px' },
  actor: { width: '220px' },
  date: { width: '160px' },
  clear: { marginTop: '26px' },
});

export function AuditFilters({ draft, onChange }: { draft: FilterDraft; onChange: (draft: FilterDraft) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const set = <K extends keyof FilterDraft>(key: K, value: FilterDraft[K]) => onChange({ ...draft, [key]: value });
  const actionLabel = draft.action === '' ? t('auditLog.allActions') : t(ACTION_LABELS[draft.action]);
  return (
    <div className={styles.root} role="search" aria-label={t('auditLog.filters')}>
      <Field label={t('auditLog.action')}>
        <Dropdown
          className={styles.action}
          value={actionLabel}
          selectedOptions={[draft.action]}
          onOptionSelect={(_, data) => set('action', (data.optionValue ?? '') as FilterDraft['action'])}
        >
          <Option value="">{t('auditLog.allActions')}</Option>
          {AUDIT_ACTIONS.map((action) => (
            <Option key={action} value={action}>
              {t(ACTION_LABELS[action])}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t('auditLog.actor')} hint={t('auditLog.actorHint')}>
        <Input className={styles.actor} value={draft.actor} onChange={(_, data) => set('actor', data.value)} />
      </Field>
      <Field label={t('auditLog.from')}>
        <Input className={styles.date} type="date" value={draft.from} max={draft.to || undefined} onChange={(_, data) => set('from', data.value)} />
      </Field>
      <Field label={t('auditLog.to')}>
        <Input className={styles.date} type="date" value={draft.to} min={draft.from || undefined} onChange={(_, data) => set('to', data.value)} />
      </Field>
      <Button className={styles.clear} appearance="subtle" icon={<DismissRegular />} disabled={!isFiltered(draft)} onClick={() => onChange(NO_FILTER)}>
        {t('auditLog.clearFilters')}
      </Button>
    </div>
  );
}

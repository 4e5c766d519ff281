import { Button, Caption1, Field, Input, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { enrollmentGroupsSchema, LIMITS } from '../../../shared/config/configuration-schema';
import type { EnrollmentPreview, GroupCheck } from '../../../shared/ipc';
import type { FieldErrors } from '../../forms/errors';
import { fieldState } from '../../forms/field-state';
import { useFormStyles } from '../../forms/form-styles';
import { ListEditor } from '../../forms/ListEditor';
import { EnrollmentPreviewPanel } from './EnrollmentPreviewPanel';
import { GroupCheckDetails } from './GroupCheckDetails';
import { GroupPicker } from '../directory/GroupPicker';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  note: { color: tokens.colorNeutralForeground3 },
});

export interface DirectoryState {
  /** The directory's verdict per typed name, from the last check or preview. */
  checks: ReadonlyMap<string, GroupCheck>;
  preview: { names: readonly string[]; result: EnrollmentPreview } | null;
  busy: 'checking' | 'previewing' | null;
  error: string | null;
}

export interface EnrollmentTabProps {
  groups: readonly string[];
  newDeviceCheckMinutes: string;
  errors: FieldErrors;
  directory: DirectoryState;
  /** When the saved groups were last checked against the directory (at save). */
  checkedAt: string | null;
  onGroupsChange: (groups: string[]) => void;
  onIntervalChange: (value: string) => void;
  onUseSpelling: (index: number, spelling: string) => void;
  onCheck: () => void;
  onPreview: () => void;
}

const sameNames = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((name, i) => name === b[i]);

export function EnrollmentTab(props: EnrollmentTabProps) {
  const { groups, newDeviceCheckMinutes, errors, directory } = props;
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const form = useFormStyles();
  const noGroups = groups.length === 0;
  return (
    <div className={styles.root}>
      <ListEditor
        field="enrollmentGroups"
        items={groups}
        onChange={props.onGroupsChange}
        schema={enrollmentGroupsSchema}
        errors={errors}
        inputLabel={t('connectors.groupName')}
        inputHint={t('connectors.groupNameHint', LIMITS.enrollmentGroups)}
        addLabel={t('connectors.addGroup')}
        listLabel={t('connectors.groupsList')}
        emptyText={t('connectors.noGroups')}
        renderInput={(field) => (
          <GroupPicker id={field.id} value={field.value} onChange={field.onChange} onPick={(group) => field.onChange(group.displayName)} onEnter={field.onEnter} />
        )}
        details={(name, index) => <GroupCheckDetails check={directory.checks.get(name)} onUse={(spelling) => props.onUseSpelling(index, spelling)} />}
      />
      <Caption1 className={styles.note}>{t('connectors.nestedNote')}</Caption1>
      {props.checkedAt !== null && <Caption1 className={styles.note}>{t('connectors.checkedAt', { time: new Date(props.checkedAt).toLocaleString(i18n.language) })}</Caption1>}
      <div className={styles.actions}>
        <Button disabled={noGroups || directory.busy !== null} icon={directory.busy === 'checking' ? <Spinner size="tiny" /> : null} onClick={props.onCheck}>
          {t('connectors.checkGroups')}
        </Button>
        <Button
          disabled={noGroups || directory.busy !== null}
          icon={directory.busy === 'previewing' ? <Spinner size="tiny" /> : null}
          onClick={props.onPreview}
        >
          {t('connectors.preview')}
        </Button>
      </div>
      {directory.error !== null && (
        <MessageBar intent="error">
          <MessageBarBody>{directory.error}</MessageBarBody>
        </MessageBar>
      )}
      {directory.preview && <EnrollmentPreviewPanel preview={directory.preview.result} stale={!sameNames(directory.preview.names, groups)} />}
      <Field
        className={form.field}
        label={t('connectors.checkInterval')}
        hint={t('common.rangeMinutes', LIMITS.newDeviceCheckMinutes)}
        required
        {...fieldState(errors, 'newDeviceCheckMinutes')}
      >
        <Input className={form.narrow} inputMode="numeric" value={newDeviceCheckMinutes} onChange={(_, data) => props.onIntervalChange(data.value)} />
      </Field>
    </div>
  );
}

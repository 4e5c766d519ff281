import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { accessSchema, type ResolvedGroupView, type SystemSettings } from '../../../shared/ipc';
import { GroupPicker } from '../directory/GroupPicker';
import { GroupIdFacts } from './GroupIdFacts';
import { useApi } from '../../api/api-context';
import { check } from '../../forms/errors';
import { fieldState } from '../../forms/field-state';
import { useFormStyles } from '../../forms/form-styles';
import { Loaded } from '../../forms/Loaded';
import { SaveBar } from '../../forms/SaveBar';
import { useLoad } from '../../forms/use-load';
import { useSubmission } from '../../forms/use-submission';
import { ConsentStatus } from './ConsentStatus';
import { TenantConnectionSection } from './TenantConnectionSection';
import { useUnsavedChanges } from '../../app/unsaved-changes';

const LOAD_KEY = ['settings.get'] as const;

const FIELDS = ['tenantId', 'fullAccessGroupId', 'restrictedAccessGroupId'] as const;
type AccessField = (typeof FIELDS)[number];
type Draft = Record<AccessField, string>;
const GROUP_FIELDS: readonly AccessField[] = ['fullAccessGroupId', 'restrictedAccessGroupId'];
const NO_GROUPS: ReadonlyMap<string, ResolvedGroupView> = new Map();
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const useStyles = makeStyles({
  guid: { fontFamily: tokens.fontFamilyMonospace },
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

function draftOf(settings: SystemSettings): Draft {
  return {
    tenantId: settings.access?.tenantId ?? '',
    fullAccessGroupId: settings.access?.fullAccessGroupId ?? '',
    restrictedAccessGroupId: settings.access?.restrictedAccessGroupId ?? '',
  };
}

/** What the admin typed, as the contract wants it: empty fields are absent, so a missing one reads "is required". */
function requestOf(draft: Draft): Partial<Draft> {
  const request: Partial<Draft> = {};
  for (const field of FIELDS) if (draft[field].trim() !== '') request[field] = draft[field].trim();
  return request;
}

function AccessForm({ settings }: { settings: SystemSettings }) {
  const { t } = useTranslation();
  const api = useApi();
  const styles = useStyles();
  const form = useFormStyles();
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const submission = useSubmission();
  useUnsavedChanges(submission.unsaved);
  const errors = submission.failure.fields;
  // The saved ids' groups, looked up once and again after each save.
  const [savedIds, setSavedIds] = useState<string[]>(() => GROUP_FIELDS.map((field) => draftOf(settings)[field]).filter((id) => GUID.test(id)));
  const resolved = useQuery({
    queryKey: ['directory.resolveGroups', savedIds],
    queryFn: () => api['directory.resolveGroups']({ ids: savedIds }),
    enabled: savedIds.length > 0,
    gcTime: 0,
    placeholderData: keepPreviousData,
    select: (result): ReadonlyMap<string, ResolvedGroupView> => new Map(result.groups.map((group) => [group.id.toLowerCase(), group] as const)),
  });
  const groups = resolved.data ?? NO_GROUPS;

  const set = (field: AccessField, value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    submission.edited(field);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const checked = check(accessSchema, requestOf(draft));
    if (!checked.ok) return submission.fail(checked.failure);
    const result = await submission.run(() => api['access.save'](checked.value));
    if (result.ok) setSavedIds([result.value.fullAccessGroupId, result.value.restrictedAccessGroupId].filter((id): id is string => id !== undefined));
  };

  const labels: Record<AccessField, { label: string; hint: string; required: boolean }> = {
    tenantId: { label: t('access.tenantId'), hint: t('access.tenantIdHint'), required: true },
    fullAccessGroupId: { label: t('access.fullAccessGroupId'), hint: t('access.fullAccessGroupIdHint'), required: true },
    restrictedAccessGroupId: { label: t('access.restrictedAccessGroupId'), hint: t('access.restrictedAccessGroupIdHint'), required: false },
  };
  const placed = (field: string) => (FIELDS as readonly string[]).includes(field);

  return (
    <form className={form.form} onSubmit={(event) => void save(event)} noValidate>
      {FIELDS.map((field) => (
        <div key={field} className={styles.group}>
        <Field
          key={field}
          className={form.field}
          label={labels[field].label}
          hint={labels[field].hint}
          required={labels[field].required}
          {...fieldState(errors, field)}
        >
          {field === 'tenantId' ? (
            <Input className={styles.guid} value={draft[field]} spellCheck={false} autoComplete="off" onChange={(_, data) => set(field, data.value)} />
          ) : (
            <GroupPicker
              className={styles.guid}
              value={draft[field]}
              showIds
              // A GUID is already an id; a name is looked up.
              searchable={(text) => !GUID.test(text.trim())}
              onChange={(value) => set(field, value)}
              onPick={(group) => set(field, group.id)}
            />
          )}
        </Field>
        {field !== 'tenantId' && savedIds.includes(draft[field].trim()) && <GroupIdFacts group={groups.get(draft[field].trim().toLowerCase())} />}
        </div>
      ))}
      <ConsentStatus consent={settings.consent} />
      <SaveBar submission={submission} isShown={placed} />
    </form>
  );
}

/** System > Access: the tenant, the two access groups, whether consent was granted, and the tenant's connection. */
export function AccessScreen() {
  const api = useApi();
  const styles = useStyles();
  const load = useCallback(() => api['settings.get'](), [api]);
  const { state, reload } = useLoad(LOAD_KEY, load);
  return (
    <div className={styles.page}>
      <Loaded state={state} reload={reload}>
        {(settings) => <AccessForm settings={settings} />}
      </Loaded>
      <TenantConnectionSection />
    </div>
  );
}

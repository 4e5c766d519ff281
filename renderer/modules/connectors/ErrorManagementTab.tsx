import { useTranslation } from 'react-i18next';
import { errorReportRecipientsSchema, LIMITS } from '../../../shared/config/configuration-schema';
import type { FieldErrors } from '../../forms/errors';
import { ListEditor } from '../../forms/ListEditor';

export function ErrorManagementTab({
  recipients,
  errors,
  onChange,
}: {
  recipients: readonly string[];
  errors: FieldErrors;
  onChange: (recipients: string[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <ListEditor
      field="errorReportRecipients"
      items={recipients}
      onChange={onChange}
      schema={errorReportRecipientsSchema}
      errors={errors}
      inputType="email"
      inputLabel={t('connectors.recipient')}
      inputHint={t('connectors.recipientHint', LIMITS.errorReportRecipients)}
      addLabel={t('connectors.addRecipient')}
      listLabel={t('connectors.recipientsList')}
      emptyText={t('connectors.noRecipients')}
    />
  );
}

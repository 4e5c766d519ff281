import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { errorReportRecipientsSchema, LIMITS } from '../../../shared/config/configuration-schema';
import type { FieldErrors } from '../../forms/errors';
import { ListEditor } from '../../forms/ListEditor';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
});

export interface ErrorManagementTabProps {
  recipients: readonly string[];
  errors: FieldErrors;
  onChange: (recipients: string[]) => void;
}

/** Who receives the error reports: part of the connector (the SMTP server they go through is a card of its own below). */
export function ErrorManagementTab({ recipients, errors, onChange }: ErrorManagementTabProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div className={styles.root}>
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
    </div>
  );
}

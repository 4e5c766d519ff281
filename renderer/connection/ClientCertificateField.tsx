import { Button, Field, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { FolderOpenRegular } from '@fluentui/react-icons';
import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormStyles } from '../forms/form-styles';
import { readCertificateFile, type CertificateFile } from './certificate-file';

const useStyles = makeStyles({
  control: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS },
  pem: { width: '100%', '& textarea': { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 } },
});

const ACCEPT = '.pem,.crt,.cer,.key,text/plain';

export interface ClientCertificateFieldProps {
  value: string;
  /** The save's message for this field, if any. */
  error: string | undefined;
  /** A certificate is stored: an empty field keeps it. */
  stored: boolean;
  onChange: (value: string) => void;
}

/** The PEM with the app registration's certificate and its private key: chosen as a file, or pasted. */
export function ClientCertificateField({ value, error, stored, onChange }: ClientCertificateFieldProps) {
  const { t } = useTranslation();
  const form = useFormStyles();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  // What the last chosen file held, and the field's text it speaks for: once the text changes (edited, saved) it no longer does.
  const [chosenFile, setChosenFile] = useState<{ file: CertificateFile; forValue: string } | null>(null);
  const file = chosenFile !== null && chosenFile.forValue === value ? chosenFile.file : null;

  const chosen = async (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files?.[0];
    // Choosing the same file again must be read again.
    event.target.value = '';
    if (picked === undefined) return;
    try {
      const read = await readCertificateFile(picked);
      setChosenFile({ file: read, forValue: read.text ?? value });
      // A refused file leaves the text as it was, but the last save's message no longer speaks for the field.
      onChange(read.text ?? value);
    } catch (reason) {
      const problem = t('connection.certificateFile.unreadable', { message: reason instanceof Error ? reason.message : String(reason) });
      setChosenFile({ file: { name: picked.name, text: null, problem }, forValue: value });
      onChange(value);
    }
  };

  const state =
    error !== undefined
      ? { validationState: 'error' as const, validationMessage: error }
      : file === null
        ? {}
        : file.problem === null
          ? { validationState: 'success' as const, validationMessage: t('connection.certificateFile.found', { name: file.name }) }
          : { validationState: 'error' as const, validationMessage: t('connection.certificateFile.problem', { name: file.name, problem: file.problem }) };

  return (
    <Field
      className={form.field}
      label={t('connection.clientCertificate')}
      hint={stored ? t('connection.clientCertificateKeepHint') : t('connection.clientCertificateHint')}
      required={!stored}
      {...state}
    >
      <div className={styles.control}>
        <Button icon={<FolderOpenRegular />} onClick={() => input.current?.click()}>
          {t('connection.certificateFile.choose')}
        </Button>
        <input ref={input} type="file" accept={ACCEPT} hidden tabIndex={-1} aria-hidden onChange={(event) => void chosen(event)} />
        <Textarea
          className={styles.pem}
          value={value}
          rows={6}
          wrap="off"
          resize="vertical"
          spellCheck={false}
          autoComplete="off"
          placeholder={t('connection.clientCertificatePlaceholder')}
          onChange={(_, data) => onChange(data.value)}
        />
      </div>
    </Field>
  );
}

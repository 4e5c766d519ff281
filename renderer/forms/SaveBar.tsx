import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { unplacedMessages } from './errors';
import type { Submission } from './use-submission';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalM },
  save: { minWidth: '96px' },
  // Room for one message bar, kept whether or not one shows, so nothing below moves.
  status: { flex: 1, minWidth: '240px', minHeight: '36px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface SaveBarProps {
  submission: Pick<Submission, 'saving' | 'saved' | 'failure'>;
  /** Whether a field's message shows next to that field on screen; the others are listed here. */
  isShown: (field: string) => boolean;
  children?: ReactNode;
  /**
   * For a section that saves on its own inside another form: the button is a plain button that
   * calls this (the form's own submit button stays the form's), with a name of its own.
   */
  onSave?: () => void;
  saveLabel?: string;
  savedLabel?: string;
}

/** The Save button (a submit button, disabled while saving) and what became of the last save. */
export function SaveBar({ submission, isShown, children, onSave, saveLabel, savedLabel }: SaveBarProps) {
  const { saving, saved, failure } = submission;
  const fieldMessageCount = Object.keys(failure.fields).filter(isShown).length;
  const unplaced = unplacedMessages(failure.fields, isShown);
  const { t } = useTranslation();
  const styles = useStyles();
  const failed = failure.message !== null || fieldMessageCount > 0 || unplaced.length > 0;
  return (
    <div className={styles.bar}>
      <Button
        className={styles.save}
        appearance="primary"
        type={onSave ? 'button' : 'submit'}
        onClick={onSave}
        disabled={saving}
        icon={saving ? <Spinner size="tiny" /> : null}
      >
        {saveLabel ?? t('common.save')}
      </Button>
      {children}
      <div className={styles.status} aria-live="polite">
        {saved && !failed && (
          <MessageBar intent="success">
            <MessageBarBody>{savedLabel ?? t('common.saved')}</MessageBarBody>
          </MessageBar>
        )}
        {failed && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              {failure.message ??
                (fieldMessageCount + unplaced.length > 0 ? t('common.notSavedCount', { count: fieldMessageCount + unplaced.length }) : t('common.notSaved'))}
              {unplaced.length > 0 && (
                <ul className={styles.list}>
                  {unplaced.map((message) => (
                    <li key={message}>{message}</li>
                  ))}
                </ul>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </div>
  );
}

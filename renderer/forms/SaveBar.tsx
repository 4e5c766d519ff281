import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure } from './errors';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalM },
  save: { minWidth: '96px' },
  // Room for one message bar, kept whether or not one shows, so nothing below moves.
  status: { flex: 1, minWidth: '240px', minHeight: '36px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface SaveBarProps {
  saving: boolean;
  saved: boolean;
  failure: Failure;
  /** How many field messages are shown next to their fields. */
  fieldMessageCount: number;
  /** Field messages that no field on screen shows. */
  unplaced?: readonly string[];
  children?: ReactNode;
}

/** The Save button (a submit button, disabled while saving) and what became of the last save. */
export function SaveBar({ saving, saved, failure, fieldMessageCount, unplaced = [], children }: SaveBarProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const failed = failure.message !== null || fieldMessageCount > 0 || unplaced.length > 0;
  return (
    <div className={styles.bar}>
      <Button className={styles.save} appearance="primary" type="submit" disabled={saving} icon={saving ? <Spinner size="tiny" /> : null}>
        {t('common.save')}
      </Button>
      {children}
      <div className={styles.status} aria-live="polite">
        {saved && !failed && (
          <MessageBar intent="success">
            <MessageBarBody>{t('common.saved')}</MessageBarBody>
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

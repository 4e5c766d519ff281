import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

/** What could not be read, and Try again. */
export function LoadFailedBar({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="error">
      <MessageBarBody>{t('common.loadFailed', { message })}</MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>{t('common.retry')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

/** What could not be read, and Try again; `sentence` words it otherwise than "This page could not be loaded". */
export function LoadFailedBar({ message, onRetry, sentence }: { message: string; onRetry: () => void; sentence?: string }) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="error">
      <MessageBarBody>{sentence ?? t('common.loadFailed', { message })}</MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>{t('common.retry')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

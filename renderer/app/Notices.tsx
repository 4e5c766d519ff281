import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../shared/ipc';
import { useApi } from '../api/api-context';

type Notice = EventPayload<'app.notice'> & { id: number };

/** What main tells the user (a settings file restored from backup, a failed sync…), until dismissed. */
export function Notices() {
  const api = useApi();
  const { t } = useTranslation();
  const [notices, setNotices] = useState<Notice[]>([]);

  useEffect(() => {
    let next = 0;
    return api.on('app.notice', (notice) => setNotices((current) => [...current, { ...notice, id: next++ }]));
  }, [api]);

  return (
    <div role="region" aria-label={t('notices.label')} aria-live="polite">
      {notices.map((notice) => (
        <MessageBar key={notice.id} intent={notice.level}>
          <MessageBarBody>{notice.message}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                icon={<DismissRegular />}
                aria-label={t('notices.dismiss')}
                onClick={() => setNotices((current) => current.filter((other) => other.id !== notice.id))}
              />
            }
          />
        </MessageBar>
      ))}
    </div>
  );
}

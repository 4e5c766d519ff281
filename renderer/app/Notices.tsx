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
    let live = true;
    const add = (notice: EventPayload<'app.notice'>): void => setNotices((current) => [...current, { ...notice, id: next++ }]);
    // What happened before the window was up (a settings file moved aside) comes with app.info.
    api['app.info']().then(
      (info) => live && info.startupNotices.forEach(add),
      () => undefined,
    );
    const unsubscribe = api.on('app.notice', add);
    return () => {
      live = false;
      unsubscribe();
    };
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

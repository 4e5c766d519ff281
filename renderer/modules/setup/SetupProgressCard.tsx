import { Link, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { TaskListLtr24Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { SETUP_PATH } from '../../app/modules';
import { hrefFor } from '../../app/use-hash-route';
import { useSetupChecklist } from './use-setup-checklist';

/** On the dashboard until every set-up step is done: how many are, and the way to the rest. */
export function SetupProgressCard() {
  const { t } = useTranslation();
  const { state } = useSetupChecklist();
  // A checklist that cannot be read is not worth a second error on the dashboard: its own screen says why.
  if (state.status !== 'ready' || state.value.done === state.value.total) return null;
  const { done, total } = state.value;
  return (
    <MessageBar intent="info" icon={<TaskListLtr24Regular />} layout="singleline">
      <MessageBarBody>{t('setup.dashboardCard', { done, total })}</MessageBarBody>
      <MessageBarActions>
        <Link href={hrefFor(SETUP_PATH)}>{t('setup.dashboardLink')}</Link>
      </MessageBarActions>
    </MessageBar>
  );
}

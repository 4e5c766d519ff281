import { makeStyles, MessageBar, MessageBarBody, ProgressBar, Subtitle2, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Role, SetupChecklistView } from '../../../shared/ipc';
import { Loaded } from '../../forms/Loaded';
import { useRole } from '../../session/session-context';
import { SetupStepItem } from './SetupStepItem';
import { useSetupChecklist } from './use-setup-checklist';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '860px' },
  list: { margin: 0, padding: 0, listStyle: 'none' },
});

function Checklist({ checklist, role }: { checklist: SetupChecklistView; role: Role }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const progress = t('setup.progress', { done: checklist.done, total: checklist.total });
  return (
    <div className={styles.root}>
      <Subtitle2 as="p">{progress}</Subtitle2>
      <ProgressBar value={checklist.done} max={checklist.total} aria-label={progress} thickness="large" />
      {checklist.done === checklist.total && (
        <MessageBar intent="success">
          <MessageBarBody>{t('setup.allDone')}</MessageBarBody>
        </MessageBar>
      )}
      <ol className={styles.list} aria-label={t('setup.listLabel')}>
        {checklist.steps.map((step, index) => (
          <SetupStepItem key={step.id} step={step} number={index + 1} role={role} />
        ))}
      </ol>
    </div>
  );
}

/** What to do next: the seeds' set-up steps with their states, each a link to where it is done. */
export function SetupChecklistScreen() {
  const role = useRole();
  const { state, reload } = useSetupChecklist();
  if (role === null) return null;
  return (
    <Loaded state={state} reload={reload}>
      {(checklist) => <Checklist checklist={checklist} role={role} />}
    </Loaded>
  );
}

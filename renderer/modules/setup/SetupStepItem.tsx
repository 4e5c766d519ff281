import { Badge, Body1, Caption1, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled, Circle20Regular, Warning20Filled } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { SetupStepState } from '../../../shared/domain/setup-checklist';
import type { Role, SetupChecklistView } from '../../../shared/ipc';
import { mayOpen, moduleForPath } from '../../app/modules';
import { hrefFor } from '../../app/use-hash-route';
import { formatDateTime } from '../../forms/format';

type Step = SetupChecklistView['steps'][number];

const useStyles = makeStyles({
  item: { display: 'grid', gridTemplateColumns: 'auto 1fr auto', gap: tokens.spacingHorizontalM, alignItems: 'start', padding: `${tokens.spacingVerticalM} 0`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground2 },
  done: { color: tokens.colorPaletteGreenForeground1 },
  attention: { color: tokens.colorPaletteDarkOrangeForeground1 },
  todo: { color: tokens.colorNeutralForeground3 },
});

const BADGE_COLORS = { done: 'success', todo: 'informative', attention: 'warning' } as const satisfies Record<SetupStepState, string>;

function StateIcon({ state }: { state: SetupStepState }) {
  const styles = useStyles();
  if (state === 'done') return <CheckmarkCircle20Filled className={styles.done} aria-hidden />;
  if (state === 'attention') return <Warning20Filled className={styles.attention} aria-hidden />;
  return <Circle20Regular className={styles.todo} aria-hidden />;
}

/** The step's screen (and tab) as an address: "#/system/connectors?tab=stateSync". */
function hrefOf(step: Step): string {
  return hrefFor(step.target.path, step.target.tab ? new URLSearchParams({ tab: step.target.tab }) : undefined);
}

/** One set-up step: its state, what was found, and a link to where it is done (when the role may open that screen). */
export function SetupStepItem({ step, number, role }: { step: Step; number: number; role: Role }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const module = moduleForPath(step.target.path);
  const canOpen = module !== undefined && mayOpen(module, role);
  const canDo = role === 'full' || !step.target.needsFull;
  const title = `${number}. ${t(`setup.steps.${step.id}`)}`;
  const params = { ...step.params, ...(typeof step.params.at === 'string' ? { at: formatDateTime(step.params.at, i18n.language) } : {}) };
  return (
    <li className={styles.item}>
      <StateIcon state={step.state} />
      <div className={styles.text}>
        {canOpen ? (
          <Link href={hrefOf(step)}>{title}</Link>
        ) : (
          <Text weight="semibold">{title}</Text>
        )}
        <Body1 className={styles.muted}>{/* Each reason's sentence takes its own params (counts, names, who and when); main sends the ones it needs. */}
        {t(`setup.reasons.${step.reason}`, params as never)}</Body1>
        {!canDo && step.state !== 'done' && <Caption1>{canOpen ? t('setup.needsFullToReview') : t('setup.needsFull')}</Caption1>}
      </div>
      <Badge appearance="tint" color={BADGE_COLORS[step.state]}>
        {t(`setup.states.${step.state}`)}
      </Badge>
    </li>
  );
}

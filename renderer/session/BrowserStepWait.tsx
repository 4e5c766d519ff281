import { Button, Link, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import type { BrowserStepPhase } from './use-browser-step';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
});

export interface BrowserStepWaitProps {
  phase: BrowserStepPhase;
  url: string | null;
  waitingLabel: string;
  openAgainLabel: string;
  cancelLabel: string;
  onCancel: () => void;
}

/** While a Microsoft page in the browser is being answered: what the console waits for, the page again, and the way out. */
export function BrowserStepWait({ phase, url, waitingLabel, openAgainLabel, cancelLabel, onCancel }: BrowserStepWaitProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <div role="status">
        <Spinner size="small" labelPosition="after" label={waitingLabel} />
      </div>
      <div className={styles.actions}>
        {url !== null && (
          <Link href={url} target="_blank" rel="noopener noreferrer">
            {openAgainLabel}
          </Link>
        )}
        <Button disabled={phase === 'cancelling'} icon={phase === 'cancelling' ? <Spinner size="tiny" /> : null} onClick={onCancel}>
          {cancelLabel}
        </Button>
      </div>
    </div>
  );
}

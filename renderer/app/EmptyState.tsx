import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import type { FluentIcon } from '@fluentui/react-icons';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalXXXL,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    color: tokens.colorNeutralForeground3,
    textAlign: 'center',
  },
  icon: { fontSize: '48px' },
});

export function EmptyState({ icon: Icon, message }: { icon: FluentIcon; message: string }) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={message} role="status">
      <Icon className={styles.icon} aria-hidden />
      <Body1>{message}</Body1>
    </section>
  );
}

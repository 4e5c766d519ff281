// The console's card: a framed column with a heading (dashboard cards, the engine card, the forms that save on their own).
import { makeStyles, tokens } from '@fluentui/react-components';

const frame = {
  display: 'flex',
  flexDirection: 'column',
  padding: tokens.spacingHorizontalL,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  borderRadius: tokens.borderRadiusMedium,
  minWidth: 0,
} as const;

export const useCardStyles = makeStyles({
  card: { ...frame, gap: tokens.spacingVerticalM },
  /** A card that holds a form of its own (the tenant connection, the SMTP server, a new tenant). */
  section: { ...frame, gap: tokens.spacingVerticalL },
  title: { margin: 0 },
  note: { color: tokens.colorNeutralForeground3 },
  chart: { width: '100%', height: '220px', minWidth: 0 },
  fill: { width: '100%', height: '100%' },
});

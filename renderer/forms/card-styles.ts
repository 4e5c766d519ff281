// The console's card: a framed column with a heading (dashboard cards, the engine card).
import { makeStyles, tokens } from '@fluentui/react-components';

export const useCardStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  title: { margin: 0 },
  note: { color: tokens.colorNeutralForeground3 },
  chart: { width: '100%', height: '220px', minWidth: 0 },
  fill: { width: '100%', height: '100%' },
});

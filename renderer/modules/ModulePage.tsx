import { Body1, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { usePageHeading } from '../app/use-page-heading';
import type { ConsoleModule } from '../app/modules';
import { SCREENS } from './screens';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1100px' },
  heading: { ...typographyStyles.title2, margin: 0, outline: 'none' },
  description: { color: tokens.colorNeutralForeground2 },
});

/** A module's frame: its title (focused on arrival, for keyboard and screen-reader users), a description and its screen (or empty state). */
export function ModulePage({ module }: { module: ConsoleModule }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const label = t(`modules.${module.id}.label`);
  const heading = usePageHeading(label);
  const Screen = SCREENS[module.id];

  return (
    <div className={styles.root}>
      <h1 ref={heading} tabIndex={-1} className={styles.heading}>
        {label}
      </h1>
      <Body1 className={styles.description}>{t(`modules.${module.id}.description`)}</Body1>
      {Screen ? <Screen /> : <EmptyState icon={module.icon} message={t(`modules.${module.id}.empty`)} />}
    </div>
  );
}

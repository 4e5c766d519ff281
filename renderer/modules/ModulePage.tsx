import { Body1, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
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
  const heading = useRef<HTMLHeadingElement>(null);
  const label = t(`modules.${module.id}.label`);
  const Screen = SCREENS[module.id];

  useEffect(() => {
    document.title = `${label} – ${t('app.title')}`;
    // A dialog opened with the page (a device's own address) keeps the focus it took.
    if (!document.activeElement?.closest('[role="dialog"]')) heading.current?.focus();
  }, [label, t]);

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

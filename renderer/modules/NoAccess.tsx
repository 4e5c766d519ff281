import { Body1, Link, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/ipc';
import { DEFAULT_PATH, type ConsoleModule } from '../app/modules';
import { hrefFor } from '../app/use-hash-route';
import { usePageHeading } from '../app/use-page-heading';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalM },
  heading: { ...typographyStyles.title2, margin: 0, outline: 'none' },
});

/** A module the signed-in role may not open, reached by its address: said plainly, and nothing of it loaded. */
export function NoAccess({ module, role }: { module: ConsoleModule; role: Role }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const title = t('noAccess.title');
  const heading = usePageHeading(title);
  return (
    <div className={styles.root}>
      <h1 ref={heading} tabIndex={-1} className={styles.heading}>
        {title}
      </h1>
      <Body1>{t('noAccess.body', { module: t(`modules.${module.id}.label`), role: t(`session.roles.${role}`) })}</Body1>
      <Link href={hrefFor(DEFAULT_PATH)}>{t('noAccess.back')}</Link>
    </div>
  );
}

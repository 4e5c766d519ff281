import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ResolvedGroupView } from '../../../shared/ipc';

const useStyles = makeStyles({
  found: { color: tokens.colorNeutralForeground2 },
  missing: { color: tokens.colorPaletteRedForeground1 },
});

/** What the directory says about a saved access group id: its name and member count, or that it is not there. */
export function GroupIdFacts({ group }: { group: ResolvedGroupView | undefined }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (group === undefined) return null;
  if (!group.found) return <Caption1 className={styles.missing}>{t('directory.notFound')}</Caption1>;
  const name = group.displayName ?? group.id;
  const text = group.memberCount === undefined ? t('directory.groupFoundNoCount', { name }) : t('directory.groupFound', { name, count: group.memberCount });
  return (
    <Caption1 className={styles.found}>
      {text}
      {group.securityEnabled === false ? ` ${t('directory.notSecurity')}` : ''}
    </Caption1>
  );
}

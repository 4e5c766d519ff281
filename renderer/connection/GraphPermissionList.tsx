import { Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { GRAPH_PERMISSIONS } from '../../shared/config/connection-settings';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column' },
  name: { fontFamily: tokens.fontFamilyMonospace },
  why: { color: tokens.colorNeutralForeground2 },
});

/** Every Microsoft Graph permission the console asks for, each with what it is needed for. */
export function GraphPermissionList({ labelledBy }: { labelledBy: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-labelledby={labelledBy}>
      {GRAPH_PERMISSIONS.map((permission) => (
        <li key={permission.name} className={styles.item}>
          <Text weight="semibold" className={styles.name}>
            {permission.name}
          </Text>
          <Caption1 className={styles.why}>{t(`graphPermissions.${permission.why}`)}</Caption1>
        </li>
      ))}
    </ul>
  );
}

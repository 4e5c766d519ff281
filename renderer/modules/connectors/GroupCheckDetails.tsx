import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, ErrorCircleRegular, WarningRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { GroupCheck } from '../../../shared/ipc';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** What the directory says about one typed group name, with the directory's spelling to use when only the case differs. */
export function GroupCheckDetails({ check, onUse }: { check: GroupCheck | undefined; onUse: (spelling: string) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (check === undefined) return <Text className={styles.muted}>{t('connectors.groupNotChecked')}</Text>;
  switch (check.status) {
    case 'ok':
      return (
        <div className={styles.root}>
          <Text className={mergeClasses(styles.line, styles.ok)}>
            <CheckmarkCircleRegular aria-hidden />
            {t('connectors.groupOk', { count: check.userCount ?? 0 })}
          </Text>
          {(check.nestedGroupsIgnored ?? 0) > 0 && (
            <Text className={mergeClasses(styles.line, styles.warning)}>
              <WarningRegular aria-hidden />
              {t('connectors.groupNested', { count: check.nestedGroupsIgnored ?? 0 })}
            </Text>
          )}
        </div>
      );
    case 'caseMismatch':
      return (
        <div className={styles.root}>
          <Text className={mergeClasses(styles.line, styles.warning)}>
            <WarningRegular aria-hidden />
            {t('connectors.groupCaseMismatch')}
          </Text>
          <div className={styles.actions}>
            {check.suggestions.map((spelling) => (
              <Button key={spelling} size="small" onClick={() => onUse(spelling)}>
                {t('connectors.useSpelling', { name: spelling })}
              </Button>
            ))}
          </div>
        </div>
      );
    case 'unknown':
    case 'ambiguous':
    case 'notSecurityGroup': {
      const message =
        check.status === 'unknown'
          ? t('connectors.groupUnknown')
          : check.status === 'ambiguous'
            ? t('connectors.groupAmbiguous', { count: check.matchingGroupIds?.length ?? 0 })
            : t('connectors.groupNotSecurity');
      return (
        <Text className={mergeClasses(styles.line, styles.error)}>
          <ErrorCircleRegular aria-hidden />
          {message}
        </Text>
      );
    }
  }
}

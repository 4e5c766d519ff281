import { Badge, Button, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { Profile, ProfileList } from '../../../shared/ipc';
import { useApi } from '../../api/api-context';
import { ConfirmDialog } from '../../forms/ConfirmDialog';
import { formatDateTime } from '../../forms/format';
import { RenameProfileDialog } from './RenameProfileDialog';

const useStyles = makeStyles({
  cell: { verticalAlign: 'middle', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS, overflowWrap: 'anywhere' },
  name: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  code: { fontFamily: tokens.fontFamilyMonospace },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, whiteSpace: 'nowrap' },
  actionsColumn: { width: '240px' },
  actionCell: { verticalAlign: 'middle', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
});

export interface ProfileTableProps {
  list: ProfileList;
  onRenamed: (list: ProfileList) => void;
  onRemoved: (list: ProfileList, removed: Profile) => void;
}

/** Every tenant profile on this computer, the active one marked; the demo tenant is built in and cannot be removed. */
export function ProfileTable({ list, onRenamed, onRemoved }: ProfileTableProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const styles = useStyles();
  return (
    <Table aria-label={t('tenants.table')} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('tenants.columns.name')}</TableHeaderCell>
          <TableHeaderCell>{t('tenants.columns.kind')}</TableHeaderCell>
          <TableHeaderCell>{t('tenants.columns.tenantId')}</TableHeaderCell>
          <TableHeaderCell>{t('tenants.columns.created')}</TableHeaderCell>
          <TableHeaderCell className={styles.actionsColumn}>{t('tenants.columns.actions')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {list.profiles.map((profile) => {
          const active = profile.id === list.activeId;
          return (
            <TableRow key={profile.id} aria-current={active ? 'true' : undefined}>
              <TableCell className={styles.cell}>
                <span className={styles.name}>
                  {profile.name}
                  {active && (
                    <Badge appearance="filled" color="brand">
                      {t('tenants.active')}
                    </Badge>
                  )}
                </span>
              </TableCell>
              <TableCell className={styles.cell}>{t(`tenants.kinds.${profile.kind}`)}</TableCell>
              <TableCell className={`${styles.cell} ${styles.code}`}>{profile.tenantId ?? t('inventory.none')}</TableCell>
              <TableCell className={styles.cell}>
                <time dateTime={profile.createdAt}>{formatDateTime(profile.createdAt, i18n.language)}</time>
              </TableCell>
              <TableCell className={styles.actionCell}>
                <span className={styles.actions}>
                  <RenameProfileDialog profile={profile} onRenamed={onRenamed} />
                  {profile.kind !== 'demo' && (
                    <ConfirmDialog
                      trigger={
                        <Button icon={<DeleteRegular />} aria-label={t('common.remove', { name: profile.name })}>
                          {t('tenants.remove')}
                        </Button>
                      }
                      title={t('tenants.removeTitle', { name: profile.name })}
                      body={t(active ? 'tenants.removeBodyActive' : 'tenants.removeBody', { name: profile.name })}
                      confirmLabel={t('tenants.removeConfirm')}
                      onConfirm={async () => onRemoved(await api['profiles.remove']({ id: profile.id }), profile)}
                    />
                  )}
                </span>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

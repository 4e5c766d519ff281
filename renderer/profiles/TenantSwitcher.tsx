import {
  makeStyles,
  Menu,
  MenuButton,
  MenuDivider,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, BuildingMultipleRegular, SettingsRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TENANTS_PATH } from '../app/modules';
import { useConfirmLeave } from '../app/unsaved-changes';
import { navigateTo } from '../app/use-hash-route';
import { messageOf } from '../forms/errors';
import { useProfiles } from './profiles-context';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  error: { color: tokens.colorNeutralForegroundOnBrand },
});

/**
 * The tenant the console works on, in the header, signed in or not: a signed-out admin picks the
 * tenant to sign in to. A Full user also reaches the Tenants page from here.
 */
export function TenantSwitcher({ active, canManage }: { active: { id: string; name: string }; canManage: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { state, reload, switchTo } = useProfiles();
  const [switching, setSwitching] = useState(false);
  const confirmLeave = useConfirmLeave();
  const [error, setError] = useState<string | null>(null);
  // The list knows a rename the session has not heard of yet.
  const name = state.status === 'ready' ? (state.value.profiles.find((p) => p.id === active.id)?.name ?? active.name) : active.name;

  const choose = async (id: string) => {
    if (id === active.id || switching) return;
    if (!(await confirmLeave())) return;
    setSwitching(true);
    setError(null);
    try {
      await switchTo(id);
    } catch (failure) {
      setError(t('tenants.switchFailed', { message: messageOf(failure) }));
      setSwitching(false);
    }
  };

  return (
    <div className={styles.root}>
      <Menu
        checkedValues={{ profile: [active.id] }}
        onCheckedValueChange={(_, data) => {
          const [id] = data.checkedItems;
          if (data.name === 'profile' && id !== undefined) void choose(id);
        }}
      >
        <MenuTrigger disableButtonEnhancement>
          <MenuButton disabled={switching} icon={switching ? <Spinner size="tiny" /> : <BuildingMultipleRegular />}>
            {t('tenants.switcher', { name })}
          </MenuButton>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuGroup>
              <MenuGroupHeader>{t('tenants.switcherGroup')}</MenuGroupHeader>
              {state.status === 'ready' &&
                state.value.profiles.map((profile) => (
                  <MenuItemRadio key={profile.id} name="profile" value={profile.id}>
                    {profile.name}
                  </MenuItemRadio>
                ))}
              {state.status === 'loading' && <MenuItem disabled>{t('app.loading')}</MenuItem>}
              {state.status === 'failed' && (
                <MenuItem icon={<ArrowClockwiseRegular />} onClick={reload}>
                  {t('tenants.listFailedRetry', { message: state.message })}
                </MenuItem>
              )}
            </MenuGroup>
            {canManage && (
              <>
                <MenuDivider />
                <MenuItem icon={<SettingsRegular />} onClick={() => navigateTo(TENANTS_PATH)}>
                  {t('tenants.manage')}
                </MenuItem>
              </>
            )}
          </MenuList>
        </MenuPopover>
      </Menu>
      {error !== null && (
        <Text role="alert" className={styles.error}>
          {error}
        </Text>
      )}
    </div>
  );
}

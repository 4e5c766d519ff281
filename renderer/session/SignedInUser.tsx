import { Badge, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { SignOutRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role, SessionUserInfo } from '../../shared/ipc';
import { DEFAULT_PATH } from '../app/modules';
import { hrefFor } from '../app/use-hash-route';
import { failureOf } from '../forms/errors';
import { useSession } from './session-context';

const useStyles = makeStyles({
  root: { marginLeft: 'auto', display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  who: { display: 'flex', flexDirection: 'column', alignItems: 'flex-end', color: tokens.colorNeutralForegroundOnBrand },
  upn: { color: tokens.colorNeutralForegroundOnBrand, opacity: 0.85 },
});

/** Who is signed in and with which role, in the header, with the way out. */
export function SignedInUser({ user, role }: { user: SessionUserInfo; role: Role }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { signOut } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const leave = async () => {
    setBusy(true);
    setError(null);
    try {
      await signOut();
      // The next user starts on the dashboard, not on whatever page the last one left open.
      window.location.replace(hrefFor(DEFAULT_PATH));
    } catch (failure) {
      setError(t('session.signOutFailed', { message: failureOf(failure).message ?? t('common.unexpected') }));
      setBusy(false);
    }
  };

  return (
    <div className={styles.root} role="group" aria-label={t('session.user')}>
      <div className={styles.who}>
        <Text weight="semibold">{user.displayName}</Text>
        <Text size={200} className={styles.upn}>
          {user.userPrincipalName}
        </Text>
      </div>
      <Badge appearance="filled" color="informative" shape="rounded">
        {t(`session.roles.${role}`)}
      </Badge>
      <Button icon={<SignOutRegular />} disabled={busy} onClick={() => void leave()}>
        {t('session.signOut')}
      </Button>
      {error !== null && (
        <Text role="alert" className={styles.upn}>
          {error}
        </Text>
      )}
    </div>
  );
}

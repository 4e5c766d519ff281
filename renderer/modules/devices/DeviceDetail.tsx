import { Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, makeStyles, OverlayDrawer, Spinner, tokens } from '@fluentui/react-components';
import { Dismiss24Regular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceDetail as Detail, DeviceRow } from '../../../shared/ipc';
import { useApi } from '../../api/api-context';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { messageOf } from '../../forms/errors';
import { DeviceHistory } from './DeviceHistory';
import { DeviceProperties } from './DeviceProperties';
import { DeviceThreats } from './DeviceThreats';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, paddingBottom: tokens.spacingVerticalXXL },
});

/**
 * One device in a side panel (a modal dialog named after the device): its properties, its state
 * history and its open and resolved threats, read again after each poll. Closing it returns the
 * focus to the device list.
 */
export function DeviceDetail({ device, generation, onClose }: { device: DeviceRow | null; generation: number; onClose: () => void }) {
  const { t } = useTranslation();
  const name = device ? (device.deviceName ?? t('inventory.unnamedDevice')) : '';
  return (
    <OverlayDrawer open={device !== null} position="end" size="medium" onOpenChange={(_, data) => !data.open && onClose()}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label={t('devices.detail.close')} icon={<Dismiss24Regular />} onClick={onClose} />}>
          {name}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>{device && <DetailContent key={device.id} id={device.id} generation={generation} />}</DrawerBody>
    </OverlayDrawer>
  );
}

function DetailContent({ id, generation }: { id: string; generation: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const styles = useStyles();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api['devices.detail']({ id }).then(
      (answer) => {
        if (!live) return;
        setDetail(answer);
        setError(null);
      },
      (failure: unknown) => live && setError(messageOf(failure)),
    );
    return () => {
      live = false;
    };
  }, [api, id, generation]);

  return (
    <div className={styles.body}>
      <ErrorAlert message={error === null ? null : t('devices.detail.loadFailed', { message: error })} />
      {detail === null ? (
        error === null && <Spinner size="small" label={t('app.loading')} />
      ) : (
        <>
          <DeviceProperties device={detail.device} />
          <DeviceHistory history={detail.history} />
          <DeviceThreats threats={detail.threats} />
        </>
      )}
    </div>
  );
}

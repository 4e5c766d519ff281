import { Body1, Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, makeStyles, OverlayDrawer, Spinner, tokens } from '@fluentui/react-components';
import { Dismiss24Regular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AppError, type DeviceDetail as Detail } from '../../../shared/ipc';
import { useApi } from '../../api/api-context';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { messageOf } from '../../forms/errors';
import { DeviceHistory } from './DeviceHistory';
import { DeviceProperties } from './DeviceProperties';
import { DeviceThreats } from './DeviceThreats';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, paddingBottom: tokens.spacingVerticalXXL },
});

type Loaded = { status: 'loading' } | { status: 'ready'; detail: Detail } | { status: 'notFound' } | { status: 'failed'; message: string };

/** The device at this address, read again after each poll; the last answer for the same device stays on screen meanwhile. */
function useDeviceDetail(id: string | null, generation: number): Loaded {
  const api = useApi();
  const query = useQuery({
    queryKey: ['devices.detail', id, generation],
    queryFn: () => api['devices.detail']({ id: id ?? '' }),
    enabled: id !== null,
    gcTime: 0,
    // Another device's answer is not this one's.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === id ? previous : undefined),
  });
  if (query.data !== undefined) return { status: 'ready', detail: query.data };
  if (query.isError) {
    return query.error instanceof AppError && query.error.code === 'not_found' ? { status: 'notFound' } : { status: 'failed', message: messageOf(query.error) };
  }
  return { status: 'loading' };
}

/**
 * One device in a side panel (a modal dialog named after the device), opened at its own address
 * (#/devices/<id>): its properties, its state history and its open and resolved threats, read
 * again after each poll. Closing it returns the focus to the device list.
 */
export function DeviceDetail({ id, knownName, generation, onClose }: { id: string | null; knownName: string | null; generation: number; onClose: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const loaded = useDeviceDetail(id, generation);
  const name =
    loaded.status === 'notFound'
      ? t('devices.detail.notFound')
      : loaded.status === 'ready'
        ? (loaded.detail.device.deviceName ?? t('inventory.unnamedDevice'))
        : (knownName ?? t('devices.detail.loadingName'));
  return (
    <OverlayDrawer open={id !== null} position="end" size="medium" onOpenChange={(_, data) => !data.open && onClose()}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label={t('devices.detail.close')} icon={<Dismiss24Regular />} onClick={onClose} />}>
          {name}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        {id !== null && (
          <div className={styles.body}>
            {loaded.status === 'loading' && <Spinner size="small" label={t('app.loading')} />}
            {loaded.status === 'failed' && <ErrorAlert message={t('devices.detail.loadFailed', { message: loaded.message })} />}
            {loaded.status === 'notFound' && <Body1>{t('devices.detail.notFoundBody', { id })}</Body1>}
            {loaded.status === 'ready' && (
              <>
                <DeviceProperties device={loaded.detail.device} />
                <DeviceHistory history={loaded.detail.history} />
                <DeviceThreats threats={loaded.detail.threats} />
              </>
            )}
          </div>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}

import { Button, makeStyles, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { AddRegular, PlugConnected24Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SystemSettings } from '../../../shared/ipc';
import { useApi } from '../../api/api-context';
import { EmptyState } from '../../app/EmptyState';
import { Loaded } from '../../forms/Loaded';
import { useLoad } from '../../forms/use-load';
import { ConnectorForm } from './ConnectorForm';
import { EngineStatusCard } from './EngineStatusCard';

const LOAD_KEY = ['settings.get'] as const;

const useStyles = makeStyles({
  empty: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalL },
  connector: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL },
});

function NoConnector({ deleted, onAdd }: { deleted: boolean; onAdd: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const addId = useId();
  // After a deletion the form (and the focused dialog) is gone: focus goes to where the admin can start again.
  useEffect(() => {
    if (deleted) document.getElementById(addId)?.focus();
  }, [deleted, addId]);
  return (
    <div className={styles.empty}>
      {deleted && (
        <MessageBar intent="success">
          <MessageBarBody>{t('connectors.deleted')}</MessageBarBody>
        </MessageBar>
      )}
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button id={addId} appearance="primary" icon={<AddRegular />}>
            {t('connectors.add')}
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem icon={<PlugConnected24Regular />} onClick={onAdd}>
              {t('connectors.intune')}
            </MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      <EmptyState icon={PlugConnected24Regular} message={t('modules.connectors.empty')} />
    </div>
  );
}

function Connectors({ settings, onChange }: { settings: SystemSettings; onChange: (settings: SystemSettings) => void }) {
  const styles = useStyles();
  const [adding, setAdding] = useState(false);
  const [deleted, setDeleted] = useState(false);
  if (settings.connector === null && !adding) {
    return (
      <NoConnector
        deleted={deleted}
        onAdd={() => {
          setDeleted(false);
          setAdding(true);
        }}
      />
    );
  }
  return (
    <div className={styles.connector}>
      {settings.connector !== null && <EngineStatusCard />}
      <ConnectorForm
        saved={settings.connector}
        onSaved={(connector) => {
          setAdding(false);
          onChange({ ...settings, connector });
        }}
        onCancel={() => setAdding(false)}
        onDeleted={() => {
          setDeleted(true);
          onChange({ ...settings, connector: null });
        }}
      />
    </div>
  );
}

/** System > Connectors: the Intune connector, or an empty state with "Add connector" while there is none. */
export function ConnectorsScreen() {
  const api = useApi();
  const load = useCallback(() => api['settings.get'](), [api]);
  const { state, reload, replace } = useLoad(LOAD_KEY, load);
  return (
    <Loaded state={state} reload={reload}>
      {(settings) => <Connectors settings={settings} onChange={replace} />}
    </Loaded>
  );
}

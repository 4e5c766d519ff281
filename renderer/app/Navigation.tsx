import { NavDrawer, NavDrawerBody, NavItem, NavSectionHeader } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/ipc';
import { mayOpen, MODULES, type ConsoleModule } from './modules';
import { hrefFor } from './use-hash-route';

function Item({ module }: { module: ConsoleModule }) {
  const { t } = useTranslation();
  const Icon = module.icon;
  return (
    <NavItem value={module.path} href={hrefFor(module.path)} icon={<Icon />}>
      {t(`modules.${module.id}.label`)}
    </NavItem>
  );
}

/** The modules the signed-in role may open; a section none of whose modules it may open is left out whole. */
export function Navigation({ selectedPath, role }: { selectedPath: string; role: Role }) {
  const { t } = useTranslation();
  const bySection = (section: ConsoleModule['section']) => MODULES.filter((module) => module.section === section && mayOpen(module, role));
  const system = bySection('system');
  return (
    <NavDrawer open type="inline" selectedValue={selectedPath} aria-label={t('app.navigation')} tabbable>
      <NavDrawerBody>
        {bySection('main').map((module) => (
          <Item key={module.id} module={module} />
        ))}
        {system.length > 0 && <NavSectionHeader>{t('modules.system.label')}</NavSectionHeader>}
        {system.map((module) => (
          <Item key={module.id} module={module} />
        ))}
        <NavSectionHeader aria-hidden>{'\u00a0'}</NavSectionHeader>
        {bySection('personal').map((module) => (
          <Item key={module.id} module={module} />
        ))}
      </NavDrawerBody>
    </NavDrawer>
  );
}

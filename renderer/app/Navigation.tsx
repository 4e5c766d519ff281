import { NavDrawer, NavDrawerBody, NavItem, NavSectionHeader } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { MODULES, type ConsoleModule } from './modules';
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

export function Navigation({ selectedPath }: { selectedPath: string }) {
  const { t } = useTranslation();
  const bySection = (section: ConsoleModule['section']) => MODULES.filter((module) => module.section === section);
  return (
    <NavDrawer open type="inline" selectedValue={selectedPath} aria-label={t('app.navigation')} tabbable>
      <NavDrawerBody>
        {bySection('main').map((module) => (
          <Item key={module.id} module={module} />
        ))}
        <NavSectionHeader>{t('modules.system.label')}</NavSectionHeader>
        {bySection('system').map((module) => (
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

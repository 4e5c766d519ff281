import { Badge, type BadgeProps } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Compliance } from '../../../shared/domain/compliance';
import type { ThreatLevel } from '../../../shared/domain/threat-level';
import type { DeviceListState } from '../../../shared/ipc';

type BadgeColor = NonNullable<BadgeProps['color']>;

const STATE_COLORS: Record<DeviceListState, BadgeColor> = {
  pending: 'brand',
  active: 'success',
  disconnected: 'severe',
  deactivated: 'subtle',
  unsupported: 'informative',
};

const LEVEL_COLORS: Record<ThreatLevel, BadgeColor> = { secured: 'success', low: 'warning', medium: 'severe', high: 'danger' };

const COMPLIANCE_COLORS: Record<Compliance, BadgeColor> = { compliant: 'success', noncompliant: 'danger', noPartnerData: 'informative' };

/** The word is the information; the colour only repeats it. */
export function StateBadge({ state }: { state: DeviceListState }) {
  const { t } = useTranslation();
  return (
    <Badge appearance="tint" color={STATE_COLORS[state]}>
      {t(`inventory.states.${state}`)}
    </Badge>
  );
}

/** A threat level means something only for a device the MTD app protects; others have no data (PRODUCT.md section 5). */
export function ThreatLevelBadge({ level, state }: { level: ThreatLevel; state: DeviceListState }) {
  const { t } = useTranslation();
  if (state !== 'active' && state !== 'disconnected') return <>{t('inventory.threatLevels.noData')}</>;
  return (
    <Badge appearance="tint" color={LEVEL_COLORS[level]}>
      {t(`inventory.threatLevels.${level}`)}
    </Badge>
  );
}

export function ComplianceBadge({ compliance }: { compliance: Compliance }) {
  const { t } = useTranslation();
  return (
    <Badge appearance="tint" color={COMPLIANCE_COLORS[compliance]}>
      {t(`inventory.compliance.${compliance}`)}
    </Badge>
  );
}

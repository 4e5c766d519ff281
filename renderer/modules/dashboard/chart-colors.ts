// The charts' colours, from the Fluent theme's palette (SVG fills take plain colours). Each
// colour only repeats what the label next to it says.
import { webLightTheme } from '@fluentui/react-components';
import type { Compliance } from '../../../shared/domain/compliance';
import type { DeviceState } from '../../../shared/domain/device-state';
import type { ThreatLevel } from '../../../shared/domain/threat-level';

export const STATE_COLORS: Record<DeviceState, string> = {
  pending: webLightTheme.colorBrandBackground,
  active: webLightTheme.colorPaletteGreenBackground3,
  disconnected: webLightTheme.colorPaletteDarkOrangeBackground3,
  deactivated: webLightTheme.colorNeutralForeground3,
};

export const LEVEL_COLORS: Record<ThreatLevel, string> = {
  secured: webLightTheme.colorPaletteGreenBackground3,
  low: webLightTheme.colorPaletteMarigoldBackground3,
  medium: webLightTheme.colorPaletteDarkOrangeBackground3,
  high: webLightTheme.colorPaletteRedForeground1,
};

export const COMPLIANCE_COLORS: Record<Compliance, string> = {
  compliant: webLightTheme.colorPaletteGreenBackground3,
  noncompliant: webLightTheme.colorPaletteRedForeground1,
  noPartnerData: webLightTheme.colorNeutralForeground3,
};

export const HEARTBEAT_COLORS: Record<'ok' | 'failed', string> = {
  ok: webLightTheme.colorPaletteGreenBackground3,
  failed: webLightTheme.colorPaletteRedForeground1,
};

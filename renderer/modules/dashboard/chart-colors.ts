// The charts' colours, from the active Fluent theme's palette (SVG fills take plain colours, not
// the CSS variables the rest of the console uses). Each colour only repeats what the label next to it says.
import type { Theme } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { Compliance } from '../../../shared/domain/compliance';
import type { DeviceState } from '../../../shared/domain/device-state';
import type { ThreatLevel } from '../../../shared/domain/threat-level';
import { useActiveTheme } from '../../app/active-theme';

export interface ChartColors {
  state: Record<DeviceState, string>;
  level: Record<ThreatLevel, string>;
  compliance: Record<Compliance, string>;
  heartbeat: Record<'ok' | 'failed', string>;
}

export function chartColors(theme: Theme): ChartColors {
  const ok = theme.colorPaletteGreenBackground3;
  const bad = theme.colorPaletteRedForeground1;
  const none = theme.colorNeutralForeground3;
  return {
    state: { pending: theme.colorBrandBackground, active: ok, disconnected: theme.colorPaletteDarkOrangeBackground3, deactivated: none },
    level: { secured: ok, low: theme.colorPaletteMarigoldBackground3, medium: theme.colorPaletteDarkOrangeBackground3, high: bad },
    compliance: { compliant: ok, noncompliant: bad, noPartnerData: none },
    heartbeat: { ok, failed: bad },
  };
}

export function useChartColors(): ChartColors {
  const theme = useActiveTheme();
  return useMemo(() => chartColors(theme), [theme]);
}

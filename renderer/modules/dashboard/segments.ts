// A chart segment as the dashboard shows it and the device list it opens: the filter for a
// segment lists exactly the devices the segment counts.
import { COMPLIANCE_STATES, type Compliance } from '../../../shared/domain/compliance';
import { DEVICE_STATES, type DeviceState } from '../../../shared/domain/device-state';
import { THREAT_LEVELS, type ThreatLevel } from '../../../shared/domain/threat-level';
import type { Dashboard, DeviceFilter, DeviceListState } from '../../../shared/ipc';

export interface Segment<K extends string = string> {
  key: K;
  count: number;
  /** The device list's filter for this segment. */
  filter: DeviceFilter;
}

const ENROLLED: DeviceListState[] = ['pending', 'active', 'disconnected'];
/** Devices with partner data: the ones a threat level means something for. */
const PROTECTED: DeviceListState[] = ['active', 'disconnected'];
const LIFECYCLE: DeviceListState[] = [...DEVICE_STATES];
const EVERY: DeviceListState[] = [...DEVICE_STATES, 'unsupported'];

/**
 * The states an aggregate counts: threat levels are the protected devices' (active,
 * disconnected), compliance the enrolled devices' (pending too; not deactivated, not unsupported). Checked against the
 * aggregate's total, so that if main ever counts another set of states the segments follow it
 * and "High 12" still lists 12 devices.
 */
function scopeOf(total: number, dashboard: Dashboard, preferred: DeviceListState[]): DeviceListState[] | undefined {
  const { counts, unsupported } = dashboard;
  const sum = (states: DeviceListState[]) => states.reduce((n, state) => n + (state === 'unsupported' ? unsupported : counts[state]), 0);
  const match = [preferred, PROTECTED, ENROLLED, LIFECYCLE, EVERY].find((states) => sum(states) === total) ?? preferred;
  // Every state is no state filter at all.
  return match.length === EVERY.length ? undefined : match;
}

const withStates = (filter: DeviceFilter, states: DeviceListState[] | undefined): DeviceFilter => (states ? { ...filter, states } : filter);

export function stateSegments(dashboard: Dashboard): Segment<DeviceState>[] {
  return DEVICE_STATES.map((state) => ({ key: state, count: dashboard.counts[state], filter: { states: [state] } }));
}

export function threatSegments(dashboard: Dashboard): Segment<ThreatLevel>[] {
  const total = THREAT_LEVELS.reduce((n, level) => n + dashboard.threatLevels[level], 0);
  const states = scopeOf(total, dashboard, PROTECTED);
  return THREAT_LEVELS.map((level) => ({
    key: level,
    count: dashboard.threatLevels[level],
    filter: withStates({ threatLevels: [level] }, states),
  }));
}

export function complianceSegments(dashboard: Dashboard): Segment<Compliance>[] {
  const total = COMPLIANCE_STATES.reduce((n, value) => n + dashboard.compliance[value], 0);
  const states = scopeOf(total, dashboard, ENROLLED);
  return COMPLIANCE_STATES.map((value) => ({
    key: value,
    count: dashboard.compliance[value],
    filter: withStates({ compliance: [value] }, states),
  }));
}

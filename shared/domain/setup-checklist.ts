// The seeds' set-up steps, in their order, and whether each is done: collect the
// Entra ID ids, create the connector with its enrollment groups, state sync and
// error management, set the Disconnected Status, e-mail notifications, review the
// threat classifications, then watch the first devices become active.
import type { AccessSettings, IntuneConnectorSettings } from '../config/configuration-schema';

export const SETUP_STEPS = [
  'accessIds',
  'connector',
  'enrollmentGroups',
  'stateSync',
  'errorReportRecipients',
  'disconnectedStatus',
  'notifications',
  'classificationsReviewed',
  'firstDevicesActive',
] as const;
export type SetupStepId = (typeof SETUP_STEPS)[number];

/** done; todo: not started (or waiting for the next poll); attention: set up, but it will not work as it stands. */
export const SETUP_STEP_STATES = ['done', 'todo', 'attention'] as const;
export type SetupStepState = (typeof SETUP_STEP_STATES)[number];

/** Why a step is not done (or what it found when it is), for the screen's sentence. */
export const SETUP_STEP_REASONS = [
  'notSet',
  'noConnector',
  'notCheckedYet',
  'groupsEnrollNothing',
  'allGroupsFound',
  'deviceStatusOff',
  'threatStatusOff',
  'bothOff',
  'bothOn',
  'recipientsSet',
  'notConfirmed',
  'confirmed',
  'nobodyNotified',
  'usersNotified',
  'notReviewed',
  'reviewed',
  'noDevicesYet',
  'onlyPending',
  'devicesActive',
  'accessSet',
  'connectorSet',
  'notAdded',
] as const;
export type SetupStepReason = (typeof SETUP_STEP_REASONS)[number];

/** Who confirmed a step that has no setting of its own to show it, and when (ISO time). */
export interface SetupMark {
  by: string;
  at: string;
}

/** Which screen (and tab) the step is done on. */
export interface SetupStepTarget {
  path: string;
  tab?: 'connection' | 'enrollment' | 'stateSync' | 'errors';
  /** True when doing the step takes Full access (the screen is Full-only, or is read-only for the others). */
  needsFull: boolean;
}

export interface SetupStep {
  id: SetupStepId;
  state: SetupStepState;
  reason: SetupStepReason;
  /** Numbers and names the sentence shows: counts, group names, who confirmed and when. */
  params: Record<string, string | number>;
  target: SetupStepTarget;
}

export interface SetupFacts {
  access: AccessSettings | null;
  connector: IntuneConnectorSettings | null;
  /** The enrollment groups as the last poll resolved them (name and status; ok = a security group found by its exact name). */
  checkedGroups: readonly { name: string; status: string }[];
  disconnectedAfterDays: number;
  disconnectedStatusConfirmed: SetupMark | null;
  /** How many console users have at least one e-mail notification switch on. */
  notifiedUsers: number;
  classificationsReviewed: SetupMark | null;
  devices: { pending: number; active: number };
}

export const SETUP_TARGETS: Readonly<Record<SetupStepId, SetupStepTarget>> = {
  accessIds: { path: '/system/access', needsFull: true },
  connector: { path: '/system/connectors', tab: 'connection', needsFull: true },
  enrollmentGroups: { path: '/system/connectors', tab: 'enrollment', needsFull: true },
  stateSync: { path: '/system/connectors', tab: 'stateSync', needsFull: true },
  errorReportRecipients: { path: '/system/connectors', tab: 'errors', needsFull: true },
  disconnectedStatus: { path: '/system/enrollment-settings', needsFull: true },
  notifications: { path: '/preferences', needsFull: false },
  classificationsReviewed: { path: '/security-policy', needsFull: true },
  firstDevicesActive: { path: '/devices', needsFull: false },
};

type Outcome = Pick<SetupStep, 'state' | 'reason'> & { params?: SetupStep['params'] };

function enrollmentGroups(facts: SetupFacts): Outcome {
  const connector = facts.connector;
  if (!connector) return { state: 'todo', reason: 'noConnector' };
  const checked = new Map(facts.checkedGroups.map((group) => [group.name, group.status]));
  // Names match exactly (case-sensitively), as the engine resolves them.
  const failing = connector.enrollmentGroups.filter((name) => checked.has(name) && checked.get(name) !== 'ok');
  if (failing.length > 0) return { state: 'attention', reason: 'groupsEnrollNothing', params: { count: failing.length, names: failing.join(', ') } };
  const unchecked = connector.enrollmentGroups.filter((name) => !checked.has(name));
  if (unchecked.length > 0) return { state: 'todo', reason: 'notCheckedYet', params: { count: unchecked.length } };
  return { state: 'done', reason: 'allGroupsFound', params: { count: connector.enrollmentGroups.length } };
}

function stateSync(facts: SetupFacts): Outcome {
  const sync = facts.connector?.stateSync;
  if (!sync) return { state: 'todo', reason: 'noConnector' };
  if (sync.deviceStatus && sync.threatStatus) return { state: 'done', reason: 'bothOn' };
  if (!sync.deviceStatus && !sync.threatStatus) return { state: 'attention', reason: 'bothOff' };
  return { state: 'attention', reason: sync.deviceStatus ? 'threatStatusOff' : 'deviceStatusOff' };
}

function marked(mark: SetupMark | null, done: SetupStepReason, notDone: SetupStepReason, params: SetupStep['params'] = {}): Outcome {
  return mark ? { state: 'done', reason: done, params: { ...params, by: mark.by, at: mark.at } } : { state: 'todo', reason: notDone, params };
}

function outcomeOf(id: SetupStepId, facts: SetupFacts): Outcome {
  switch (id) {
    case 'accessIds':
      return facts.access ? { state: 'done', reason: 'accessSet' } : { state: 'todo', reason: 'notSet' };
    case 'connector':
      return facts.connector ? { state: 'done', reason: 'connectorSet' } : { state: 'todo', reason: 'notAdded' };
    case 'enrollmentGroups':
      return enrollmentGroups(facts);
    case 'stateSync':
      return stateSync(facts);
    case 'errorReportRecipients': {
      const count = facts.connector?.errorReportRecipients.length ?? 0;
      if (!facts.connector) return { state: 'todo', reason: 'noConnector' };
      return count > 0 ? { state: 'done', reason: 'recipientsSet', params: { count } } : { state: 'todo', reason: 'notSet' };
    }
    case 'disconnectedStatus':
      return marked(facts.disconnectedStatusConfirmed, 'confirmed', 'notConfirmed', { days: facts.disconnectedAfterDays });
    case 'notifications':
      return facts.notifiedUsers > 0 ? { state: 'done', reason: 'usersNotified', params: { count: facts.notifiedUsers } } : { state: 'todo', reason: 'nobodyNotified' };
    case 'classificationsReviewed':
      return marked(facts.classificationsReviewed, 'reviewed', 'notReviewed');
    case 'firstDevicesActive': {
      const { pending, active } = facts.devices;
      if (active > 0) return { state: 'done', reason: 'devicesActive', params: { count: active, pending } };
      return pending > 0 ? { state: 'todo', reason: 'onlyPending', params: { count: pending } } : { state: 'todo', reason: 'noDevicesYet' };
    }
  }
}

/** Every set-up step with its state, in the seeds' order. */
export function setupChecklist(facts: SetupFacts): SetupStep[] {
  return SETUP_STEPS.map((id) => {
    const outcome = outcomeOf(id, facts);
    return { id, state: outcome.state, reason: outcome.reason, params: outcome.params ?? {}, target: SETUP_TARGETS[id] };
  });
}

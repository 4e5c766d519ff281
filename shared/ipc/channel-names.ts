// The names alone, without schemas, so the preload stays small: the contract
// (contract.ts) must give every name here a spec and may add none of its own.

export const CHANNEL_NAMES = [
  'app.info',
  'app.health',
  'settings.get',
  'access.save',
  'connector.save',
  'connector.delete',
  'enrollmentSettings.save',
  'classifications.list',
  'classifications.setLevel',
  'classifications.reset',
  'classifications.impact',
  'preferences.get',
  'preferences.save',
  'groups.validate',
  'enrollment.preview',
  'audit.list',
  'audit.exportCsv',
  'session.get',
  'session.signInDemo',
  'session.signOut',
  'consent.grant',
  'consent.decline',
  'engine.status',
  'engine.start',
  'engine.stop',
  'engine.pollNow',
  'enrollment.removalImpact',
  'stateSync.drift',
  'stateSync.syncNow',
  'smtp.get',
  'smtp.save',
  'smtp.delete',
  'dashboard.get',
  'devices.page',
  'devices.detail',
  'devices.exportCsv',
  'threats.page',
  'threats.options',
  'demo.clock',
  'demo.setSpeed',
  'demo.advance',
  'profiles.list',
  'profiles.switch',
  'profiles.add',
  'profiles.rename',
  'profiles.remove',
  'connection.get',
  'connection.save',
  'connection.test',
  'session.beginSignIn',
  'session.completeSignIn',
  'session.cancelSignIn',
  'consent.begin',
  'setup.checklist',
  'classifications.markReviewed',
  // Directory pickers and the stored enrollment group checks.
  'directory.searchGroups',
  'directory.resolveGroups',
  'enrollment.groupChecks',
] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

export const EVENT_NAMES = ['app.notice', 'engine.status'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && (CHANNEL_NAMES as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}

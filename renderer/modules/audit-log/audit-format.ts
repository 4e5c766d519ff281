import type { AuditEntry, AuditFilter } from '../../../shared/ipc';

type AuditAction = AuditEntry['action'];

/** i18n keys of the actions (i18next reads dots in keys as nesting, so the action names cannot be keys themselves). */
export const ACTION_LABELS = {
  'settings.changed': 'auditLog.actions.settingsChanged',
  'connector.created': 'auditLog.actions.connectorCreated',
  'connector.deleted': 'auditLog.actions.connectorDeleted',
  'classifications.reset': 'auditLog.actions.classificationsReset',
  'sign-in': 'auditLog.actions.signIn',
  consent: 'auditLog.actions.consent',
  'call.denied': 'auditLog.actions.callDenied',
  'profile.added': 'auditLog.actions.profileAdded',
  'profile.renamed': 'auditLog.actions.profileRenamed',
  'profile.removed': 'auditLog.actions.profileRemoved',
  'stateSync.sent': 'auditLog.actions.stateSyncSent',
} as const satisfies Record<AuditAction, string>;

/** The filters as typed: dates are the date inputs' yyyy-mm-dd, in the admin's time zone. */
export interface FilterDraft {
  action: AuditAction | '';
  actor: string;
  from: string;
  to: string;
}

export const NO_FILTER: FilterDraft = { action: '', actor: '', from: '', to: '' };

function localDay(day: string, end: boolean): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const date = end
    ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59, 999)
    : new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The contract's filter: "from" is the start of that day, "to" the end of that day. */
export function filterOf(draft: FilterDraft): AuditFilter {
  const filter: AuditFilter = {};
  if (draft.action !== '') filter.action = draft.action;
  const actor = draft.actor.trim();
  if (actor !== '') filter.actor = actor;
  const from = localDay(draft.from, false);
  if (from !== undefined) filter.from = from;
  const to = localDay(draft.to, true);
  if (to !== undefined) filter.to = to;
  return filter;
}

export function isFiltered(draft: FilterDraft): boolean {
  return draft.action !== '' || draft.actor.trim() !== '' || draft.from !== '' || draft.to !== '';
}

/** A before or after value as text; `none` for a value that was not set. */
export function formatValue(value: unknown, none: string): string {
  if (value === undefined || value === null) return none;
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(', ');
  return JSON.stringify(value);
}

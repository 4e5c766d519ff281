// The English sentences of the errors an admin is shown, keyed by a stable reason
// ("graph.missingScope") and built from params: main says them in English, the
// renderer translates the same reason and params into the admin's language.
import { AppError, type ErrorCode, type MessageParams } from './errors';

export const ERROR_MESSAGES = {
  /** Words no catalog entry has (a library's own, a bug's): shown as they were written. */
  general: {
    asWritten: '{{detail}}',
  },
  call: {
    noChannel: 'There is no channel named {{channel}}.',
    signInFirst: 'Sign in to use this part of the console.',
    roleRefused: 'Your role ({{role}}) may not use {{channel}}.',
    unexpected: 'The console hit an unexpected error; the details are in its log.',
    notFromWindow: 'Refused: the call did not come from the console window.',
  },
  session: {
    signInForPreferences: 'Sign in to use your preferences.',
    demoSignInOnly: 'This is the demo tenant: sign in by choosing one of its users. Sign-in with Microsoft is for a real tenant profile.',
    demoConsentOnPage: "The demo tenant's consent is granted on the consent page itself: choose Accept.",
    demoSignInNeedsDemo: 'Demo sign-in exists only on the embedded demo tenant.',
    consentNotGrantedYet: 'Invalid login: consent for this tenant has not been granted yet. A Global Administrator must sign in first and grant consent.',
    noConsentWaiting: 'No consent is waiting: a Global Administrator must sign in first.',
    notInGroup: "You are not a member of the console's access groups. Ask an administrator to add you to {{group}}.",
    notInGroups: "You are not a member of the console's access groups. Ask an administrator to add you to {{full}} (full access) or {{restricted}} (restricted access).",
    notInGroupIds: "You are not a member of the console's access groups. Ask an administrator to add you to the full-access group (object ID {{full}}).",
    notInGroupsIds: "You are not a member of the console's access groups. Ask an administrator to add you to the full-access group (object ID {{full}}) or the restricted-access group (object ID {{restricted}}).",
    noFullAccessGroup: 'System > Access has no full-access group yet.',
    noFullAccessGroupForTenant: 'System > Access has no full-access group for this tenant.',
    notADemoUser: 'Invalid login: {{user}} is not a user of the demo tenant.',
    realTenantSignIn: 'This is a real tenant: sign in with Microsoft. The demo users exist only on the demo tenant.',
    noSignInUnderWay: 'No sign-in is under way: choose Sign in with Microsoft first.',
    openConsentFirst: 'Open the admin consent page first: choose Accept.',
    endedDuringConsent: 'Consent was recorded, but the sign-in ended meanwhile: sign in again.',
  },
  profile: {
    unknown: 'There is no tenant profile {{id}}.',
    demoNotRemovable: 'The demo tenant is built into the console and cannot be removed.',
    nameTaken: "Profile name: a tenant profile named '{{name}}' already exists.",
    noConnection: 'The tenant profile {{name}} has no connection settings.',
    demoHasNoConnection: 'This is the demo tenant: it has no connection settings. Add your own tenant under Tenants.',
    demoNothingToTest: 'This is the demo tenant: there is no connection to test. Add your own tenant under Tenants.',
    demoClockOnly: 'The demo clock exists only on the demo tenant.',
    noClientSecret:
      'The app identity polls with a client secret, and none is stored for this tenant (it is kept for one run only where no OS key store exists). Enter it again under System > Access > Tenant connection.',
    noCertificate:
      'The app identity polls with a certificate, and none is stored for this tenant (it is kept for one run only where no OS key store exists). Give it again under System > Access > Tenant connection.',
    certificateUnusable: "The app's certificate cannot be used: {{detail}}",
  },
  graph: {
    missingScope:
      '{{service}} {{method}} {{path}} was refused: the app registration lacks the permission {{scopes}}, or consent for it was revoked. Add it under API permissions and have a Global Administrator grant consent again.',
    missingIntuneRole:
      '{{service}} {{method}} {{path}} was refused: the signed-in admin has no Intune role that allows it. Assign an Intune role (for example Read Only Operator) in Intune > Tenant administration > Roles, or poll with the app identity.',
    forbidden: '{{service}} {{method}} {{path}} was refused (403): {{detail}}',
    unauthorized: '{{service}} {{method}} {{path}} was refused (401): the sign-in is no longer valid. Sign in again.',
    tokenUnavailable: '{{service}} {{method}} {{path}} was not sent: {{detail}}',
    unreachable: '{{service}} {{method}} {{path}} got no answer: the service cannot be reached from this computer.',
  },
  mobileRisk: {
    keyRefused:
      'Lookout refused the application key ({{serviceCode}}): it is not valid, was revoked or has expired (keys last one year). Generate a new one in the Lookout console under System > Application Keys and enter it under System > Access > Tenant connection.',
  },
  service: {
    failed: '{{service}} {{method}} {{path}}: {{status}} {{serviceCode}}',
    failedSaying: '{{service}} {{method}} {{path}}: {{status}} {{serviceCode}}: {{detail}}',
    otherAddress:
      "{{service}} answered with a link to another address; the console does not follow it, so no token goes elsewhere. The next poll starts again from the service's own address.",
  },
  smtp: {
    connection: 'Cannot reach the SMTP server {{server}} ({{cause}}): {{detail}}',
    tls: 'TLS with the SMTP server {{server}} failed ({{cause}}): {{detail}}',
    authNeeded: 'The SMTP server {{server}} needs a user name and password.',
    authRefused: 'The SMTP server {{server}} refused the sign-in: {{detail}}',
    rejected: 'The SMTP server {{server}} refused the mail: {{detail}}',
    other: 'Sending through the SMTP server {{server}} failed: {{detail}}',
  },
  signIn: {
    wrongTenant: 'Invalid login: that account belongs to another directory (tenant {{actual}}); this profile connects to tenant {{expected}}. Sign in with an account of that tenant.',
    timedOut: 'Nobody finished signing in in the browser in time (10 minutes), or the browser tab was closed. Sign in again.',
    consentRevoked:
      'Consent for this tenant is missing or was revoked: the app registration may not use its Microsoft Graph permissions. A Global Administrator must sign in and grant consent again (or restore it in Entra ID > Enterprise applications).',
    declined: 'The sign-in or consent was declined in the browser. Nothing was changed.',
    consentNotGranted: 'Invalid login: consent for this tenant has not been granted ({{detail}}). A Global Administrator must sign in first and grant consent.',
    refused: 'Microsoft sign-in refused: {{serviceCode}}.',
    refusedSaying: 'Microsoft sign-in refused: {{serviceCode}} ({{detail}}).',
    ended: 'The sign-in has ended (it expired, or the password changed). Sign in again.',
    cancelled: 'The sign-in was cancelled.',
    unreachable: 'The Microsoft identity platform or Microsoft Graph cannot be reached from this computer. Check the network and sign in again.',
    credentialRefused:
      "Microsoft Entra ID refused the app registration's credential (its client secret or certificate): {{detail}} Check Certificates & secrets of the app registration: the secret must be current, the certificate the one whose thumbprint System > Access > Tenant connection shows.",
    failed: 'Microsoft sign-in failed: {{serviceCode}}.',
    failedSaying: 'Microsoft sign-in failed: {{serviceCode}}: {{detail}}.',
    other: 'The sign-in failed: {{detail}}',
  },
  sync: {
    deviceGone: 'Intune does not know this device any more (retired or deleted); it is deactivated.',
    batchFailed: '{{count}} device states could not be sent: {{detail}}',
    heartbeatFailed: 'The heartbeat could not be sent: {{detail}}',
    eventSkipped: 'Mobile Risk API event {{event}} was skipped: {{detail}}',
    addressUnreadable: 'The e-mail address of console user {{userId}} could not be read, so their threat notifications are not sent: {{detail}}',
  },
  poll: {
    stateSyncFailed: '{{failed}} of the device state requests failed.',
    stateSyncAndHeartbeatFailed: '{{failed}} of the device state requests failed, and the heartbeat failed.',
  },
} as const;

type Messages = typeof ERROR_MESSAGES;
/** Every reason the catalog knows, e.g. "graph.missingScope". */
export type MessageReason = { [G in keyof Messages]: `${G}.${Extract<keyof Messages[G], string>}` }[keyof Messages];

export function isMessageReason(reason: unknown): reason is MessageReason {
  if (typeof reason !== 'string') return false;
  const [group, name, ...rest] = reason.split('.');
  if (rest.length > 0 || group === undefined || name === undefined || !Object.hasOwn(ERROR_MESSAGES, group)) return false;
  return Object.hasOwn(ERROR_MESSAGES[group as keyof Messages], name);
}

/** The reason's English sentence with its params filled in, as i18next fills {{name}}. */
export function englishMessage(reason: MessageReason, params: MessageParams = {}): string {
  const [group, name] = reason.split('.') as [keyof Messages, string];
  const template = (ERROR_MESSAGES[group] as Record<string, string>)[name]!;
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (Object.hasOwn(params, key) ? String(params[key]) : whole));
}

/** A typed error whose message is the reason's English sentence. */
export function appError(code: ErrorCode, reason: MessageReason, params: MessageParams, extra: { field?: string; rule?: string } = {}): AppError {
  return new AppError({ code, message: englishMessage(reason, params), reason, params, ...extra });
}

/** A summary line (a poll's, a sync's): its words, the reason they come from and its params. */
export interface MessageLine {
  message: string;
  reason: string;
  params: MessageParams;
}

export function lineOf(error: AppError): MessageLine {
  return { message: error.message, reason: error.reason ?? 'general.asWritten', params: error.reason ? (error.params ?? {}) : { detail: error.message } };
}

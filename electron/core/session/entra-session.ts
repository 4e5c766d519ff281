// Sign-in, consent and roles on a real tenant (PRODUCT.md sections 3 and 9): Microsoft
// sign-in in the system browser; until consent is recorded for the profile, only a Global
// Administrator or Privileged Role Administrator gets past it, to the consent page; the role
// comes from one POST /me/checkMemberObjects with the signed-in admin's own token.
import fs from 'node:fs';
import path from 'node:path';
import { appError, type BrowserStep, type Session, type SessionUserInfo } from '../../../shared/ipc';
import type { Role } from '../../../shared/ipc/roles';
import { createGraphClient } from '../../graph/graph-client';
import { isUnreachable } from '../../http/unreachable';
import { auditActor, type AuditedUser, type AuditLog } from '../audit/audit-log';
import type { CallContext } from '../dispatcher';
import type { Logger } from '../../http/logger';
import type { SettingsStore } from '../settings/settings-store';
import type { EntraAccount, EntraIdentity } from './entra-identity';
import { signInFailure } from './sign-in-failure';
import { GLOBAL_ADMIN_ROLE_TEMPLATE_ID, PRIVILEGED_ROLE_ADMIN_TEMPLATE_ID, type Sessions } from './sessions';

/** The last role checked per user, so a restart while the tenant is unreachable still opens on the last known inventory. */
const LAST_ROLE_FILE = 'last-role.json';

interface Membership {
  role: Role | null;
  canConsent: boolean;
}

export interface EntraSessionOptions {
  identity: EntraIdentity;
  settings: SettingsStore;
  audit: AuditLog;
  logger: Logger;
  dataDir: string;
  graphBaseUrl: string;
  profile: { id: string; name: string };
  now?: () => Date;
}

export class EntraSessionManager implements Sessions {
  private current: { user: SessionUserInfo; role: Role; offlineSince: string | null } | null = null;
  private pendingConsent: { user: SessionUserInfo; membership: Membership } | null = null;
  private step: 'signIn' | 'consent' | null = null;
  /** The browser step's answer being awaited: a window reloaded meanwhile asks again and joins it, admitted once. */
  private awaiting: Promise<Session> | null = null;
  private stepUrl: string | null = null;
  private readonly now: () => Date;

  constructor(private readonly options: EntraSessionOptions) {
    this.now = options.now ?? (() => new Date());
  }

  context(): CallContext {
    return this.current ? { role: this.current.role, user: { id: this.current.user.id, displayName: this.current.user.displayName, userPrincipalName: this.current.user.userPrincipalName } } : { role: null };
  }

  view(): Session {
    return {
      signedIn: this.current !== null,
      user: this.current?.user ?? null,
      role: this.current?.role ?? null,
      consentRecorded: this.options.settings.get().consent !== null,
      consentPendingFor: this.pendingConsent?.user ?? null,
      mode: 'real',
      demoUsers: [],
      profile: { ...this.options.profile },
      browserStep: this.step,
      offlineSince: this.current?.offlineSince ?? null,
    };
  }

  signInDemo(): Promise<Session> {
    return Promise.reject(appError('conflict', 'session.realTenantSignIn', {}));
  }

  async restore(): Promise<void> {
    let account: EntraAccount | null;
    try {
      account = await this.options.identity.restore();
    } catch (error) {
      this.options.logger.warn(`Silent sign-in failed: ${String(error)}`);
      return;
    }
    if (!account || this.options.settings.get().consent === null) return;
    try {
      const membership = await this.membership();
      if (membership.role) this.admit(account, membership.role, 'silent sign-in');
    } catch (error) {
      const last = this.lastRole(account.oid);
      if (isUnreachable(error) && last) {
        // The tenant cannot be reached: open on the last known inventory with the role last checked.
        this.current = { user: userOf(account), role: last, offlineSince: this.now().toISOString() };
        this.record(account.username, 'sign-in', `${roleWords(last)} (offline: last known role)`, 'ok');
        return;
      }
      this.options.logger.warn(`Silent sign-in could not check the role: ${String(error)}`);
    }
  }

  async beginSignIn(): Promise<BrowserStep> {
    this.current = null;
    this.pendingConsent = null;
    this.awaiting = null;
    this.step = 'signIn';
    try {
      return this.opened(await this.options.identity.beginSignIn());
    } catch (error) {
      this.step = null;
      throw signInFailure(error);
    }
  }

  browserStepUrl(): string | null {
    return this.step === null ? null : this.stepUrl;
  }

  private opened(step: BrowserStep): BrowserStep {
    this.stepUrl = step.url;
    return step;
  }

  completeSignIn(): Promise<Session> {
    return this.once(() => this.completeSignInOnce());
  }

  grantConsent(): Promise<Session> {
    return this.once(() => this.grantConsentOnce());
  }

  private once(work: () => Promise<Session>): Promise<Session> {
    if (this.awaiting) return this.awaiting;
    const awaiting = work().finally(() => {
      if (this.awaiting === awaiting) this.awaiting = null;
    });
    this.awaiting = awaiting;
    return awaiting;
  }

  private async completeSignInOnce(): Promise<Session> {
    if (this.step !== 'signIn') throw appError('conflict', 'session.noSignInUnderWay', {});
    let account: EntraAccount;
    try {
      account = await this.options.identity.completeSignIn();
    } catch (error) {
      const failure = signInFailure(error);
      this.record('signed-out caller', 'sign-in', failure.message.slice(0, 200), 'denied');
      throw failure;
    } finally {
      this.step = null;
    }
    let membership: Membership;
    try {
      membership = await this.membership();
    } catch (error) {
      await this.options.identity.signOut();
      throw signInFailure(error);
    }
    const user = userOf(account);
    if (this.options.settings.get().consent === null) {
      if (membership.canConsent) {
        this.pendingConsent = { user, membership };
        this.record(user, 'sign-in', 'consent requested', 'ok');
        return this.view();
      }
      await this.options.identity.signOut();
      this.record(user, 'sign-in', 'consent missing', 'denied');
      throw appError('unauthenticated', 'session.consentNotGrantedYet', {});
    }
    return this.admitOrRefuse(account, membership.role);
  }

  async cancelSignIn(): Promise<Session> {
    this.options.identity.cancel();
    this.step = null;
    this.awaiting = null;
    return this.view();
  }

  async beginConsent(): Promise<BrowserStep> {
    if (!this.pendingConsent) throw appError('conflict', 'session.noConsentWaiting', {});
    this.awaiting = null;
    this.step = 'consent';
    try {
      return this.opened(await this.options.identity.beginAdminConsent());
    } catch (error) {
      this.step = null;
      throw signInFailure(error);
    }
  }

  private async grantConsentOnce(): Promise<Session> {
    const pending = this.pendingConsent;
    if (!pending) throw appError('conflict', 'session.noConsentWaiting', {});
    if (this.step !== 'consent') throw appError('conflict', 'session.openConsentFirst', {});
    try {
      await this.options.identity.completeAdminConsent();
    } catch (error) {
      const failure = signInFailure(error);
      this.record(pending.user, 'consent', failure.message.slice(0, 200), 'denied');
      throw failure;
    } finally {
      this.step = null;
    }
    this.pendingConsent = null;
    this.options.settings.update((draft) => {
      draft.consent = { grantedBy: pending.user.userPrincipalName, grantedAt: this.now().toISOString() };
    });
    this.options.audit.record({ ...auditActor(pending.user), action: 'consent', target: 'tenant', outcome: 'ok', changes: [{ field: 'consent', before: null, after: 'granted' }] });
    const account = await this.options.identity.restore();
    if (!account) throw appError('unauthenticated', 'session.endedDuringConsent', {});
    return this.admitOrRefuse(account, pending.membership.role);
  }

  async declineConsent(): Promise<Session> {
    const pending = this.pendingConsent;
    if (pending) this.record(pending.user, 'consent', 'declined', 'denied');
    this.pendingConsent = null;
    this.options.identity.cancel();
    this.step = null;
    await this.options.identity.signOut();
    return this.view();
  }

  async recheckRole(): Promise<boolean> {
    const current = this.current;
    if (!current) return false;
    let role: Role | null;
    try {
      role = (await this.membership()).role;
    } catch (error) {
      if (isUnreachable(error)) return false;
      throw error;
    }
    if (this.current !== current) return false;
    if (role === current.role && current.offlineSince === null) return false;
    if (role === null) {
      this.record(current.user, 'sign-in', 'access group membership removed', 'denied');
      this.current = null;
      return true;
    }
    if (role !== current.role) this.record(current.user, 'sign-in', `role changed to ${roleWords(role)}`, 'ok');
    this.current = { ...current, role, offlineSince: null };
    this.rememberRole(current.user.id, role);
    return true;
  }

  async signOut(): Promise<Session> {
    const current = this.current;
    this.current = null;
    this.pendingConsent = null;
    this.options.identity.cancel();
    this.step = null;
    await this.options.identity.signOut();
    if (current) this.record(current.user, 'sign-in', 'signed out', 'ok');
    return this.view();
  }

  async close(): Promise<void> {
    this.options.identity.cancel();
  }

  /** The signed-in admin's role and whether they may consent, from the directory in one call. */
  private async membership(): Promise<Membership> {
    const access = this.options.settings.get().access;
    if (!access) throw appError('unavailable', 'session.noFullAccessGroupForTenant', {});
    // One retry only: someone waits on this answer, and an unreachable tenant is answered with the last known role.
    const graph = createGraphClient({ baseUrl: this.options.graphBaseUrl, tokens: this.options.identity.userReadTokens(), retry: { maxAttempts: 2 } });
    const ids = [access.fullAccessGroupId, ...(access.restrictedAccessGroupId ? [access.restrictedAccessGroupId] : []), GLOBAL_ADMIN_ROLE_TEMPLATE_ID, PRIVILEGED_ROLE_ADMIN_TEMPLATE_ID];
    const answer = await graph.post<{ value?: unknown }>('/me/checkMemberObjects', { ids });
    const held = new Set((Array.isArray(answer?.value) ? answer.value : []).filter((id): id is string => typeof id === 'string').map((id) => id.toLowerCase()));
    const role: Role | null = held.has(access.fullAccessGroupId.toLowerCase())
      ? 'full'
      : access.restrictedAccessGroupId && held.has(access.restrictedAccessGroupId.toLowerCase())
        ? 'restricted'
        : null;
    return { role, canConsent: held.has(GLOBAL_ADMIN_ROLE_TEMPLATE_ID) || held.has(PRIVILEGED_ROLE_ADMIN_TEMPLATE_ID) };
  }

  private async admitOrRefuse(account: EntraAccount, role: Role | null): Promise<Session> {
    if (role === null) {
      await this.options.identity.signOut();
      this.record(account.username, 'sign-in', 'not in an access group', 'denied');
      const access = this.options.settings.get().access;
      const groups = [access?.fullAccessGroupId, access?.restrictedAccessGroupId].filter((id) => id !== undefined);
      throw groups[1] ? appError('forbidden', 'session.notInGroupsIds', { full: groups[0] ?? 'not set', restricted: groups[1] }) : appError('forbidden', 'session.notInGroupIds', { full: groups[0] ?? 'not set' });
    }
    this.admit(account, role, roleWords(role));
    return this.view();
  }

  private admit(account: EntraAccount, role: Role, how: string): void {
    this.current = { user: userOf(account), role, offlineSince: null };
    this.rememberRole(account.oid, role);
    this.record(account.name ?? account.username, 'sign-in', how, 'ok');
  }

  private lastRole(oid: string): Role | null {
    try {
      const stored = JSON.parse(fs.readFileSync(path.join(this.options.dataDir, LAST_ROLE_FILE), 'utf8')) as Record<string, unknown>;
      const role = stored[oid];
      return role === 'full' || role === 'restricted' ? role : null;
    } catch {
      return null;
    }
  }

  private rememberRole(oid: string, role: Role): void {
    try {
      fs.writeFileSync(path.join(this.options.dataDir, LAST_ROLE_FILE), JSON.stringify({ [oid]: role }), { mode: 0o600 });
    } catch (error) {
      this.options.logger.warn(`The last checked role could not be kept: ${String(error)}`);
    }
  }

  private record(who: string | AuditedUser, action: 'sign-in' | 'consent', target: string, outcome: 'ok' | 'denied'): void {
    const actor = typeof who === 'string' ? { actor: who } : auditActor(who);
    this.options.audit.record({ ...actor, actor: actor.actor.slice(0, 256), action, target, outcome, changes: [] });
  }
}

function userOf(account: EntraAccount): SessionUserInfo {
  return { id: account.oid, displayName: account.name ?? account.username, userPrincipalName: account.username };
}

function roleWords(role: Role): string {
  return role === 'full' ? 'Full access' : 'Restricted access';
}

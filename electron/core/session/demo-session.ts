// Sign-in, tenant consent and roles (PRODUCT.md section 3), decided in the main
// process: until a Global Administrator grants consent every sign-in fails; after
// it, the full-access group gives Full, the restricted-access group Restricted.
import { appError, type AppError, type Session, type SessionUserInfo } from '../../../shared/ipc';
import type { Role } from '../../../shared/ipc/roles';
import type { TokenProvider } from '../../http/token-provider';
import { DEMO_USER_PASSWORD, type DemoTenant } from '../../demo-tenant/demo-tenant';
import { createGraphClient, type GraphClient } from '../../graph/graph-client';
import { graphPaths } from '../../graph/graph-paths';
import { auditActor, type AuditedUser, type AuditLog } from '../audit/audit-log';
import type { CallContext } from '../dispatcher';
import type { SettingsStore } from '../settings/settings-store';
import type { TenantConnection } from '../tenant-connection';

import { GLOBAL_ADMIN_ROLE_TEMPLATE_ID, type Sessions } from './sessions';

export { GLOBAL_ADMIN_ROLE_TEMPLATE_ID };
export const DEMO_ACCESS_GROUPS = { full: 'MTD Console Full Access', restricted: 'MTD Console Restricted Access' } as const;

interface MemberOf {
  '@odata.type': string;
  id: string;
  displayName?: string | null;
  roleTemplateId?: string;
}

interface SignedInUser {
  user: SessionUserInfo;
  isGlobalAdmin: boolean;
  groupIds: Set<string>;
  /** When the sign-in's token ends; the session ends with it, since it cannot be renewed silently. */
  expiresAt: number;
}

const staticToken = (token: string): TokenProvider => ({ getToken: async () => token, invalidate: () => undefined });

export class SessionManager implements Sessions {
  private current: { user: SessionUserInfo; role: Role; expiresAt: number } | null = null;
  private pendingConsent: SignedInUser | null = null;

  constructor(
    private readonly settings: SettingsStore,
    private readonly audit: AuditLog,
    private readonly tenant: () => TenantConnection,
    private readonly now: () => Date = () => new Date(),
    private readonly profile: { id: string; name: string } = { id: 'demo', name: 'Demo tenant' },
  ) {}

  async restore(): Promise<void> {}

  async close(): Promise<void> {}

  private static demoOnly(): AppError {
    return appError('conflict', 'session.demoSignInOnly', {});
  }

  beginSignIn(): Promise<never> {
    return Promise.reject(SessionManager.demoOnly());
  }

  completeSignIn(): Promise<never> {
    return Promise.reject(SessionManager.demoOnly());
  }

  cancelSignIn(): Promise<Session> {
    return Promise.resolve(this.view());
  }

  beginConsent(): Promise<never> {
    return Promise.reject(appError('conflict', 'session.demoConsentOnPage', {}));
  }

  context(): CallContext {
    this.expire();
    return this.current ? { role: this.current.role, user: { id: this.current.user.id, displayName: this.current.user.displayName, userPrincipalName: this.current.user.userPrincipalName } } : { role: null };
  }

  view(): Session {
    this.expire();
    const connection = this.tenant();
    const demo = connection.demoTenant;
    return {
      signedIn: this.current !== null,
      user: this.current?.user ?? null,
      role: this.current?.role ?? null,
      consentRecorded: this.settings.get().consent !== null,
      consentPendingFor: this.pendingConsent?.user ?? null,
      mode: connection.mode,
      demoUsers: demo
        ? demo.data.users.filter((u) => u.role).map((u) => ({ userPrincipalName: u.userPrincipalName, displayName: u.displayName, kind: u.role! }))
        : [],
      profile: { ...this.profile },
      browserStep: null,
      offlineSince: null,
    };
  }

  async signInDemo(userPrincipalName: string): Promise<Session> {
    const connection = this.tenant();
    if (!connection.demoTenant) throw appError('unavailable', 'session.demoSignInNeedsDemo', {});
    this.current = null;
    this.pendingConsent = null;
    const signedIn = await this.demoIdentity(connection.demoTenant, userPrincipalName);
    if (this.settings.get().consent === null) {
      if (signedIn.isGlobalAdmin) {
        this.pendingConsent = signedIn;
        this.record(signedIn.user, 'sign-in', 'consent requested', 'ok');
        return this.view();
      }
      this.record(signedIn.user, 'sign-in', 'consent missing', 'denied');
      throw appError('unauthenticated', 'session.consentNotGrantedYet', {});
    }
    return this.admit(connection, signedIn);
  }

  async grantConsent(): Promise<Session> {
    const pending = this.pendingConsent;
    if (!pending) throw appError('conflict', 'session.noConsentWaiting', {});
    this.pendingConsent = null;
    this.settings.update((draft) => {
      draft.consent = { grantedBy: pending.user.userPrincipalName, grantedAt: this.now().toISOString() };
    });
    this.audit.record({ ...auditActor(pending.user), action: 'consent', target: 'tenant', outcome: 'ok', changes: [{ field: 'consent', before: null, after: 'granted' }] });
    return this.admit(this.tenant(), pending);
  }

  /** The demo tenant's sign-in never leaves the window. */
  browserStepUrl(): null {
    return null;
  }

  declineConsent(): Session {
    const pending = this.pendingConsent;
    if (pending) this.record(pending.user, 'consent', 'declined', 'denied');
    this.pendingConsent = null;
    return this.view();
  }

  /**
   * Roles are re-checked at every poll: a user removed from the access groups loses the
   * session, one moved to the other group gets that group's role. Answers whether anything changed.
   */
  async recheckRole(): Promise<boolean> {
    const current = this.current;
    if (!current) return false;
    const connection = this.tenant();
    const groups = await this.accessGroups(connection);
    const memberOf: MemberOf[] = [];
    for await (const item of connection.graph.items<MemberOf>(graphPaths.userMemberOf(current.user.id))) memberOf.push(item);
    const ids = new Set(memberOf.filter((m) => m['@odata.type'] === '#microsoft.graph.group').map((m) => m.id));
    const role: Role | null = groups.full && ids.has(groups.full.id) ? 'full' : groups.restricted && ids.has(groups.restricted.id) ? 'restricted' : null;
    // The session may have ended or changed hands while Graph answered.
    if (this.current !== current || role === current.role) return false;
    if (role === null) {
      this.record(current.user, 'sign-in', 'access group membership removed', 'denied');
      this.current = null;
    } else {
      this.record(current.user, 'sign-in', role === 'full' ? 'role changed to Full access' : 'role changed to Restricted access', 'ok');
      this.current = { ...current, role };
    }
    return true;
  }

  signOut(): Session {
    this.current = null;
    this.pendingConsent = null;
    return this.view();
  }

  private async admit(connection: TenantConnection, signedIn: SignedInUser): Promise<Session> {
    const groups = await this.accessGroups(connection);
    const role: Role | null = groups.full && signedIn.groupIds.has(groups.full.id) ? 'full' : groups.restricted && signedIn.groupIds.has(groups.restricted.id) ? 'restricted' : null;
    if (role === null) {
      this.record(signedIn.user, 'sign-in', 'not in an access group', 'denied');
      const names = [groups.full, groups.restricted].filter((g) => g !== undefined).map((g) => `'${g.displayName}'`);
      throw names.length > 1 ? appError('forbidden', 'session.notInGroups', { full: names[0]!, restricted: names[1]! }) : appError('forbidden', 'session.notInGroup', { group: names[0] ?? '' });
    }
    this.current = { user: signedIn.user, role, expiresAt: signedIn.expiresAt };
    this.record(signedIn.user, 'sign-in', role === 'full' ? 'Full access' : 'Restricted access', 'ok');
    return this.view();
  }

  /**
   * The access groups roles come from. On the demo tenant these are its own two access
   * groups, so the demo works whatever System > Access holds for a real tenant.
   */
  private async accessGroups(connection: TenantConnection): Promise<{ full?: { id: string; displayName: string }; restricted?: { id: string; displayName: string } }> {
    const demo = connection.demoTenant;
    if (demo) {
      const find = (name: string) => demo.data.groups.find((group) => group.displayName === name);
      const full = find(DEMO_ACCESS_GROUPS.full);
      const restricted = find(DEMO_ACCESS_GROUPS.restricted);
      return { ...(full ? { full } : {}), ...(restricted ? { restricted } : {}) };
    }
    const access = this.settings.get().access;
    if (!access) throw appError('unavailable', 'session.noFullAccessGroup', {});
    const named = async (id: string) => ({ id, displayName: (await connection.graph.get<{ displayName: string }>(graphPaths.group(id))).displayName });
    return {
      full: await named(access.fullAccessGroupId),
      ...(access.restrictedAccessGroupId ? { restricted: await named(access.restrictedAccessGroupId) } : {}),
    };
  }

  /** Signs a demo user in against the demo tenant's token endpoint and reads who they are from Graph. */
  private async demoIdentity(tenant: DemoTenant, userPrincipalName: string): Promise<SignedInUser> {
    const credentials = tenant.credentials();
    const response = await tenant.fetch(credentials.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', client_id: credentials.clientId, username: userPrincipalName, password: DEMO_USER_PASSWORD, scope: 'User.Read' }),
    });
    if (response.status !== 200) {
      this.record(userPrincipalName.slice(0, 256), 'sign-in', 'unknown user', 'denied');
      throw appError('unauthenticated', 'session.notADemoUser', { user: userPrincipalName.slice(0, 256) }, { field: 'userPrincipalName', rule: 'a demo tenant user' });
    }
    const { access_token: token, expires_in: expiresIn } = (await response.json()) as { access_token: string; expires_in: number };
    const graph: GraphClient = createGraphClient({ baseUrl: credentials.graphBaseUrl, tokens: staticToken(token), fetch: tenant.fetch });
    const me = await graph.get<{ id: string; displayName: string; userPrincipalName: string }>('/me');
    const memberOf: MemberOf[] = [];
    for await (const item of graph.items<MemberOf>('/me/memberOf')) memberOf.push(item);
    return {
      user: { id: me.id, displayName: me.displayName, userPrincipalName: me.userPrincipalName },
      isGlobalAdmin: memberOf.some((m) => m['@odata.type'] === '#microsoft.graph.directoryRole' && m.roleTemplateId === GLOBAL_ADMIN_ROLE_TEMPLATE_ID),
      groupIds: new Set(memberOf.filter((m) => m['@odata.type'] === '#microsoft.graph.group').map((m) => m.id)),
      expiresAt: this.now().getTime() + expiresIn * 1000,
    };
  }

  private expire(): void {
    if (this.current && this.now().getTime() >= this.current.expiresAt) {
      this.record(this.current.user, 'sign-in', 'session expired', 'denied');
      this.current = null;
    }
  }

  private record(who: string | AuditedUser, action: 'sign-in' | 'consent', target: string, outcome: 'ok' | 'denied'): void {
    this.audit.record({ ...(typeof who === 'string' ? { actor: who } : auditActor(who)), action, target, outcome, changes: [] });
  }
}

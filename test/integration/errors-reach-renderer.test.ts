// Failures of the tenant's services reach the renderer as typed errors in words, through
// the real dispatcher: the specific sentence, its code, and the reason and params the
// renderer translates; "unexpected error" is left for bugs.
import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import type { CallContext } from '../../electron/core/dispatcher';
import { connectDemoTenant, type TenantConnection } from '../../electron/core/tenant-connection';
import { createMemoryLogger } from '../../electron/http/logger';
import { messageOf } from '../../renderer/forms/errors';
import { en } from '../../renderer/i18n/en';
import { unwrap, type Envelope } from '../../shared/ipc';
import { makeTempDir } from '../support/temp-dir';

const ADMIN: CallContext = { role: 'full', user: { id: 'u', displayName: 'U' } };

/** What the renderer shows for a rejected call: the envelope rebuilt as its API does, in its words. */
function shown(envelope: Envelope<unknown>): string {
  try {
    unwrap(envelope);
  } catch (error) {
    return messageOf(error);
  }
  throw new Error(`The call did not fail: ${JSON.stringify(envelope)}`);
}

beforeAll(async () => {
  await i18next.init({ resources: { en: { translation: en } }, lng: 'en', interpolation: { escapeValue: false } });
});

describe('a Graph call refused for a missing permission', () => {
  const temp = makeTempDir('mtd-errors-graph-');
  let core: Core;
  let connection: TenantConnection;

  beforeAll(() => {
    connection = connectDemoTenant({ devices: 50, seed: 'errors-graph' });
    core = createCore({ version: '1.0.0', host: 'browser', dataDir: temp.dir, logger: createMemoryLogger(), connect: () => connection });
  });
  afterAll(async () => {
    await core.close();
    temp.cleanup();
  });

  it('names the permission the app registration lacks, with its code, instead of an unexpected error', async () => {
    expect(await core.dispatcher.dispatch('directory.searchGroups', { prefix: 'Sal' }, ADMIN)).toMatchObject({ ok: true });
    connection.demoTenant!.revokeConsent();
    const envelope = await core.dispatcher.dispatch('directory.searchGroups', { prefix: 'Sal' }, ADMIN);
    const message =
      'Microsoft Graph GET /graph/v1.0/groups was refused: the app registration lacks the permission GroupMember.Read.All or Group.Read.All or Directory.Read.All, or consent for it was revoked. Add it under API permissions and have a Global Administrator grant consent again.';
    expect(envelope).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        reason: 'graph.missingScope',
        params: { service: 'Microsoft Graph', method: 'GET', path: '/graph/v1.0/groups', scopes: 'GroupMember.Read.All or Group.Read.All or Directory.Read.All' },
        message,
      },
    });
    expect(shown(envelope)).toBe(message);
  });
});

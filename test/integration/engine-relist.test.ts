// Where an incremental poll left off can stop being usable: the tenant is reached at
// another address after a restart, or Graph let the delta link expire. The next poll
// then lists every device again by itself, once, says why, and carries on incrementally.
import { afterEach, describe, expect, it } from 'vitest';
import { DISCOVERY_CURSORS } from '../../electron/engine/discovery/discovery-cursors';
import { messageOf } from '../../electron/engine/app-error-of';
import { resolveServiceUrl } from '../../electron/http/base-url';
import { createEngineHarness, type EngineHarness } from '../support/engine-harness';
import { inventoryStates, TruthTracker } from '../support/tenant-truth';

const MINUTE = 60_000;

describe('an incremental poll that cannot go on from where the last one left off', () => {
  let harness: EngineHarness;
  afterEach(() => harness?.close());

  const joinSomeone = (): void => {
    const { tenant } = harness;
    const group = tenant.data.groups.find((g) => g.displayName === 'Mobile Users')!;
    const joiner = tenant.data.users.find((user) => !group.memberUserIds.includes(user.id) && (tenant.devicesByUser.get(user.id) ?? []).some((d) => d.agent !== null))!;
    tenant.addGroupMember(group.id, joiner.id);
    tenant.clock.advance(5 * MINUTE);
  };

  it('after a restart with the tenant at another address: lists every device again, says so, then goes on incrementally', async () => {
    harness = createEngineHarness({ devices: 300 });
    const tracker = new TruthTracker(harness.tenant);
    expect((await harness.engine.pollNow({})).relistedBecause).toBeNull();
    const stored = harness.inventory.cursor(DISCOVERY_CURSORS.groupsDeltaLink)!;
    const elsewhere = new URL(stored);
    elsewhere.port = '1';
    // As the embedded demo tenant comes back on another port: the link names the old one.
    harness.inventory.setCursor(DISCOVERY_CURSORS.groupsDeltaLink, elsewhere.href);
    harness.restart();
    joinSomeone();

    const relisted = await harness.engine.pollNow({});
    expect(relisted.errors).toEqual([]);
    expect(relisted.outcome).toBe('ok');
    expect(relisted.relistedBecause).toBe('otherAddress');
    expect(inventoryStates(harness.inventory.db)).toEqual(tracker.expected(['Mobile Users']));
    expect(new URL(harness.inventory.cursor(DISCOVERY_CURSORS.groupsDeltaLink)!).origin).toBe(new URL(stored).origin);

    joinSomeone();
    const next = await harness.engine.pollNow({});
    expect(next).toMatchObject({ kind: 'incremental', relistedBecause: null, outcome: 'ok', errors: [] });
    expect(inventoryStates(harness.inventory.db)).toEqual(tracker.expected(['Mobile Users']));
  });

  it('a stored link that is not a URL at all is treated as another address', async () => {
    harness = createEngineHarness({ devices: 100 });
    await harness.engine.pollNow({});
    harness.inventory.setCursor(DISCOVERY_CURSORS.groupsDeltaLink, 'not a url \u0000');
    const relisted = await harness.engine.pollNow({});
    expect(relisted).toMatchObject({ outcome: 'ok', errors: [], relistedBecause: 'otherAddress' });
  });

  it('when Graph no longer knows the delta link (410 Gone): lists every device again and says it had expired', async () => {
    harness = createEngineHarness({ devices: 300 });
    const tracker = new TruthTracker(harness.tenant);
    await harness.engine.pollNow({});
    joinSomeone();
    harness.tenant.faults.set([{ kind: 'delta-gone', path: '/groups/delta', times: 1 }]);
    const relisted = await harness.engine.pollNow({});
    expect(relisted).toMatchObject({ outcome: 'ok', errors: [], relistedBecause: 'expired' });
    expect(inventoryStates(harness.inventory.db)).toEqual(tracker.expected(['Mobile Users']));
  });

  it('a link to another address, wherever it turns up, is said in words, never as the client\'s code', () => {
    let message = '';
    try {
      resolveServiceUrl('Microsoft Graph', 'https://graph.microsoft.com/v1.0', 'https://graph.example.net/v1.0/groups/delta?$deltatoken=x');
    } catch (error) {
      message = messageOf(error);
    }
    expect(message).toMatch(/^Microsoft Graph answered with a link to another address; the console does not follow it/);
    expect(message).not.toMatch(/untrustedUrl|deltatoken/);
  });
});

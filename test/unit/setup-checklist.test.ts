// What to do next: each set-up step's state from the settings and the inventory, at its boundary.
import { describe, expect, it } from 'vitest';
import { setupChecklist, SETUP_STEPS, type SetupFacts, type SetupStep, type SetupStepId } from '../../shared/domain/setup-checklist';

const MARK = { by: 'Ada Admin', at: '2026-11-22T10:00:00.000Z' };
const connector = {
  heartbeatMinutes: 15,
  enrollmentGroups: ['Mobile Users', 'Sales'],
  newDeviceCheckMinutes: 5,
  stateSync: { deviceStatus: true, threatStatus: true },
  errorReportRecipients: ['secops@contoso.com'],
};
const nothing: SetupFacts = {
  access: null,
  connector: null,
  checkedGroups: [],
  disconnectedAfterDays: 7,
  disconnectedStatusConfirmed: null,
  notifiedUsers: 0,
  classificationsReviewed: null,
  devices: { pending: 0, active: 0 },
};
const everything: SetupFacts = {
  access: { tenantId: '11111111-1111-1111-1111-111111111111', fullAccessGroupId: '22222222-2222-2222-2222-222222222222' },
  connector,
  checkedGroups: [
    { name: 'Mobile Users', status: 'ok' },
    { name: 'Sales', status: 'ok' },
  ],
  disconnectedAfterDays: 30,
  disconnectedStatusConfirmed: MARK,
  notifiedUsers: 1,
  classificationsReviewed: MARK,
  devices: { pending: 3, active: 1 },
};

function step(facts: SetupFacts, id: SetupStepId): SetupStep {
  return setupChecklist(facts).find((candidate) => candidate.id === id)!;
}

describe('setup checklist', () => {
  it('lists the nine steps in the seeds’ order, none done on a new tenant, each pointing at its screen', () => {
    const steps = setupChecklist(nothing);
    expect(steps.map((s) => s.id)).toEqual([...SETUP_STEPS]);
    expect(steps).toHaveLength(9);
    expect(steps.every((s) => s.state === 'todo')).toBe(true);
    expect(steps.map((s) => [s.target.path, s.target.tab ?? null])).toEqual([
      ['/system/access', null],
      ['/system/connectors', 'connection'],
      ['/system/connectors', 'enrollment'],
      ['/system/connectors', 'stateSync'],
      ['/system/connectors', 'errors'],
      ['/system/enrollment-settings', null],
      ['/preferences', null],
      ['/security-policy', null],
      ['/devices', null],
    ]);
    // Only notifications (your own Preferences) and watching devices can be done without Full.
    expect(steps.filter((s) => !s.target.needsFull).map((s) => s.id)).toEqual(['notifications', 'firstDevicesActive']);
  });

  it('is all done when every fact is there', () => {
    expect(setupChecklist(everything).map((s) => s.state)).toEqual(Array(9).fill('done'));
  });

  it('access ids: done once the tenant and full-access group ids are saved (the restricted one is optional)', () => {
    expect(step(nothing, 'accessIds')).toMatchObject({ state: 'todo', reason: 'notSet' });
    expect(step({ ...nothing, access: everything.access }, 'accessIds')).toMatchObject({ state: 'done', reason: 'accessSet' });
  });

  it('connector: done once added; the steps that live on it wait for it', () => {
    expect(step(nothing, 'connector')).toMatchObject({ state: 'todo', reason: 'notAdded' });
    for (const id of ['enrollmentGroups', 'stateSync', 'errorReportRecipients'] as const) expect(step(nothing, id)).toMatchObject({ state: 'todo', reason: 'noConnector' });
    expect(step({ ...nothing, connector }, 'connector')).toMatchObject({ state: 'done', reason: 'connectorSet' });
  });

  describe('enrollment groups', () => {
    const withChecks = (checkedGroups: SetupFacts['checkedGroups']) => step({ ...everything, checkedGroups }, 'enrollmentGroups');

    it('waits for the poll that checks them, naming how many are unchecked', () => {
      expect(withChecks([])).toMatchObject({ state: 'todo', reason: 'notCheckedYet', params: { count: 2 } });
      expect(withChecks([{ name: 'Mobile Users', status: 'ok' }])).toMatchObject({ state: 'todo', reason: 'notCheckedYet', params: { count: 1 } });
    });

    it('is done when every configured group was found as a security group', () => {
      expect(withChecks(everything.checkedGroups)).toMatchObject({ state: 'done', reason: 'allGroupsFound', params: { count: 2 } });
    });

    it.each(['unknown', 'ambiguous', 'notSecurityGroup', 'caseMismatch'])('needs attention when a group is %s, naming it', (status) => {
      expect(withChecks([{ name: 'Mobile Users', status: 'ok' }, { name: 'Sales', status }])).toMatchObject({ state: 'attention', reason: 'groupsEnrollNothing', params: { count: 1, names: 'Sales' } });
    });

    it('matches names exactly: a check of another spelling, or of a group no longer configured, does not count', () => {
      expect(withChecks([{ name: 'mobile users', status: 'ok' }, { name: 'Sales', status: 'ok' }])).toMatchObject({ state: 'todo', params: { count: 1 } });
      expect(withChecks([...everything.checkedGroups, { name: 'Old Group', status: 'unknown' }])).toMatchObject({ state: 'done' });
    });

    it('keeps odd names as they are (markup, quotes, non-Latin script) in what it reports', () => {
      const names = ['<img src=x onerror=alert(1)>', "O'Brien \"Ops\"", '営業チーム'];
      const facts = { ...everything, connector: { ...connector, enrollmentGroups: names }, checkedGroups: names.map((name) => ({ name, status: 'unknown' })) };
      expect(step(facts, 'enrollmentGroups')).toMatchObject({ state: 'attention', params: { count: 3, names: names.join(', ') } });
    });
  });

  it('state sync: done only with both switches on; one off names which', () => {
    const sync = (deviceStatus: boolean, threatStatus: boolean) => step({ ...everything, connector: { ...connector, stateSync: { deviceStatus, threatStatus } } }, 'stateSync');
    expect(sync(true, true)).toMatchObject({ state: 'done', reason: 'bothOn' });
    expect(sync(false, true)).toMatchObject({ state: 'attention', reason: 'deviceStatusOff' });
    expect(sync(true, false)).toMatchObject({ state: 'attention', reason: 'threatStatusOff' });
    expect(sync(false, false)).toMatchObject({ state: 'attention', reason: 'bothOff' });
  });

  it('error report recipients: done with at least one, counting them', () => {
    expect(step(everything, 'errorReportRecipients')).toMatchObject({ state: 'done', params: { count: 1 } });
    const twenty = Array.from({ length: 20 }, (_, i) => `r${i}@contoso.com`);
    expect(step({ ...everything, connector: { ...connector, errorReportRecipients: twenty } }, 'errorReportRecipients')).toMatchObject({ state: 'done', params: { count: 20 } });
    expect(step({ ...everything, connector: { ...connector, errorReportRecipients: [] } }, 'errorReportRecipients')).toMatchObject({ state: 'todo', reason: 'notSet' });
  });

  it('Disconnected Status: the default does not count until an admin saved it; then who, when and the days', () => {
    expect(step({ ...everything, disconnectedStatusConfirmed: null, disconnectedAfterDays: 7 }, 'disconnectedStatus')).toMatchObject({ state: 'todo', reason: 'notConfirmed', params: { days: 7 } });
    expect(step(everything, 'disconnectedStatus')).toMatchObject({ state: 'done', reason: 'confirmed', params: { days: 30, by: 'Ada Admin', at: MARK.at } });
  });

  it('notifications: done from the first console user with a switch on', () => {
    expect(step({ ...everything, notifiedUsers: 0 }, 'notifications')).toMatchObject({ state: 'todo', reason: 'nobodyNotified' });
    expect(step({ ...everything, notifiedUsers: 1 }, 'notifications')).toMatchObject({ state: 'done', params: { count: 1 } });
    expect(step({ ...everything, notifiedUsers: 12 }, 'notifications')).toMatchObject({ state: 'done', params: { count: 12 } });
  });

  it('classifications reviewed: only once an admin marked them, with who and when', () => {
    expect(step({ ...everything, classificationsReviewed: null }, 'classificationsReviewed')).toMatchObject({ state: 'todo', reason: 'notReviewed', params: {} });
    expect(step(everything, 'classificationsReviewed')).toMatchObject({ state: 'done', reason: 'reviewed', params: MARK });
  });

  it('first devices active: pending devices are not enough; one active device is', () => {
    const devices = (pending: number, active: number) => step({ ...everything, devices: { pending, active } }, 'firstDevicesActive');
    expect(devices(0, 0)).toMatchObject({ state: 'todo', reason: 'noDevicesYet' });
    expect(devices(5, 0)).toMatchObject({ state: 'todo', reason: 'onlyPending', params: { count: 5 } });
    expect(devices(0, 1)).toMatchObject({ state: 'done', reason: 'devicesActive', params: { count: 1, pending: 0 } });
    expect(devices(99_999, 100_000)).toMatchObject({ state: 'done', params: { count: 100_000, pending: 99_999 } });
  });
});

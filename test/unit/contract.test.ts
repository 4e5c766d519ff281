import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, channels, EVENT_NAMES, events, isAllowed, isChannelName, ROLES } from '../../shared/ipc';

describe('the IPC contract', () => {
  it('gives every channel name a spec, and has no spec without a name', () => {
    expect(Object.keys(channels).sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(Object.keys(events).sort()).toEqual([...EVENT_NAMES].sort());
  });

  it('declares who may call each channel and whether it mutates', () => {
    for (const name of CHANNEL_NAMES) {
      const { access, mutates } = channels[name];
      expect(typeof mutates).toBe('boolean');
      if (access !== 'anyone') {
        expect(access.length).toBeGreaterThan(0);
        for (const role of access) expect(ROLES).toContain(role);
      }
    }
  });

  it('recognises only its own channel names, not inherited properties or look-alikes', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'app.info ', 'APP.INFO', '', 'app']) {
      expect(isChannelName(name)).toBe(false);
    }
    expect(isChannelName('app.info')).toBe(true);
  });
});

describe('isAllowed', () => {
  it('lets anyone call an open channel, even before sign-in', () => {
    expect(isAllowed('anyone', null)).toBe(true);
    expect(isAllowed('anyone', 'restricted')).toBe(true);
  });

  it('lets only the listed roles call a guarded channel', () => {
    expect(isAllowed(['full'], 'full')).toBe(true);
    expect(isAllowed(['full'], 'restricted')).toBe(false);
    expect(isAllowed(['full', 'restricted'], null)).toBe(false);
  });
});

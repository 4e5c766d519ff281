// Who may open what, which module an address opens, and the address guard that keeps unsaved
// edits: a refused move puts the previous address back, a change of query alone is never asked about.
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError, CHANNEL_NAMES, type Api } from '../../shared/ipc';
import { itemOf, mayOpen, MODULES, moduleForPath } from '../../renderer/app/modules';
import { setRouteGuard, useHashQuery, useHashRoute } from '../../renderer/app/use-hash-route';
import { guardApi } from '../../renderer/session/guard-api';

const moduleOf = (id: string) => MODULES.find((module) => module.id === id)!;

/** Sets the address as a link or the user would, and lets the hashchange event arrive. */
async function goTo(hash: string): Promise<void> {
  await act(async () => {
    window.location.hash = hash;
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('modules and roles', () => {
  it('lets Restricted open the read-only modules and not the System ones, the audit log or tenant management', () => {
    const restricted = MODULES.filter((module) => mayOpen(module, 'restricted')).map((module) => module.id);
    expect(restricted).toEqual(['dashboard', 'setup', 'devices', 'threats', 'securityPolicy', 'preferences', 'review']);
    expect(MODULES.every((module) => mayOpen(module, 'full'))).toBe(true);
    expect(MODULES.some((module) => mayOpen(module, null))).toBe(false);
  });

  it('opens a device by its own address, but nothing deeper and no item of a module without item addresses', () => {
    expect(moduleForPath('/devices/abc')?.id).toBe('devices');
    expect(itemOf(moduleOf('devices'), '/devices/a%2Fb')).toBe('a/b');
    expect(moduleForPath('/devices/abc/history')).toBeUndefined();
    expect(moduleForPath('/devices/')).toBeUndefined();
    expect(moduleForPath('/threats/abc')).toBeUndefined();
    expect(itemOf(moduleOf('devices'), '/devices/%E0%A4%A')).toBeNull();
    expect(itemOf(moduleOf('devices'), '/devices')).toBeNull();
    expect(moduleForPath('/system/connectors')?.id).toBe('connectors');
  });
});

describe('guarded API', () => {
  const refusing = (error: unknown): Api => {
    const calls = Object.fromEntries(CHANNEL_NAMES.map((channel) => [channel, () => Promise.reject(error)]));
    return { ...calls, on: () => () => undefined } as unknown as Api;
  };

  it('fetches the session again when main refuses a module call as unauthenticated or forbidden', async () => {
    for (const code of ['unauthenticated', 'forbidden'] as const) {
      let refused = 0;
      const api = guardApi(refusing(new AppError({ code, message: code })), () => (refused += 1));
      await expect(api['devices.page']({ filter: {}, sort: { column: 'deviceName', direction: 'asc' }, offset: 0, limit: 1 })).rejects.toMatchObject({ code });
      expect(refused, code).toBe(1);
    }
  });

  it('takes a refused sign-in as an answer, and other failures as failures, not as a lost session', async () => {
    let refused = 0;
    const api = guardApi(refusing(new AppError({ code: 'unauthenticated', message: 'consent missing' })), () => (refused += 1));
    await expect(api['session.signInDemo']({ userPrincipalName: 'x@contoso.example' })).rejects.toThrow('consent missing');
    await expect(api['profiles.switch']({ id: 'p' })).rejects.toThrow();
    const failing = guardApi(refusing(new AppError({ code: 'unavailable', message: 'down' })), () => (refused += 1));
    await expect(failing['dashboard.get']()).rejects.toThrow('down');
    expect(refused).toBe(0);
  });
});

describe('address guard', () => {
  let removeGuard: (() => void) | undefined;
  afterEach(() => {
    removeGuard?.();
    window.location.hash = '';
  });

  it('shows the dashboard for an empty address, and follows the address to another module', async () => {
    const { result } = renderHook(() => ({ path: useHashRoute(), query: useHashQuery() }));
    expect(result.current).toEqual({ path: '/dashboard', query: '' });
    await goTo('#/devices?state=active');
    expect(result.current).toEqual({ path: '/devices', query: 'state=active' });
  });

  it('puts the previous address back when the guard refuses a move to another path', async () => {
    await goTo('#/system/connectors');
    const asked: [string, string][] = [];
    removeGuard = setRouteGuard((to, from) => {
      asked.push([to, from]);
      return false;
    });
    const { result } = renderHook(() => useHashRoute());
    await goTo('#/devices');
    expect(asked).toEqual([['/devices', '/system/connectors']]);
    expect(result.current).toBe('/system/connectors');
    expect(window.location.hash).toBe('#/system/connectors');
  });

  it('never asks about a change of query on the same path', async () => {
    await goTo('#/devices');
    let asked = 0;
    removeGuard = setRouteGuard(() => {
      asked += 1;
      return false;
    });
    const { result } = renderHook(() => useHashQuery());
    await goTo('#/devices?q=pixel');
    expect(asked).toBe(0);
    expect(result.current).toBe('q=pixel');
  });
});

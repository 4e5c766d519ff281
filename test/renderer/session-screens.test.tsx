// Signing in and roles against the real core: main's refusal shown as main words it, a
// Restricted user refused a System module by name, and the navigation offering only what the role may open.
import { screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FULL_USER, RESTRICTED_USER, startInProcessCore, type InProcessCore } from './in-process-core';
import { renderScreen } from './render-screen';

describe('sign-in screen', () => {
  let app: InProcessCore;
  beforeAll(async () => {
    app = startInProcessCore({ engine: false, devices: 20 });
    await app.signIn();
    await app.call['session.signOut']();
  });
  afterAll(() => app.close());

  it('asks to choose a user before signing in, and sends nothing until one is chosen', async () => {
    const { user } = renderScreen(app.api, '/dashboard');
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Choose the user to sign in as.')).toBeTruthy();
    expect(app.calls.has('session.signInDemo')).toBe(false);
  });

  it("shows main's refusal of a user outside the access groups, and stays signed out", async () => {
    const { user } = renderScreen(app.api, '/dashboard');
    await user.click(await screen.findByRole('radio', { name: /outsider@contoso\.example/ }));
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/You are not a member of the console's access groups\./)).toBeTruthy();
    expect(app.core.session().role).toBeNull();
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('signs a Full user in and opens the console where the address points', async () => {
    const { user } = renderScreen(app.api, '/devices');
    await user.click(await screen.findByRole('radio', { name: new RegExp(FULL_USER.replaceAll('.', '\\.')) }));
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Devices' })).toBeTruthy();
    expect(within(screen.getByRole('group', { name: 'Signed-in user' })).getByText('Full access')).toBeTruthy();
    await app.call['session.signOut']();
  });
});

describe('a Restricted user', () => {
  let app: InProcessCore;
  beforeAll(async () => {
    app = startInProcessCore({ engine: false, devices: 20 });
    await app.signIn(RESTRICTED_USER);
  });
  afterAll(() => app.close());

  it('is told by name that Connectors is not for their role, and nothing of it is loaded', async () => {
    app.calls.clear();
    renderScreen(app.api, '/system/connectors');
    expect(await screen.findByRole('heading', { level: 1, name: "You don't have access to this page" })).toBeTruthy();
    expect(screen.getByText('Connectors is not available with your role (Restricted access).')).toBeTruthy();
    expect(app.calls.has('settings.get')).toBe(false);
  });

  it('sees no System section and no audit log in the navigation', async () => {
    renderScreen(app.api, '/dashboard');
    const navigation = await screen.findByRole('navigation');
    const links = within(navigation).getAllByRole('link').map((link) => link.textContent);
    expect(links).toEqual(['Dashboard', 'What to do next', 'Devices', 'Threats', 'Security Policy', 'Preferences', 'Review']);
  });
});

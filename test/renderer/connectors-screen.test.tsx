// System > Connectors against the real core: the empty state before a connector, a bad value
// refused beside its field with nothing saved, and unsaved edits kept when the admin navigates away.
import { screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessCore, type InProcessCore } from './in-process-core';
import { renderScreen, type RenderedScreen } from './render-screen';

const HEARTBEAT = 'Heartbeat frequency (minutes)';

describe('Connectors screen', () => {
  let app: InProcessCore;
  beforeAll(async () => {
    app = startInProcessCore({ engine: false, devices: 20 });
    await app.signIn();
  });
  afterAll(() => app.close());

  /** Opens the form of a new Intune connector, as the admin does from the empty state. */
  async function openNewConnector(): Promise<RenderedScreen> {
    const rendered = renderScreen(app.api, '/system/connectors');
    await rendered.user.click(await screen.findByRole('button', { name: 'Add connector' }));
    await rendered.user.click(await screen.findByRole('menuitem', { name: 'Microsoft Intune' }));
    await screen.findByRole('region', { name: 'Microsoft Intune connector' });
    return rendered;
  }

  it('says no connector has been added and offers to add one, without a form', async () => {
    renderScreen(app.api, '/system/connectors');
    expect(await screen.findByText('No connector has been added.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add connector' })).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('refuses a heartbeat below 5 minutes beside the field, marks the other tabs with errors, and saves nothing', async () => {
    const { user } = await openNewConnector();
    const heartbeat = screen.getByRole('textbox', { name: HEARTBEAT });
    await user.clear(heartbeat);
    await user.type(heartbeat, '2');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Heartbeat frequency must be a whole number of minutes from 5 to 1440.')).toBeTruthy();
    expect(heartbeat.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('tab', { name: /Enrollment Management \(has errors\)/ })).toBeTruthy();
    expect(screen.getByRole('tab', { name: /Error Management \(has errors\)/ })).toBeTruthy();
    expect(screen.getByText('Nothing was saved: 3 fields need attention.')).toBeTruthy();
    expect((await app.call['settings.get']()).connector).toBeNull();
  });

  it('asks before leaving with unsaved edits: Stay keeps them, Leave goes', async () => {
    const { user } = await openNewConnector();
    const heartbeat = screen.getByRole('textbox', { name: HEARTBEAT });
    await user.clear(heartbeat);
    await user.type(heartbeat, '30');
    window.location.hash = '#/devices';
    const dialog = await screen.findByRole('alertdialog', { name: 'Leave without saving?' });
    await user.click(screen.getByRole('button', { name: 'Stay' }));
    await waitFor(() => expect(dialog.isConnected).toBe(false));
    expect(window.location.hash).toBe('#/system/connectors');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: HEARTBEAT }).value).toBe('30');
    window.location.hash = '#/devices';
    await user.click(await screen.findByRole('button', { name: 'Leave' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Devices' })).toBeTruthy();
    expect(window.location.hash).toBe('#/devices');
  });
});

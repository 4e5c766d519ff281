// The audit log against the real core: pages of 25 as main pages them, and the actor filter
// listing exactly the entries main finds for it.
import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/ipc';
import { FULL_USER, GLOBAL_ADMIN, RESTRICTED_USER, startInProcessCore, type InProcessCore } from './in-process-core';
import { renderScreen } from './render-screen';

/** Who each body row of the audit table names (the actor's display name comes first in its cell). */
function actorsShown(): string[] {
  const table = screen.getByRole('table', { name: 'Audit log entries' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[1]!.firstChild?.textContent ?? '');
}

describe('Audit log screen', () => {
  let app: InProcessCore;
  let restrictedName: string;
  beforeAll(async () => {
    app = startInProcessCore({ engine: false, devices: 20 });
    await app.signIn();
    for (let i = 0; i < 30; i++) {
      await app.call['session.signInDemo']({ userPrincipalName: FULL_USER });
      await app.call['session.signInDemo']({ userPrincipalName: RESTRICTED_USER });
    }
    await app.call['session.signInDemo']({ userPrincipalName: GLOBAL_ADMIN });
    restrictedName = (await app.call['session.get']()).demoUsers.find((user) => user.userPrincipalName === RESTRICTED_USER)!.displayName;
  });
  afterAll(() => app.close());

  it('shows the newest 25 entries, and the next 25 from main on Next page', async () => {
    const first = await app.call['audit.list']({ offset: 0, limit: 25 });
    const second = await app.call['audit.list']({ offset: 25, limit: 25 });
    expect(first.total).toBeGreaterThan(50);
    const { user } = renderScreen(app.api, '/audit-log');
    expect(await screen.findByText(`1–25 of ${first.total}`)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Previous page' }).hasAttribute('disabled')).toBe(true);
    expect(actorsShown()).toEqual(first.entries.map((entry: AuditEntry) => entry.actor));
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText(`26–50 of ${first.total}`)).toBeTruthy();
    expect(actorsShown()).toEqual(second.entries.map((entry: AuditEntry) => entry.actor));
    expect(screen.getByRole('button', { name: 'Previous page' }).hasAttribute('disabled')).toBe(false);
  });

  it("lists only the entries of the actor typed, as many as main finds, from the first page", async () => {
    const part = restrictedName.split(' ')[0]!;
    const matching = await app.call['audit.list']({ actor: part, offset: 0, limit: 25 });
    expect(matching.total).toBeGreaterThanOrEqual(30);
    const { user } = renderScreen(app.api, '/audit-log');
    await screen.findByText(/^1–25 of /);
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText(/^26–50 of /);
    await user.click(screen.getByRole('textbox', { name: 'Actor' }));
    await user.paste(part);
    expect(await screen.findByText(`1–${Math.min(25, matching.total)} of ${matching.total}`)).toBeTruthy();
    await waitFor(() => expect(new Set(actorsShown())).toEqual(new Set([restrictedName])));
    await user.clear(screen.getByRole('textbox', { name: 'Actor' }));
    await user.paste('nobody-at-all');
    expect(await screen.findByText('No entries match these filters.')).toBeTruthy();
  });
});

/** The browser sign-in (or the cached account) belongs to another directory than the one configured; that account was removed. */
export class WrongTenantError extends Error {
  constructor(
    readonly expectedTenantId: string,
    readonly actualTenantId: string,
  ) {
    super(`The account belongs to tenant ${actualTenantId}, not to the configured tenant ${expectedTenantId}.`);
    this.name = 'WrongTenantError';
  }
}

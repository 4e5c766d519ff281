import { describe, expect, it } from 'vitest';
import { AppError, fail, ok, unwrap } from '../../shared/ipc';

describe('envelopes across the boundary', () => {
  it('unwraps a result', () => {
    expect(unwrap(ok({ a: 1 }))).toEqual({ a: 1 });
  });

  it('rebuilds a typed error with its field, rule and issues', () => {
    const sent = AppError.validation([{ field: 'tenantId', rule: 'format guid', message: 'tenantId: not a GUID' }]);
    // Structured clone (Electron IPC) and JSON (the browser host) both keep only plain data.
    const received: unknown = JSON.parse(JSON.stringify(fail(sent)));
    let rebuilt: unknown;
    try {
      unwrap(received);
    } catch (error) {
      rebuilt = error;
    }
    expect(rebuilt).toBeInstanceOf(AppError);
    expect(rebuilt).toMatchObject({ code: 'validation', field: 'tenantId', rule: 'format guid', message: 'tenantId: not a GUID' });
    expect((rebuilt as AppError).issues).toHaveLength(1);
  });

  it('turns anything malformed into an internal error', () => {
    for (const malformed of [undefined, null, 'ok', { ok: false }, { ok: false, error: { code: 'nope', message: 'x' } }, { ok: 'true' }]) {
      expect(() => unwrap(malformed)).toThrow(expect.objectContaining({ code: 'internal' }) as Error);
    }
  });
});

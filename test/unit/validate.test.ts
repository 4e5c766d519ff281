import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, channels, parseOrThrow } from '../../shared/ipc';

function rejection(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('parseOrThrow', () => {
  const schema = z.object({ heartbeatMinutes: z.number().int().min(5).max(1440), name: z.string().max(10) }).strict();

  it('returns the parsed value when the input is valid', () => {
    expect(parseOrThrow(schema, { heartbeatMinutes: 5, name: 'a' })).toEqual({ heartbeatMinutes: 5, name: 'a' });
    expect(parseOrThrow(schema, { heartbeatMinutes: 1440, name: 'a' })).toEqual({ heartbeatMinutes: 1440, name: 'a' });
  });

  it('names the field and the rule at both ends of a range', () => {
    const low = rejection(() => parseOrThrow(schema, { heartbeatMinutes: 4, name: 'a' }));
    expect(low).toMatchObject({ code: 'validation', field: 'heartbeatMinutes', rule: 'minimum 5' });
    expect(low.message).toContain('heartbeatMinutes');
    const high = rejection(() => parseOrThrow(schema, { heartbeatMinutes: 1441, name: 'a' }));
    expect(high).toMatchObject({ field: 'heartbeatMinutes', rule: 'maximum 1440' });
  });

  it('rejects the wrong type, oversize strings and unknown fields, listing every issue', () => {
    const error = rejection(() => parseOrThrow(schema, { heartbeatMinutes: '15', name: 'x'.repeat(11), extra: "'; DROP TABLE devices;--" }));
    expect(error.issues?.map((issue) => [issue.field, issue.rule])).toEqual([
      ['heartbeatMinutes', 'type number'],
      ['name', 'maximum 10'],
      ['request', 'no unknown fields'],
    ]);
  });

  it('names the request itself when the payload is not an object', () => {
    expect(rejection(() => parseOrThrow(schema, null))).toMatchObject({ field: 'request', rule: 'type object' });
  });
});

describe('channels without input', () => {
  it('accept nothing and refuse any payload', () => {
    const request = channels['app.info'].request;
    expect(request.safeParse(undefined).success).toBe(true);
    for (const forged of [{}, null, 'x', 0, [], { __proto__: { admin: true } }]) {
      expect(request.safeParse(forged).success).toBe(false);
    }
  });
});

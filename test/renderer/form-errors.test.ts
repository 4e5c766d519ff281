// What a failed call becomes on a form: a message beside each field the contract names (without
// the field's name in front), or one sentence when no field is to blame.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/ipc';
import { failureBesideFieldOf, failureOf, messageOf, numberFrom, unplacedMessages } from '../../renderer/forms/errors';
import { fieldState } from '../../renderer/forms/field-state';

describe('form errors', () => {
  it('gives each named field its first message, without the "field: " prefix', () => {
    const error = new AppError({
      code: 'validation',
      message: 'heartbeatMinutes: too small',
      issues: [
        { field: 'heartbeatMinutes', rule: 'min', message: 'heartbeatMinutes: Heartbeat frequency must be at least 5.' },
        { field: 'heartbeatMinutes', rule: 'int', message: 'a second message for the same field' },
        { field: 'enrollmentGroups.0', rule: 'min', message: 'An enrollment group name cannot be empty.' },
      ],
    });
    expect(failureOf(error)).toEqual({ fields: { heartbeatMinutes: 'Heartbeat frequency must be at least 5.', 'enrollmentGroups.0': 'An enrollment group name cannot be empty.' }, message: null });
  });

  it('uses the single field of a validation error without issues, and the sentence when there is no field', () => {
    expect(failureOf(new AppError({ code: 'validation', field: 'port', rule: 'range', message: 'port: out of range' }))).toEqual({ fields: { port: 'out of range' }, message: null });
    expect(failureOf(new AppError({ code: 'validation', message: 'The request is malformed.' }))).toEqual({ fields: {}, message: 'The request is malformed.' });
  });

  it('shows a refusal that is not about input as one sentence, even when it names a field', () => {
    expect(failureOf(new AppError({ code: 'conflict', field: 'name', message: 'name: That name is taken.' }))).toEqual({ fields: {}, message: 'name: That name is taken.' });
    expect(failureBesideFieldOf(new AppError({ code: 'conflict', field: 'name', message: 'name: That name is taken.' }))).toEqual({ fields: { name: 'That name is taken.' }, message: null });
    expect(failureBesideFieldOf(new AppError({ code: 'forbidden', field: '', message: 'No.' }))).toEqual({ fields: {}, message: 'No.' });
  });

  it('says something even for a thrown value that is not an error', () => {
    expect(failureOf('boom').message).toBe(i18next.t('common.unexpected'));
    expect(failureOf(new Error('')).message).toBe(i18next.t('common.unexpected'));
    expect(failureOf(new Error('socket closed')).message).toBe('socket closed');
    expect(i18next.t('common.unexpected')).not.toBe('common.unexpected');
  });

  it('joins field messages into one sentence where no form shows them', () => {
    const error = new AppError({ code: 'validation', message: 'x', issues: [{ field: 'a', rule: '', message: 'A is wrong.' }, { field: 'b', rule: '', message: 'B is wrong.' }] });
    expect(messageOf(error)).toBe('A is wrong. B is wrong.');
    expect(unplacedMessages({ a: 'A is wrong.', b: 'B is wrong.', request: 'R.' }, (field) => field === 'a')).toEqual(['B is wrong.', 'R.']);
  });

  it('reads a number field as a number only when it is one, so the schema names the rule for the rest', () => {
    expect(numberFrom(' 15 ')).toBe(15);
    expect(numberFrom('-3')).toBe(-3);
    expect(numberFrom('2.5')).toBe(2.5);
    expect(numberFrom('   ')).toBeUndefined();
    expect(numberFrom('1e3')).toBe('1e3');
    expect(numberFrom('0x10')).toBe('0x10');
    expect(numberFrom('12abc')).toBe('12abc');
  });

  it("marks a Fluent field as in error only when it has a message", () => {
    expect(fieldState({ port: 'Out of range.' }, 'port')).toEqual({ validationMessage: 'Out of range.', validationState: 'error' });
    expect(fieldState({ port: 'Out of range.' }, 'host')).toEqual({});
  });
});

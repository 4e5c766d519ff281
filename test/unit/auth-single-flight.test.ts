import { describe, expect, it } from 'vitest';
import { SingleFlight } from '../../electron/http/single-flight';
import { abortable } from '../../electron/http/abortable';
import { deferred } from '../support/oauth-token-server';

describe('SingleFlight', () => {
  it('runs one task for callers that overlap, and a new one after it settles', async () => {
    const flight = new SingleFlight<number>();
    let started = 0;
    const gate = deferred<void>();
    const task = async (): Promise<number> => {
      started += 1;
      await gate.promise;
      return started;
    };
    const overlapping = [flight.run(task), flight.run(task), flight.run(task)];
    gate.resolve();
    expect(await Promise.all(overlapping)).toEqual([1, 1, 1]);
    expect(await flight.run(task)).toBe(2);
  });

  it('starts afresh after a failure', async () => {
    const flight = new SingleFlight<string>();
    await expect(flight.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await flight.run(() => Promise.resolve('ok'))).toBe('ok');
  });

  it('after abandon(), starts a new task even though the old one never settles', async () => {
    const flight = new SingleFlight<string>();
    const stuck = flight.run(() => new Promise<string>(() => undefined));
    flight.abandon();
    expect(await flight.run(() => Promise.resolve('fresh'))).toBe('fresh');
    void stuck;
  });

  it("an abandoned task that settles late does not clear its successor's place", async () => {
    const flight = new SingleFlight<string>();
    const late = deferred<string>();
    void flight.run(() => late.promise);
    flight.abandon();
    const current = deferred<string>();
    let runs = 0;
    const successor = flight.run(() => {
      runs += 1;
      return current.promise;
    });
    late.resolve('late');
    await new Promise((resolve) => setImmediate(resolve));
    const joined = flight.run(() => Promise.resolve('third'));
    current.resolve('current');
    expect(await Promise.all([successor, joined])).toEqual(['current', 'current']);
    expect(runs).toBe(1);
  });

  it("rejects a caller with its signal's reason, without cancelling the task for others", async () => {
    const flight = new SingleFlight<string>();
    const gate = deferred<string>();
    const controller = new AbortController();
    const impatient = flight.run(() => gate.promise, controller.signal);
    const patient = flight.run(() => gate.promise);
    controller.abort(new Error('gave up'));
    await expect(impatient).rejects.toThrow('gave up');
    gate.resolve('token');
    expect(await patient).toBe('token');
    await expect(abortable(Promise.resolve(1), AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });
});

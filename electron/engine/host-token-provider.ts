// Graph tokens asked of the main process, which holds the signed-in admin's msal cache:
// delegated tokens never touch the engine's disk, and one identity serves a whole poll.
import type { TokenProvider } from '../http/token-provider';
import type { FromEngine } from './engine-protocol';

export interface HostTokenProvider extends TokenProvider {
  /** The main process's answer to a tokenRequest. */
  answer(requestId: number, outcome: { ok: true; token: string } | { ok: false; message: string }): void;
}

export class HostTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HostTokenError';
  }
}

export function hostTokenProvider(post: (message: FromEngine) => void, timeoutMs = 60_000): HostTokenProvider {
  let next = 1;
  let forceRefresh = false;
  const waiting = new Map<number, { resolve: (token: string) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> }>();
  return {
    getToken(signal) {
      signal?.throwIfAborted();
      const requestId = next++;
      const refresh = forceRefresh;
      forceRefresh = false;
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(requestId);
          reject(new HostTokenError('The console did not hand the engine a sign-in token in time.'));
        }, timeoutMs);
        timer.unref?.();
        waiting.set(requestId, { resolve, reject, timer });
        signal?.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            waiting.delete(requestId);
            reject(signal.reason as Error);
          },
          { once: true },
        );
        post({ type: 'tokenRequest', requestId, forceRefresh: refresh });
      });
    },
    invalidate() {
      forceRefresh = true;
    },
    answer(requestId, outcome) {
      const waiter = waiting.get(requestId);
      if (!waiter) return;
      waiting.delete(requestId);
      clearTimeout(waiter.timer);
      if (outcome.ok) waiter.resolve(outcome.token);
      else waiter.reject(new HostTokenError(outcome.message));
    },
  };
}

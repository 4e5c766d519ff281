// Seeded fault injection for the demo tenant: what tests and the bench use to
// prove the clients survive throttling, outages and broken answers.
import { SeededRandom } from './random';

export const FAULT_KINDS = [
  'throttle', // 429 with Retry-After in seconds
  'throttle-date', // 429 with Retry-After as an HTTP date
  'throttle-bare', // 429 without Retry-After
  'server-error', // 500, 502, 503 or 504 (status)
  'reset', // the connection is dropped without an answer
  'slow', // the answer comes after delayMs
  'truncated-page', // a page that ends without its @odata.nextLink
  'expired-token', // 401 InvalidAuthenticationToken: the token has expired
  'malformed-json', // 200 with a body that is not JSON
  'batch-item-throttle', // a 429 inside a 200 $batch answer
  'delta-gone', // 410 on a delta query
  'malformed-event', // an event stream message whose first threat event has lost its status
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
  kind: FaultKind;
  /** Applies to paths containing this text (all paths when absent). */
  path?: string;
  /** Share of matching requests that fail, 0..1 (default 1). */
  rate?: number;
  /** At most this many times (default: no limit). */
  times?: number;
  status?: 500 | 502 | 503 | 504;
  retryAfterSeconds?: number;
  delayMs?: number;
}

export interface FaultEvent {
  kind: FaultKind;
  path: string;
  at: number;
}

export class FaultInjector {
  private rules: { rule: FaultRule; used: number }[] = [];
  private random: SeededRandom;
  /** Every fault injected, in order, for tests to compare with what the client saw. */
  readonly injected: FaultEvent[] = [];

  constructor(seed: string | number = 'faults') {
    this.random = new SeededRandom(seed);
  }

  set(rules: readonly FaultRule[], seed?: string | number): void {
    for (const rule of rules) {
      if (!FAULT_KINDS.includes(rule.kind)) throw new RangeError(`Unknown fault kind ${String(rule.kind)}.`);
      if (rule.rate !== undefined && !(rule.rate >= 0 && rule.rate <= 1)) throw new RangeError('A fault rate is from 0 to 1.');
    }
    this.rules = rules.map((rule) => ({ rule, used: 0 }));
    if (seed !== undefined) this.random = new SeededRandom(seed);
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault to apply to this request, if any; `kinds` limits the choice to faults that fit the place. */
  draw(path: string, kinds: readonly FaultKind[]): FaultRule | null {
    for (const entry of this.rules) {
      const { rule } = entry;
      if (!kinds.includes(rule.kind)) continue;
      if (rule.path !== undefined && !path.includes(rule.path)) continue;
      if (rule.times !== undefined && entry.used >= rule.times) continue;
      if (!this.random.chance(rule.rate ?? 1)) continue;
      entry.used += 1;
      this.injected.push({ kind: rule.kind, path, at: Date.now() });
      return rule;
    }
    return null;
  }
}

/** Thrown by the handler for a "reset" fault: the HTTP server drops the socket, in process fetch rejects. */
export class ConnectionResetFault extends Error {
  constructor() {
    super('connection reset by the demo tenant (injected fault)');
    this.name = 'ConnectionResetFault';
  }
}

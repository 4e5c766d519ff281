import { retryDelay } from '../http/backoff';
import { type Clock } from '../http/clock';
import { isRetryableStatus, type RetryPolicy, throwIfAborted } from '../http/fetch-with-retry';
import { type RequestBudget, type RequestCost } from '../http/request-budget';
import { parseRetryAfter } from '../http/retry-after';
import { type GraphBatchRequest, type GraphBatchResponse } from './graph-types';

/** Graph's JSON batching takes at most 20 requests per $batch. */
export const MAX_BATCH_SIZE = 20;

export interface BatchRunner {
  clock: Clock;
  retry: RetryPolicy;
  budget?: RequestBudget;
  /** Posts one $batch (whose own 429/5xx the transport retries) and gives the answers in any order. */
  send(requests: GraphBatchRequest[], signal?: AbortSignal): Promise<GraphBatchResponse[]>;
}

/**
 * Runs any number of requests as $batch calls of at most 20, one after the
 * other. Items answered 429 or 5xx inside a 200 are sent again (in a smaller
 * batch) once every one of their Retry-After headers has passed, or after
 * jittered backoff; an item still failing when the tries run out is returned
 * as it was answered. Answers come back in the caller's order.
 */
export async function runBatch(runner: BatchRunner, requests: readonly GraphBatchRequest[], signal?: AbortSignal): Promise<GraphBatchResponse[]> {
  assertUniqueIds(requests);
  const answers = new Map<string, GraphBatchResponse>();
  for (let start = 0; start < requests.length; start += MAX_BATCH_SIZE) {
    await runChunk(runner, requests.slice(start, start + MAX_BATCH_SIZE), answers, signal);
  }
  return requests.map((request) => {
    const answer = answers.get(request.id);
    if (!answer) throw new Error(`Graph $batch gave no answer for request ${request.id}.`);
    return answer;
  });
}

async function runChunk(runner: BatchRunner, chunk: GraphBatchRequest[], answers: Map<string, GraphBatchResponse>, signal?: AbortSignal): Promise<void> {
  let pending = chunk;
  for (let failures = 0; ; failures++) {
    throwIfAborted(signal);
    const byId = new Map((await runner.send(pending, signal)).map((answer) => [answer.id, answer]));
    const retry: GraphBatchRequest[] = [];
    let wait = 0;
    for (const request of pending) {
      const answer = byId.get(request.id);
      if (!answer) throw new Error(`Graph $batch gave no answer for request ${request.id}.`);
      answers.set(request.id, answer);
      if (!isRetryableStatus(answer.status)) continue;
      retry.push(request);
      const retryAfterMs = parseRetryAfter(headerValue(answer.headers, 'retry-after'), runner.clock.now());
      if (answer.status === 429 && retryAfterMs !== null) runner.budget?.holdUntil(runner.clock.now() + retryAfterMs);
      wait = Math.max(wait, retryDelay(failures, retryAfterMs, runner.retry.backoff));
    }
    if (retry.length === 0 || failures + 1 >= runner.retry.maxAttempts) return;
    await runner.clock.sleep(wait, signal);
    pending = retry;
  }
}

/** Graph counts each request inside a batch against its limits, not the batch itself. */
export function batchCost(requests: readonly GraphBatchRequest[]): RequestCost {
  const reads = requests.filter((request) => request.method === 'GET').length;
  return { reads, writes: requests.length - reads };
}

/** Batch answers carry headers as a plain object whose names' case varies. */
export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

function assertUniqueIds(requests: readonly GraphBatchRequest[]): void {
  const seen = new Set<string>();
  for (const request of requests) {
    if (seen.has(request.id)) throw new Error(`Graph $batch request id ${request.id} is used twice.`);
    seen.add(request.id);
  }
}

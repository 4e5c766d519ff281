import { type Clock } from '../http/clock';
import { type RequestBudget, type RequestCost } from '../http/request-budget';
import { isRetryableStatus, type RetryPolicy, waitBeforeRetry } from '../http/retry-policy';
import { GRAPH_SERVICE } from './graph-error';
import { type GraphBatchRequest, type GraphBatchResponse } from './graph-types';

/** Graph's JSON batching takes at most 20 requests per $batch. */
export const MAX_BATCH_SIZE = 20;

/** One request of a $batch and Graph's answer to it. */
export interface BatchAnswer {
  request: GraphBatchRequest;
  response: GraphBatchResponse;
}

export interface BatchRunner {
  clock: Clock;
  retry: RetryPolicy;
  budget?: RequestBudget;
  /** Posts one $batch (whose own 429/5xx the transport retries) and gives one answer per request, in the requests' order. */
  send(requests: GraphBatchRequest[], signal?: AbortSignal): Promise<BatchAnswer[]>;
}

/**
 * Runs any number of requests as $batch calls of at most 20, one after the
 * other. Items answered 429 or 5xx inside a 200 are sent again (in a smaller
 * batch) after the longest wait any of them needs (see waitBeforeRetry); an
 * item still failing when the tries run out is returned as it was answered.
 * Answers come back in the caller's order.
 */
export async function runBatch(runner: BatchRunner, requests: readonly GraphBatchRequest[], signal?: AbortSignal): Promise<GraphBatchResponse[]> {
  assertUniqueIds(requests);
  const responses: GraphBatchResponse[] = [];
  for (let start = 0; start < requests.length; start += MAX_BATCH_SIZE) {
    responses.push(...(await runChunk(runner, requests.slice(start, start + MAX_BATCH_SIZE), 0, signal)));
  }
  return responses;
}

async function runChunk(runner: BatchRunner, chunk: GraphBatchRequest[], failures: number, signal?: AbortSignal): Promise<GraphBatchResponse[]> {
  signal?.throwIfAborted();
  const answers = await runner.send(chunk, signal);
  const failed = answers.filter((answer) => isRetryableStatus(answer.response.status));
  if (failed.length === 0 || failures + 1 >= runner.retry.maxAttempts) return answers.map((answer) => answer.response);
  const timing = { clock: runner.clock, budget: runner.budget, policy: runner.retry };
  const waits = failed.map(({ request, response }) =>
    waitBeforeRetry(timing, { service: GRAPH_SERVICE, method: request.method, url: request.url, status: response.status, retryAfter: headerValue(response.headers, 'retry-after'), attempt: failures }),
  );
  await runner.clock.sleep(Math.max(...waits), signal);
  const retried = await runChunk(
    runner,
    failed.map((answer) => answer.request),
    failures + 1,
    signal,
  );
  const latest = new Map(retried.map((response) => [response.id, response]));
  return answers.map((answer) => latest.get(answer.request.id) ?? answer.response);
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

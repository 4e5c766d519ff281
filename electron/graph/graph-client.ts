import { resolveServiceUrl } from '../http/base-url';
import { fetchWithRetry, parseJsonBody } from '../http/fetch-with-retry';
import { isRecord } from '../http/json-shape';
import { ONE_READ, ONE_WRITE, type RequestBudget } from '../http/request-budget';
import { serviceTransport, type ServiceClientOptions } from '../http/service-transport';
import { type BatchAnswer, batchCost, headerValue, runBatch } from './graph-batch';
import { runDelta } from './graph-delta';
import { GRAPH_SERVICE, invalidGraphAnswer, readGraphError } from './graph-error';
import { createGraphRequestBudget } from './graph-request-budget';
import { type GraphBatchRequest, type GraphBatchResponse, type GraphDeltaItem, type GraphDeltaResult, type GraphMethod, type GraphPage } from './graph-types';

const THROTTLE_HEADER = 'x-ms-throttle-limit-percentage';

export type GraphClientOptions = ServiceClientOptions;

export interface GraphCallOptions {
  signal?: AbortSignal;
  /** Extra request headers, e.g. ConsistencyLevel: eventual. */
  headers?: Record<string, string>;
}

export interface GraphDeltaOptions extends GraphCallOptions {
  /** The deltaLink saved from the last round; without it the round starts from the initial URL. */
  deltaLink?: string;
}

/**
 * Microsoft Graph over fetch. Paths are relative to the base URL ('/users');
 * next and delta links are absolute and must stay on its origin. Bodies are
 * typed by the caller, not validated beyond the collection shape.
 */
export interface GraphClient {
  readonly baseUrl: string;
  readonly budget: RequestBudget;
  get<T>(path: string, options?: GraphCallOptions): Promise<T>;
  /** Undefined when Graph answers without a body (204). */
  post<T>(path: string, body: unknown, options?: GraphCallOptions): Promise<T | undefined>;
  patch<T>(path: string, body: unknown, options?: GraphCallOptions): Promise<T | undefined>;
  /** Every page of a listing, following @odata.nextLink; a page without one ends it, a link back to a page already read is an ApiError. */
  pages<T>(path: string, options?: GraphCallOptions): AsyncGenerator<GraphPage<T>, void, undefined>;
  items<T>(path: string, options?: GraphCallOptions): AsyncGenerator<T, void, undefined>;
  /** Any number of requests, 20 per $batch, throttled items retried; answers in the caller's order. */
  batch(requests: readonly GraphBatchRequest[], options?: GraphCallOptions): Promise<GraphBatchResponse[]>;
  /** One delta round from options.deltaLink (or initialPath) through pages() to the next deltaLink; resyncs from initialPath when the link is refused. */
  delta<T>(initialPath: string, options?: GraphDeltaOptions): Promise<GraphDeltaResult<T>>;
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const { baseUrl, transport } = serviceTransport(options, {
    service: GRAPH_SERVICE,
    readError: readGraphError,
    defaultBudget: (clock) => createGraphRequestBudget({ clock }),
    onResponse: (headers, budget) => reportUsage(budget, headers.get(THROTTLE_HEADER) ?? undefined),
  });
  const { clock, retry, budget } = transport;

  async function send(method: GraphMethod, path: string, body: unknown, call: GraphCallOptions = {}): Promise<unknown> {
    const url = resolveServiceUrl(GRAPH_SERVICE, baseUrl, path);
    const headers: Record<string, string> = { Accept: 'application/json', ...call.headers };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const request = { method, url, headers, cost: method === 'GET' ? ONE_READ : ONE_WRITE, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
    const answer = await fetchWithRetry(transport, request, call.signal);
    return answer.body.trim() === '' ? undefined : parseJsonBody(transport, request, answer);
  }

  async function readPage<T>(url: string, call: GraphCallOptions): Promise<GraphPage<T>> {
    const body = await send('GET', url, undefined, call);
    if (!isRecord(body) || !Array.isArray(body.value)) throw invalidGraphAnswer('GET', url, 'A collection answer has no value array.');
    const page: GraphPage<T> = { items: body.value as T[] };
    const nextLink = body['@odata.nextLink'];
    const deltaLink = body['@odata.deltaLink'];
    if (typeof nextLink === 'string') page.nextLink = nextLink;
    if (typeof deltaLink === 'string') page.deltaLink = deltaLink;
    return page;
  }

  async function sendBatch(requests: GraphBatchRequest[], signal?: AbortSignal): Promise<BatchAnswer[]> {
    const request = {
      method: 'POST',
      url: `${baseUrl}/$batch`,
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ requests: requests.map(toWireRequest) }),
      cost: batchCost(requests),
    };
    const answer = await fetchWithRetry(transport, request, signal);
    const responses = readBatchResponses(parseJsonBody(transport, request, answer));
    if (!responses) throw invalidGraphAnswer('POST', request.url, 'A $batch answer has no readable responses array.');
    for (const response of responses) reportUsage(budget, headerValue(response.headers, THROTTLE_HEADER));
    const byId = new Map(responses.map((response) => [response.id, response]));
    return requests.map((item) => {
      const response = byId.get(item.id);
      if (!response) throw invalidGraphAnswer('POST', request.url, 'A $batch answer left requests out.');
      return { request: item, response };
    });
  }

  const client: GraphClient = {
    baseUrl,
    budget,
    get: async <T>(path: string, call?: GraphCallOptions) => (await send('GET', path, undefined, call)) as T,
    post: async <T>(path: string, body: unknown, call?: GraphCallOptions) => (await send('POST', path, body, call)) as T | undefined,
    patch: async <T>(path: string, body: unknown, call?: GraphCallOptions) => (await send('PATCH', path, body, call)) as T | undefined,
    async *pages<T>(path: string, call: GraphCallOptions = {}) {
      const visited = new Set<string>();
      let url = resolveServiceUrl(GRAPH_SERVICE, baseUrl, path);
      for (;;) {
        visited.add(url);
        const page = await readPage<T>(url, call);
        yield page;
        if (page.nextLink === undefined) return;
        const next = resolveServiceUrl(GRAPH_SERVICE, baseUrl, page.nextLink);
        if (visited.has(next)) throw invalidGraphAnswer('GET', next, 'The @odata.nextLink points back to a page already read.');
        url = next;
      }
    },
    async *items<T>(path: string, call: GraphCallOptions = {}) {
      for await (const page of client.pages<T>(path, call)) yield* page.items;
    },
    batch: (requests, call = {}) => runBatch({ clock, retry, budget, send: sendBatch }, requests, call.signal),
    delta: <T>(initialPath: string, call: GraphDeltaOptions = {}) => runDelta<T>((url) => client.pages<GraphDeltaItem<T>>(url, call), initialPath, call.deltaLink),
  };
  return client;
}

function reportUsage(budget: RequestBudget, header: string | undefined): void {
  if (header !== undefined) budget.reportUsage(Number(header));
}

function toWireRequest(request: GraphBatchRequest): Record<string, unknown> {
  const wire: Record<string, unknown> = { id: request.id, method: request.method, url: request.url };
  const headers = { ...request.headers };
  if (request.body !== undefined) {
    if (headerValue(headers, 'content-type') === undefined) headers['Content-Type'] = 'application/json';
    wire.body = request.body;
  }
  if (Object.keys(headers).length > 0) wire.headers = headers;
  return wire;
}

function readBatchResponses(body: unknown): GraphBatchResponse[] | undefined {
  if (!isRecord(body) || !Array.isArray(body.responses)) return undefined;
  const responses: GraphBatchResponse[] = [];
  for (const item of body.responses as unknown[]) {
    if (!isRecord(item) || typeof item.status !== 'number' || (typeof item.id !== 'string' && typeof item.id !== 'number')) return undefined;
    const headers: Record<string, string> = {};
    if (isRecord(item.headers)) for (const [name, value] of Object.entries(item.headers)) if (typeof value === 'string') headers[name] = value;
    responses.push({ id: String(item.id), status: item.status, headers, ...(item.body === undefined ? {} : { body: item.body }) });
  }
  return responses;
}

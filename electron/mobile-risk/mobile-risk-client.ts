import { ApiError, INVALID_RESPONSE } from '../http/api-error';
import { fetchWithRetry, parseJsonBody } from '../http/fetch-with-retry';
import { isRecord } from '../http/json-shape';
import { ONE_READ, type RequestBudget } from '../http/request-budget';
import { serviceTransport, type ServiceClientOptions } from '../http/service-transport';
import { DEFAULT_EVENT_STREAM_SETTINGS, type EventStreamOptions, type EventStreamSettings, streamEvents } from './event-stream';
import { readMobileRiskError } from './mobile-risk-error';
import { createMobileRiskRequestBudget } from './mobile-risk-request-budget';
import { createMobileRiskTokenProvider, MOBILE_RISK_SERVICE } from './mobile-risk-token';
import {
  type MobileRiskDevice,
  type MobileRiskDevicePage,
  type MobileRiskEventBatch,
  type MobileRiskListQuery,
  type MobileRiskThreat,
  type MobileRiskThreatPage,
} from './mobile-risk-types';

export interface MobileRiskClientOptions extends ServiceClientOptions {
  stream?: Partial<EventStreamSettings>;
}

/** The Lookout Mobile Risk API v2: device and threat listings, and the event stream. */
export interface MobileRiskClient {
  readonly budget: RequestBudget;
  listDevices(query?: MobileRiskListQuery, signal?: AbortSignal): Promise<MobileRiskDevicePage>;
  listThreats(query?: MobileRiskListQuery, signal?: AbortSignal): Promise<MobileRiskThreatPage>;
  /** Every device, page after page by oid cursor, until an empty page. */
  devices(query?: Pick<MobileRiskListQuery, 'limit'>, signal?: AbortSignal): AsyncGenerator<MobileRiskDevice, void, undefined>;
  threats(query?: Pick<MobileRiskListQuery, 'limit'>, signal?: AbortSignal): AsyncGenerator<MobileRiskThreat, void, undefined>;
  /** The event stream, reconnecting and resuming until options.signal aborts. */
  events(options?: EventStreamOptions): AsyncGenerator<MobileRiskEventBatch, void, undefined>;
}

export function createMobileRiskClient(options: MobileRiskClientOptions): MobileRiskClient {
  const { baseUrl, transport } = serviceTransport(options, {
    service: MOBILE_RISK_SERVICE,
    readError: readMobileRiskError,
    defaultBudget: (clock) => createMobileRiskRequestBudget({ clock }),
  });
  const { clock, budget } = transport;

  async function list(path: string, field: 'devices' | 'threats', query: MobileRiskListQuery, signal?: AbortSignal): Promise<{ count?: number; items: unknown[] }> {
    const request = { method: 'GET', url: `${baseUrl}${path}${listQuery(query)}`, headers: { Accept: 'application/json' }, cost: ONE_READ };
    const body = parseJsonBody(transport, request, await fetchWithRetry(transport, request, signal));
    const items = isRecord(body) ? body[field] : undefined;
    if (!isRecord(body) || !Array.isArray(items)) {
      throw new ApiError({ service: MOBILE_RISK_SERVICE, status: 200, method: 'GET', url: request.url, code: INVALID_RESPONSE, message: `The answer has no ${field} array.` });
    }
    return typeof body.count === 'number' ? { count: body.count, items } : { items };
  }

  async function* everything<T extends { oid?: number | string }>(page: (query: MobileRiskListQuery) => Promise<T[]>, limit: number | undefined): AsyncGenerator<T, void, undefined> {
    let oid: number | string | undefined;
    for (;;) {
      const items = await page({ ...(limit === undefined ? {} : { limit }), ...(oid === undefined ? {} : { oid }) });
      yield* items;
      const last = items.at(-1)?.oid;
      if (items.length === 0 || last === undefined || last === oid) return;
      oid = last;
    }
  }

  const client: MobileRiskClient = {
    budget,
    async listDevices(query = {}, signal) {
      const { count, items } = await list('/mra/api/v2/devices', 'devices', query, signal);
      return { ...(count === undefined ? {} : { count }), devices: items as MobileRiskDevice[] };
    },
    async listThreats(query = {}, signal) {
      const { count, items } = await list('/mra/api/v2/threats', 'threats', query, signal);
      return { ...(count === undefined ? {} : { count }), threats: items as MobileRiskThreat[] };
    },
    devices: (query = {}, signal) => everything(async (page) => (await client.listDevices(page, signal)).devices, query.limit),
    threats: (query = {}, signal) => everything(async (page) => (await client.listThreats(page, signal)).threats, query.limit),
    events: (streamOptions = {}) =>
      streamEvents(
        {
          service: MOBILE_RISK_SERVICE,
          baseUrl,
          fetch: transport.fetch,
          clock,
          tokens: options.tokens,
          budget,
          settings: { ...DEFAULT_EVENT_STREAM_SETTINGS, ...options.stream },
          secrets: transport.secrets,
        },
        streamOptions,
      ),
  };
  return client;
}

export interface MobileRiskConnectionOptions extends Omit<MobileRiskClientOptions, 'tokens' | 'budget'> {
  appKey: string;
}

/** A client and its token provider sharing one budget: the usual way to reach a tenant. */
export function connectMobileRisk(options: MobileRiskConnectionOptions): MobileRiskClient {
  const { appKey, ...clientOptions } = options;
  const budget = createMobileRiskRequestBudget(options.clock ? { clock: options.clock } : {});
  const tokens = createMobileRiskTokenProvider({
    baseUrl: options.baseUrl,
    appKey,
    budget,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  });
  return createMobileRiskClient({ ...clientOptions, tokens, budget, secrets: [appKey, ...(clientOptions.secrets ?? [])] });
}

function listQuery(query: MobileRiskListQuery): string {
  const parameters = new URLSearchParams();
  if (query.limit !== undefined) parameters.set('limit', String(query.limit));
  if (query.oid !== undefined) parameters.set('oid', String(query.oid));
  const text = parameters.toString();
  return text === '' ? '' : `?${text}`;
}

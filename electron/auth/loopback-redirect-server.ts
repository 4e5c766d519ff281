import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthorizationResponseError, SignInTimeoutError } from './auth-code-errors';
import { errorPage, sendPage, sendText, successPage, wrongRequestPage, type LoopbackPageTexts } from './loopback-pages';
import { readForm } from './loopback-form';

const HOST = '127.0.0.1';
/** The admin consent comes back on a path of its own, so one registered http://localhost serves both flows. */
export const ADMIN_CONSENT_PATH = '/adminconsent';

export interface LoopbackRedirectOptions {
  /** The state sent in the authorization request; a response carrying any other is refused. */
  state: string;
  /** A fixed port, for registrations that list one; a free port when omitted or taken. */
  preferredPort?: number;
  /** Closes the port and rejects `code` with SignInTimeoutError when no response came in time. */
  timeoutMs?: number;
  /** Closes the port and rejects `code` with the signal's reason. */
  signal?: AbortSignal;
  pages?: LoopbackPageTexts;
}

/** A listening loopback redirect endpoint that takes exactly one response, then closes. */
export interface LoopbackListener<T> {
  /** http://localhost:<port>[/path], the redirect URI to send. */
  readonly redirectUri: string;
  readonly port: number;
  /** The response; settles only once the port is closed. */
  readonly result: Promise<T>;
  /** Starts the timeout over (the admin opened the page again). */
  restartTimeout(): void;
  /** Stops waiting (rejecting `result` with the reason) and closes the port; resolves once it is closed. */
  close(reason?: Error): Promise<void>;
}

/** The authorization response of a sign-in. */
export interface LoopbackRedirect extends LoopbackListener<string> {
  /** The authorization code (the same promise as `result`). */
  readonly code: Promise<string>;
}

/** What the v2 admin consent endpoint answered when consent was granted. */
export interface AdminConsentResponse {
  /** The tenant the redirect names. Anyone can forge it: only ever compared, never trusted. */
  reportedTenant: string | undefined;
  scope: string | undefined;
}

export type AdminConsentRedirect = LoopbackListener<AdminConsentResponse>;

type Outcome<T> = { ok: true; value: T } | { ok: false; error: Error };
/** How one flow reads its response: its value, the identity provider's error, or 'wrong' (not this flow's response; keep waiting). */
type Reading<T> = Outcome<T> | 'wrong';

interface Protocol<T> {
  path: string;
  methods: readonly ('GET' | 'POST')[];
  read(params: URLSearchParams): Reading<T>;
}

function identityError(params: URLSearchParams): AuthorizationResponseError | null {
  const error = single(params, 'error');
  return error === undefined ? null : new AuthorizationResponseError(error, single(params, 'error_description'));
}

const AUTHORIZATION_CODE: Protocol<string> = {
  path: '/',
  methods: ['GET', 'POST'],
  read(params) {
    const error = identityError(params);
    if (error) return { ok: false, error };
    const code = single(params, 'code');
    return code ? { ok: true, value: code } : 'wrong';
  },
};

const ADMIN_CONSENT: Protocol<AdminConsentResponse> = {
  path: ADMIN_CONSENT_PATH,
  methods: ['GET'],
  read(params) {
    // First: an error response carries admin_consent=True too.
    const error = identityError(params);
    if (error) return { ok: false, error };
    if (single(params, 'admin_consent')?.toLowerCase() !== 'true') return 'wrong';
    return { ok: true, value: { reportedTenant: single(params, 'tenant'), scope: single(params, 'scope') } };
  },
};

/**
 * Listens on 127.0.0.1 for the browser's redirect of a sign-in: a GET with the
 * response in the query, or a form_post. Anything else is answered and ignored, so
 * a stray request (a favicon, a stale tab) neither ends nor spoils the sign-in.
 */
export async function startLoopbackRedirect(options: LoopbackRedirectOptions): Promise<LoopbackRedirect> {
  return start(new CodeListener(options, AUTHORIZATION_CODE), options);
}

/**
 * The same listener for the v2 admin consent's answer: a GET on /adminconsent with
 * the response in the query. `error` is read before `admin_consent=True`.
 */
export async function startAdminConsentRedirect(options: LoopbackRedirectOptions): Promise<AdminConsentRedirect> {
  return start(new Listener(options, ADMIN_CONSENT), options);
}

async function start<L extends Pick<Listener<never>, 'listen' | 'arm' | 'close'>>(listener: L, options: LoopbackRedirectOptions): Promise<L> {
  options.signal?.throwIfAborted();
  await listener.listen(options.preferredPort ?? 0);
  if (options.signal?.aborted) {
    await listener.close();
    throw options.signal.reason as Error;
  }
  listener.arm();
  return listener;
}

class Listener<T> implements LoopbackListener<T> {
  readonly result: Promise<T>;
  private readonly server: http.Server;
  private readonly closed: Promise<void>;
  private markClosed!: () => void;
  private settle!: (outcome: Outcome<T>) => void;
  /** The first outcome wins: a response, the timeout, the signal, close() or a server error. */
  private outcome: Outcome<T> | null = null;
  private closing = false;
  private timer: NodeJS.Timeout | undefined;
  /** Kept after closing, so callers can still tell which port it was. */
  private listenedPort = 0;

  constructor(
    private readonly options: LoopbackRedirectOptions,
    private readonly protocol: Protocol<T>,
  ) {
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.closed = new Promise<void>((resolve) => {
      this.markClosed = resolve;
    });
    this.result = new Promise<T>((resolve, reject) => {
      this.settle = (outcome) => (outcome.ok ? resolve(outcome.value) : reject(outcome.error));
    });
    // Whoever started the server may close it without ever asking for the result.
    this.result.catch(() => undefined);
  }

  get port(): number {
    return this.listenedPort;
  }

  get redirectUri(): string {
    return `http://localhost:${this.port}${this.protocol.path === '/' ? '' : this.protocol.path}`;
  }

  async listen(port: number): Promise<void> {
    try {
      await listenOn(this.server, port);
    } catch (error) {
      if (port === 0 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      await listenOn(this.server, 0);
    }
    this.listenedPort = (this.server.address() as AddressInfo).port;
  }

  /** Once listening: the timeout, the signal and late server errors end the wait. */
  arm(): void {
    this.server.on('error', (error) => this.finish({ ok: false, error }));
    this.options.signal?.addEventListener('abort', this.onAbort, { once: true });
    this.restartTimeout();
  }

  restartTimeout(): void {
    const { timeoutMs } = this.options;
    if (this.outcome || timeoutMs === undefined) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.finish({ ok: false, error: new SignInTimeoutError(timeoutMs) }), timeoutMs);
  }

  close(reason: Error = new Error('The sign-in was cancelled.')): Promise<void> {
    this.finish({ ok: false, error: reason });
    return this.closed;
  }

  private readonly onAbort = (): void => {
    this.finish({ ok: false, error: this.options.signal?.reason as Error });
  };

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (this.outcome) return sendText(res, 410, 'This sign-in has ended.', { connection: 'close' });
    const url = requestTarget(req);
    if (url?.pathname !== this.protocol.path) return sendText(res, 404, 'Not found');
    const { methods } = this.protocol;
    if (req.method === 'GET' && methods.includes('GET')) return this.answer(res, url.searchParams);
    if (req.method === 'POST' && methods.includes('POST')) {
      void readForm(req, res).then((form) => {
        if (form) this.answer(res, form);
      });
      return;
    }
    req.resume();
    sendText(res, 405, 'Method not allowed', { allow: methods.join(', ') });
  }

  private answer(res: http.ServerResponse, params: URLSearchParams): void {
    if (this.outcome) return sendText(res, 410, 'This sign-in has ended.', { connection: 'close' });
    const state = single(params, 'state');
    if (state === undefined || state !== this.options.state) return sendPage(res, 400, wrongRequestPage());
    const reading = this.protocol.read(params);
    if (reading === 'wrong') return sendPage(res, 400, wrongRequestPage());
    const page = reading.ok ? successPage(this.options.pages) : errorPage(this.options.pages, reading.error instanceof AuthorizationResponseError ? reading.error.error : '');
    this.answerAndFinish(res, page, reading);
  }

  /** The browser gets its page before the port closes. */
  private answerAndFinish(res: http.ServerResponse, html: string, outcome: Outcome<T>): void {
    this.decide(outcome);
    res.once('close', () => this.shutDown());
    sendPage(res, 200, html, true);
  }

  private finish(outcome: Outcome<T>): void {
    this.decide(outcome);
    this.shutDown();
  }

  private decide(outcome: Outcome<T>): void {
    if (this.outcome) return;
    this.outcome = outcome;
    clearTimeout(this.timer);
    this.options.signal?.removeEventListener('abort', this.onAbort);
  }

  private shutDown(): void {
    if (this.closing) return;
    this.closing = true;
    this.server.close(() => {
      this.markClosed();
      if (this.outcome) this.settle(this.outcome);
    });
    this.server.closeAllConnections();
  }
}

class CodeListener extends Listener<string> implements LoopbackRedirect {
  get code(): Promise<string> {
    return this.result;
  }
}

function listenOn(server: http.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, HOST);
  });
}

/** Null for a target URL cannot parse (a throw here would escape the request handler). */
function requestTarget(req: http.IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}

/** One value, or undefined when the parameter is missing or repeated (a repeated one is ambiguous). */
function single(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  return values.length === 1 ? values[0] : undefined;
}

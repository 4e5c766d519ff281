import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthorizationResponseError, SignInTimeoutError } from './auth-code-errors';
import { errorPage, sendPage, sendText, successPage, wrongRequestPage, type LoopbackPageTexts } from './loopback-pages';
import { readForm } from './loopback-form';

const HOST = '127.0.0.1';
const REDIRECT_PATH = '/';

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

/** A listening loopback redirect endpoint that takes exactly one authorization response, then closes. */
export interface LoopbackRedirect {
  /** http://localhost:<port>, the redirect URI for the authorization request. */
  readonly redirectUri: string;
  readonly port: number;
  /** The authorization code; settles only once the port is closed. */
  readonly code: Promise<string>;
  /** Starts the timeout over (the admin opened the sign-in page again). */
  restartTimeout(): void;
  /** Stops waiting (rejecting `code` with the reason) and closes the port; resolves once it is closed. */
  close(reason?: Error): Promise<void>;
}

type Outcome = { ok: true; code: string } | { ok: false; error: Error };

/**
 * Listens on 127.0.0.1 for the browser's redirect: a GET with the response in
 * the query, or a form_post. Anything else is answered and ignored, so a stray
 * request (a favicon, a stale tab) neither ends nor spoils the sign-in.
 */
export async function startLoopbackRedirect(options: LoopbackRedirectOptions): Promise<LoopbackRedirect> {
  options.signal?.throwIfAborted();
  const listener = new Listener(options);
  await listener.listen(options.preferredPort ?? 0);
  if (options.signal?.aborted) {
    await listener.close();
    throw options.signal.reason as Error;
  }
  listener.arm();
  return listener;
}

class Listener implements LoopbackRedirect {
  readonly code: Promise<string>;
  private readonly server: http.Server;
  private readonly closed: Promise<void>;
  private markClosed!: () => void;
  private settle!: (outcome: Outcome) => void;
  /** The first outcome wins: a response, the timeout, the signal, close() or a server error. */
  private outcome: Outcome | null = null;
  private closing = false;
  private timer: NodeJS.Timeout | undefined;
  /** Kept after closing, so callers can still tell which port it was. */
  private listenedPort = 0;

  constructor(private readonly options: LoopbackRedirectOptions) {
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.closed = new Promise<void>((resolve) => {
      this.markClosed = resolve;
    });
    this.code = new Promise<string>((resolve, reject) => {
      this.settle = (outcome) => (outcome.ok ? resolve(outcome.code) : reject(outcome.error));
    });
    // Whoever started the server may close it without ever asking for the code.
    this.code.catch(() => undefined);
  }

  get port(): number {
    return this.listenedPort;
  }

  get redirectUri(): string {
    return `http://localhost:${this.port}`;
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
    if (url?.pathname !== REDIRECT_PATH) return sendText(res, 404, 'Not found');
    if (req.method === 'GET') return this.answer(res, url.searchParams);
    if (req.method === 'POST') {
      void readForm(req, res).then((form) => {
        if (form) this.answer(res, form);
      });
      return;
    }
    sendText(res, 405, 'Method not allowed', { allow: 'GET, POST' });
  }

  private answer(res: http.ServerResponse, params: URLSearchParams): void {
    if (this.outcome) return sendText(res, 410, 'This sign-in has ended.', { connection: 'close' });
    const state = single(params, 'state');
    if (state === undefined || state !== this.options.state) return sendPage(res, 400, wrongRequestPage());
    const error = single(params, 'error');
    if (error !== undefined) {
      const failure = new AuthorizationResponseError(error, single(params, 'error_description'));
      return this.answerAndFinish(res, errorPage(this.options.pages, error), { ok: false, error: failure });
    }
    const code = single(params, 'code');
    if (!code) return sendPage(res, 400, wrongRequestPage());
    this.answerAndFinish(res, successPage(this.options.pages), { ok: true, code });
  }

  /** The browser gets its page before the port closes. */
  private answerAndFinish(res: http.ServerResponse, html: string, outcome: Outcome): void {
    this.decide(outcome);
    res.once('close', () => this.shutDown());
    sendPage(res, 200, html, true);
  }

  private finish(outcome: Outcome): void {
    this.decide(outcome);
    this.shutDown();
  }

  private decide(outcome: Outcome): void {
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

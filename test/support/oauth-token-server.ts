import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TokenReply {
  status: number;
  body: string;
  contentType?: string;
}

export interface ReceivedTokenRequest {
  method: string;
  contentType: string | undefined;
  form: URLSearchParams;
}

export type TokenResponder = (request: ReceivedTokenRequest, index: number) => TokenReply | Promise<TokenReply>;

/** A tiny OAuth token endpoint on 127.0.0.1 that records each request and answers with the responder's reply. */
export interface OAuthTokenServer {
  tokenUrl: string;
  requests: ReceivedTokenRequest[];
  respondWith(responder: TokenResponder): void;
  close(): Promise<void>;
}

export function jsonReply(status: number, body: unknown): TokenReply {
  return { status, body: JSON.stringify(body), contentType: 'application/json' };
}

export async function startOAuthTokenServer(responder: TokenResponder): Promise<OAuthTokenServer> {
  const requests: ReceivedTokenRequest[] = [];
  let current = responder;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received: ReceivedTokenRequest = {
        method: req.method ?? '',
        contentType: req.headers['content-type'],
        form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')),
      };
      requests.push(received);
      void Promise.resolve(current(received, requests.length - 1)).then((reply) => {
        res.writeHead(reply.status, { 'content-type': reply.contentType ?? 'text/plain' });
        res.end(reply.body);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    tokenUrl: `http://127.0.0.1:${port}/tenant-1/oauth2/v2.0/token`,
    requests,
    respondWith: (next) => {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A promise with its resolve handle, for holding a reply until the test lets it go. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

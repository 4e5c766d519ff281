import crypto from 'node:crypto';

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; odata.metadata=minimal', ...headers } });
}

/** Graph's JSON error format. */
export function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  const requestId = crypto.randomUUID();
  return json(
    status,
    { error: { code, message, innerError: { date: new Date().toISOString().slice(0, 19), 'request-id': requestId, 'client-request-id': requestId } } },
    { 'request-id': requestId, ...headers },
  );
}

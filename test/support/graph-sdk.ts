import { Client, HTTPMessageHandler, type Context, type Middleware } from '@microsoft/microsoft-graph-client';

/**
 * The official Graph SDK pointed at a loopback demo tenant. Two of its https-only
 * assumptions need a middleware: AuthenticationHandler sends tokens only to https
 * Graph hosts, and api(url) takes only https URLs as absolute, so an http nextLink
 * arrives appended to the base URL and is cut back out here.
 */
export function sdkClient(origin: string, token: string): Client {
  class BearerMiddleware implements Middleware {
    private next: Middleware | undefined;
    async execute(context: Context): Promise<void> {
      const headers = new Headers(context.options?.headers);
      headers.set('Authorization', `Bearer ${token}`);
      context.options = { ...context.options, headers: Object.fromEntries(headers) };
      const url = String(context.request);
      const nested = url.indexOf('/http://');
      if (nested >= 0) context.request = url.slice(nested + 1);
      await this.next!.execute(context);
    }
    setNext(next: Middleware): void {
      this.next = next;
    }
  }
  const bearer = new BearerMiddleware();
  bearer.setNext(new HTTPMessageHandler());
  return Client.initWithMiddleware({ middleware: bearer, baseUrl: `${origin}/graph/`, defaultVersion: 'v1.0' });
}

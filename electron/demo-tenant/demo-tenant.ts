// The embedded demo tenant: Microsoft Graph, the Mobile Risk API v2 and the
// partner sync endpoint behind one WHATWG fetch handler (Request in, Response out),
// used in process by the app and tests, or served on 127.0.0.1 by serve-demo-tenant.
import { DemoTenantState, type DemoTenantOptions } from './demo-tenant-state';
import { ConnectionResetFault } from './faults';
import { handleGraph } from './graph-routes';
import { graphError } from './graph-responses';
import { handleIdentity, isIdentityPath } from './identity-routes';
import { handleLogin } from './login-routes';
import { handleMobileRisk } from './mobile-risk-routes';
import { handlePartner } from './partner-routes';

export * from './demo-tenant-state';

export class DemoTenant extends DemoTenantState {
  /** The WHATWG fetch handler. Throws ConnectionResetFault for an injected reset. */
  async handle(request: Request): Promise<Response> {
    if (!this.recordRequests) return this.route(request);
    const entry = { at: Date.now(), method: request.method, path: new URL(request.url).pathname, status: 0 as number | 'reset' };
    this.requestLog.push(entry);
    try {
      const response = await this.route(request);
      entry.status = response.status;
      return response;
    } catch (error) {
      entry.status = 'reset';
      throw error;
    }
  }

  private async route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname;
    const fault = this.faults.draw(path, ['reset', 'slow']);
    if (fault?.kind === 'reset') throw new ConnectionResetFault();
    if (fault?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 2000));
    try {
      if (path.startsWith('/graph/v1.0/') || path === '/graph/v1.0') return await handleGraph(this, request, url);
      if (path.startsWith('/login/')) return await handleLogin(this, request, url);
      if (path.startsWith('/lookout/')) return await handleMobileRisk(this, request, url);
      if (path.startsWith('/partner/v1/')) return await handlePartner(this, request, url);
      if (isIdentityPath(path)) return await handleIdentity(this, request, url);
      return graphError(404, 'ResourceNotFound', `No route for ${path}.`);
    } catch (error) {
      if (error instanceof ConnectionResetFault) throw error;
      return graphError(500, 'InternalServerError', `The demo tenant failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** A fetch for in-process use: what clients get instead of the network. */
  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    try {
      return await this.handle(request);
    } catch (error) {
      if (error instanceof ConnectionResetFault) throw new TypeError('fetch failed', { cause: error });
      throw error;
    }
  };
}

export function createDemoTenant(options: DemoTenantOptions = {}): DemoTenant {
  return new DemoTenant(options);
}

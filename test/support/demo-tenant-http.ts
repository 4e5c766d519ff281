import type { DemoTenantCredentials } from '../../electron/demo-tenant/demo-tenant';

/** Raw wire access to a demo tenant, without our clients: what the contract tests speak. */
export async function graphToken(credentials: DemoTenantCredentials, doFetch: typeof fetch = fetch): Promise<string> {
  const response = await doFetch(credentials.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: credentials.clientId, client_secret: credentials.clientSecret, scope: 'https://graph.microsoft.com/.default' }),
  });
  if (response.status !== 200) throw new Error(`token: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export async function mraToken(credentials: DemoTenantCredentials, doFetch: typeof fetch = fetch): Promise<string> {
  const response = await doFetch(credentials.mraTokenUrl, {
    method: 'POST',
    headers: { authorization: `Bearer ${credentials.mraAppKey}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  if (response.status !== 200) throw new Error(`mra token: ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** Follows @odata.nextLink to the end and returns every item. */
export async function listAll<T>(url: string, token: string, doFetch: typeof fetch = fetch): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let next: string | undefined = url;
  let pages = 0;
  while (next) {
    const response: Response = await doFetch(next, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`${next}: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { value: T[]; '@odata.nextLink'?: string };
    items.push(...body.value);
    pages += 1;
    next = body['@odata.nextLink'];
  }
  return { items, pages };
}

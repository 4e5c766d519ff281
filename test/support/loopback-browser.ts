import net from 'node:net';

export interface BrowserReply {
  status: number;
  contentType: string | null;
  csp: string | null;
  body: string;
}

/** What the browser does with the identity provider's answer: a GET with it in the query, or a form_post. */
export async function sendRedirect(redirectUri: string, params: Record<string, string>, mode: 'query' | 'form_post'): Promise<BrowserReply> {
  const form = new URLSearchParams(params);
  const response =
    mode === 'query'
      ? await fetch(`${redirectUri}/?${form.toString()}`)
      : await fetch(`${redirectUri}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    csp: response.headers.get('content-security-policy'),
    body: await response.text(),
  };
}

/** True when nothing listens on 127.0.0.1:port any more (a connect attempt is refused). */
export function isPortClosed(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') resolve(true);
      else reject(error);
    });
  });
}

export function portOf(redirectUri: string): number {
  return Number(new URL(redirectUri).port);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

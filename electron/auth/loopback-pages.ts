import type http from 'node:http';

/** What the browser tab says once the sign-in has reached the app; plain text, never HTML. */
export interface LoopbackPageTexts {
  success?: string;
  error?: string;
}

const DEFAULT_SUCCESS = 'You are signed in to MTD Connector Console. You can close this tab.';
const DEFAULT_ERROR = 'Sign-in did not complete. Close this tab and try again in MTD Connector Console.';
const WRONG_REQUEST = 'This page does not belong to the sign-in under way in MTD Connector Console.';

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  // The page is static text: nothing may load or run in it, and the code must not leak through a referrer.
  'content-security-policy': "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
} as const;

export function successPage(texts: LoopbackPageTexts | undefined): string {
  return page(texts?.success ?? DEFAULT_SUCCESS);
}

/** The error code comes from the redirect; only its harmless characters are shown. */
export function errorPage(texts: LoopbackPageTexts | undefined, errorCode: string): string {
  const code = errorCode.replace(/[^a-z0-9_.-]/gi, '').slice(0, 64);
  return page(`${texts?.error ?? DEFAULT_ERROR}${code ? ` (${code})` : ''}`);
}

export function wrongRequestPage(): string {
  return page(WRONG_REQUEST);
}

export function sendPage(res: http.ServerResponse, status: number, html: string, closeConnection = false): void {
  res.writeHead(status, { ...PAGE_HEADERS, ...(closeConnection ? { connection: 'close' } : {}) });
  res.end(html);
}

export function sendText(res: http.ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

function page(text: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>MTD Connector Console</title></head><body><p>${escapeHtml(text)}</p></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

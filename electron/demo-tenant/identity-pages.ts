// The demo tenant's sign-in and consent pages: plain HTML forms (every button a
// real submit button, so a browser or Playwright drives them by name), a strict CSP
// with a per-page nonce, nothing loaded from elsewhere, and every echoed value escaped.
import crypto from 'node:crypto';

export interface PageUser {
  userPrincipalName: string;
  displayName: string;
}

export type FormFields = Record<string, string>;

const STYLE = [
  'body{font-family:"Segoe UI",system-ui,sans-serif;background:#f2f2f2;margin:0;color:#1b1b1b}',
  'main{max-width:440px;margin:48px auto;background:#fff;padding:36px 44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}',
  'h1{font-size:24px;font-weight:600;margin:0 0 16px}',
  'p,li{font-size:15px;line-height:1.4}',
  'button{display:block;width:100%;margin:8px 0;padding:10px 12px;font-size:15px;text-align:left;border:1px solid #8a8a8a;background:#fff;cursor:pointer}',
  'button.primary{background:#0067b8;color:#fff;border-color:#0067b8;text-align:center}',
  'button.secondary{text-align:center}',
  '.tenant{color:#605e5c;font-size:13px}',
  '.hint{font-size:13px;color:#605e5c;margin:2px 0 0 2px}',
  '.error{color:#a80000}',
].join('');

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`=]/g, (char) => `&#${char.charCodeAt(0)};`);
}

function hiddenFields(fields: FormFields): string {
  return Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
}

interface PageInit {
  status: number;
  title: string;
  body: string;
  /** Where its forms may post: 'self', or the redirect URI's origin. */
  formAction: string;
  script?: string;
}

function page({ status, title, body, formAction, script }: PageInit): Response {
  const nonce = crypto.randomBytes(16).toString('base64');
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${escapeHtml(title)}</title><style nonce="${nonce}">${STYLE}</style></head><body><main>${body}</main>` +
    (script ? `<script nonce="${nonce}">${script}</script>` : '') +
    `</body></html>`;
  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; form-action ${formAction}; base-uri 'none'; frame-ancestors 'none'`,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    },
  });
}

/** The account picker: one "Sign in as <upn>" button per user, and Cancel. */
/** Where a form of these pages may send the browser: here, and (its answer being a redirect) the app's redirect URI, which CSP checks too. */
function formTargets(redirectUri: string | undefined): string {
  return redirectUri === undefined ? "'self'" : `'self' ${new URL(redirectUri).origin}`;
}

export function accountPickerPage(init: { title: string; intro: string; tenantName: string; action: string; fields: FormFields; users: PageUser[]; hint?: string; notice?: string; redirectUri?: string }): Response {
  const buttons = init.users
    .map((user) => {
      const suggested = init.hint !== undefined && user.userPrincipalName.toLowerCase() === init.hint.toLowerCase();
      return `<button type="submit" name="login" value="${escapeHtml(user.userPrincipalName)}">Sign in as ${escapeHtml(user.userPrincipalName)}</button>` +
        `<p class="hint">${escapeHtml(user.displayName)}${suggested ? ' (the account the app suggested)' : ''}</p>`;
    })
    .join('');
  const body =
    `<p class="tenant">${escapeHtml(init.tenantName)}</p><h1>${escapeHtml(init.title)}</h1>` +
    (init.notice ? `<p class="error" role="alert">${escapeHtml(init.notice)}</p>` : '') +
    `<p>${escapeHtml(init.intro)}</p>` +
    `<form method="post" action="${escapeHtml(init.action)}">${hiddenFields(init.fields)}${buttons}` +
    `<button type="submit" class="secondary" name="cancel" value="1">Cancel</button></form>`;
  return page({ status: 200, title: init.title, body, formAction: formTargets(init.redirectUri) });
}

/** What an administrator is asked to accept for the whole organization. */
export function permissionsRequestedPage(init: { tenantName: string; userPrincipalName: string; appName: string; action: string; fields: FormFields; delegated: string[]; application: string[]; redirectUri: string }): Response {
  const list = (names: string[]) => `<ul>${names.map((name) => `<li>${escapeHtml(name)}</li>`).join('')}</ul>`;
  const body =
    `<p class="tenant">${escapeHtml(init.userPrincipalName)}</p><h1>Permissions requested</h1>` +
    `<p>${escapeHtml(init.appName)} (${escapeHtml(init.tenantName)}) asks for these permissions, for everyone in your organization.</p>` +
    `<p>Delegated permissions (on behalf of the signed-in user):</p>${list(init.delegated)}` +
    `<p>Application permissions (without a signed-in user):</p>${list(init.application)}` +
    `<form method="post" action="${escapeHtml(init.action)}">${hiddenFields(init.fields)}` +
    `<button type="submit" class="primary" name="decision" value="accept">Accept</button>` +
    `<button type="submit" class="secondary" name="decision" value="cancel">Cancel</button></form>`;
  return page({ status: 200, title: 'Permissions requested', body, formAction: formTargets(init.redirectUri) });
}

/** Hands the answer to the redirect URI as a POST; the script submits it, the button is there when scripts are off. */
export function formPostPage(redirectUri: string, fields: FormFields): Response {
  const body =
    `<h1>Signing you in</h1><p>Returning to the app.</p>` +
    `<form method="post" action="${escapeHtml(redirectUri)}">${hiddenFields(fields)}` +
    `<button type="submit" class="primary">Continue</button></form>`;
  return page({ status: 200, title: 'Signing you in', body, formAction: new URL(redirectUri).origin, script: 'document.forms[0].submit();' });
}

/** An error shown in the browser, never sent back to the app (the request could not be trusted with a redirect). */
export function errorPage(status: number, description: string, tenantName?: string): Response {
  const body =
    (tenantName ? `<p class="tenant">${escapeHtml(tenantName)}</p>` : '') +
    `<h1>Sorry, but we're having trouble signing you in.</h1><p class="error">${escapeHtml(description)}</p>`;
  return page({ status, title: 'Sign in to your account', body, formAction: "'none'" });
}

/** Entra's answer when the app needs an administrator's consent: it stays here and never goes back to the app. */
export function needAdminApprovalPage(init: { tenantName: string; userPrincipalName: string; appName: string; description: string }): Response {
  const body =
    `<p class="tenant">${escapeHtml(init.userPrincipalName)}</p><h1>Need admin approval</h1>` +
    `<p>${escapeHtml(init.appName)} needs permission to access resources in ${escapeHtml(init.tenantName)} that only an admin can grant. Please ask an admin to grant permission to this app before you can use it.</p>` +
    `<p class="error">${escapeHtml(init.description)}</p>`;
  return page({ status: 200, title: 'Need admin approval', body, formAction: "'none'" });
}

export function signedOutPage(): Response {
  return page({ status: 200, title: 'Signed out', body: '<h1>You signed out of your account</h1><p>You can close this window.</p>', formAction: "'none'" });
}

/** The answer for the app: a form_post page, or a 302 with it in the query. */
export function answerApp(redirectUri: string, responseMode: 'form_post' | 'query', fields: FormFields): Response {
  if (responseMode === 'form_post') return formPostPage(redirectUri, fields);
  return new Response(null, { status: 302, headers: { location: `${redirectUri}?${new URLSearchParams(fields).toString()}`, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } });
}

// A minimal browser for the demo tenant's sign-in and consent pages: it reads their
// forms, presses a button by its label (as a person, or Playwright by role and name,
// would), and follows the answer to the app's loopback redirect URI.

export interface PageButton {
  name: string;
  value: string;
  label: string;
}

export interface PageForm {
  action: string;
  fields: Record<string, string>;
  buttons: PageButton[];
}

export interface BrowserPage {
  url: string;
  status: number;
  headers: Headers;
  body: string;
  title: string | null;
  forms: PageForm[];
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decodeEntities(match[1]!) : undefined;
}

export function formsOf(html: string): PageForm[] {
  const forms: PageForm[] = [];
  for (const [, open, inner] of html.matchAll(/<form([^>]*)>([\s\S]*?)<\/form>/g)) {
    const fields: Record<string, string> = {};
    for (const [input] of inner!.matchAll(/<input[^>]*>/g)) {
      const name = attribute(input, 'name');
      if (name !== undefined) fields[name] = attribute(input, 'value') ?? '';
    }
    const buttons: PageButton[] = [];
    for (const [, tag, label] of inner!.matchAll(/<button([^>]*)>([\s\S]*?)<\/button>/g)) {
      buttons.push({ name: attribute(tag!, 'name') ?? '', value: attribute(tag!, 'value') ?? '', label: decodeEntities(label!.replace(/<[^>]*>/g, '')).trim() });
    }
    forms.push({ action: attribute(open!, 'action') ?? '', fields, buttons });
  }
  return forms;
}

async function toPage(url: string, response: Response): Promise<BrowserPage> {
  const body = await response.text();
  const title = /<title>([\s\S]*?)<\/title>/.exec(body);
  return { url, status: response.status, headers: response.headers, body, title: title ? decodeEntities(title[1]!) : null, forms: formsOf(body) };
}

export async function open(url: string): Promise<BrowserPage> {
  return toPage(url, await fetch(url, { redirect: 'manual' }));
}

/** Presses the button with exactly this label: its form is posted with the button's name and value. */
export async function press(page: BrowserPage, label: string): Promise<BrowserPage> {
  for (const form of page.forms) {
    const button = form.buttons.find((candidate) => candidate.label === label);
    if (!button) continue;
    const target = new URL(form.action, page.url).toString();
    const body = new URLSearchParams(form.fields);
    if (button.name) body.set(button.name, button.value);
    return toPage(target, await fetch(target, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() }));
  }
  throw new Error(`No button '${label}' on ${page.url} (${page.title ?? 'untitled'}): ${page.forms.flatMap((f) => f.buttons.map((b) => b.label)).join(', ')}`);
}

/** What the browser does next with the identity provider's answer: follows a 302, or lets the form_post page submit itself. */
export async function follow(page: BrowserPage): Promise<BrowserPage> {
  const location = page.headers.get('location');
  if (page.status >= 300 && page.status < 400 && location) return open(new URL(location, page.url).toString());
  if (page.forms.some((form) => form.buttons.some((button) => button.label === 'Continue'))) return press(page, 'Continue');
  throw new Error(`Nothing to follow on ${page.url} (${page.status}, ${page.title ?? 'untitled'}).`);
}

/** Signs in as the user on the authorize page and delivers the answer to the app: what a person does in the browser. */
export async function signInAs(authorizeUrl: string, userPrincipalName: string): Promise<BrowserPage> {
  return follow(await press(await open(authorizeUrl), `Sign in as ${userPrincipalName}`));
}

/** The answer the identity provider gives the app, without delivering it: the form fields of a form_post, or the 302's query. */
export function answerOf(page: BrowserPage): Record<string, string> {
  const location = page.headers.get('location');
  if (page.status >= 300 && page.status < 400 && location) return Object.fromEntries(new URL(location).searchParams);
  const form = page.forms.find((candidate) => candidate.buttons.some((button) => button.label === 'Continue'));
  if (!form) throw new Error(`No answer for the app on ${page.url} (${page.status}, ${page.title ?? 'untitled'}).`);
  return form.fields;
}

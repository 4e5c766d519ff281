// The slice of OData query syntax the console needs from Graph: $filter with
// eq/ne/ge/gt/le/lt, startswith() and "and"; $select; $top; $skiptoken paging.

export class ODataError extends Error {}

type Literal = string | number | boolean | null;
interface Comparison {
  field: string;
  op: 'eq' | 'ne' | 'ge' | 'gt' | 'le' | 'lt' | 'startswith';
  value: Literal;
}

export type Getter<T> = (item: T, field: string) => unknown;

const TOKEN = /\s*(?:(\()|(\))|(,)|'((?:[^']|'')*)'|([A-Za-z_][\w./]*)|(-?\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)|(-?\d+(?:\.\d+)?))/y;

function tokenize(filter: string): { kind: string; text: string }[] {
  const tokens: { kind: string; text: string }[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < filter.length) {
    if (/^\s*$/.test(filter.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(filter);
    if (!match) throw new ODataError(`Invalid filter clause at position ${at}.`);
    if (match[1]) tokens.push({ kind: '(', text: '(' });
    else if (match[2]) tokens.push({ kind: ')', text: ')' });
    else if (match[3]) tokens.push({ kind: ',', text: ',' });
    else if (match[4] !== undefined) tokens.push({ kind: 'string', text: match[4].replaceAll("''", "'") });
    else if (match[5]) tokens.push({ kind: 'word', text: match[5] });
    else if (match[6]) tokens.push({ kind: 'datetime', text: match[6] });
    else if (match[7]) tokens.push({ kind: 'number', text: match[7] });
  }
  return tokens;
}

function literalOf(token: { kind: string; text: string } | undefined): Literal {
  if (!token) throw new ODataError('Invalid filter clause: a value is missing.');
  if (token.kind === 'string' || token.kind === 'datetime') return token.text;
  if (token.kind === 'number') return Number(token.text);
  if (token.kind === 'word' && ['true', 'false', 'null'].includes(token.text)) return token.text === 'null' ? null : token.text === 'true';
  throw new ODataError(`Invalid filter clause: unexpected ${token.text}.`);
}

export function parseFilter(filter: string): Comparison[] {
  const tokens = tokenize(filter);
  const clauses: Comparison[] = [];
  let i = 0;
  for (;;) {
    const head = tokens[i];
    if (head?.kind === 'word' && head.text.toLowerCase() === 'startswith' && tokens[i + 1]?.kind === '(') {
      const field = tokens[i + 2];
      if (field?.kind !== 'word' || tokens[i + 3]?.kind !== ',' || tokens[i + 5]?.kind !== ')') throw new ODataError('Invalid filter clause: startswith(field, value).');
      clauses.push({ field: field.text, op: 'startswith', value: literalOf(tokens[i + 4]) });
      i += 6;
    } else {
      const op = tokens[i + 1]?.text.toLowerCase();
      if (head?.kind !== 'word' || !op || !['eq', 'ne', 'ge', 'gt', 'le', 'lt'].includes(op)) throw new ODataError('Invalid filter clause: expected "field operator value".');
      clauses.push({ field: head.text, op: op as Comparison['op'], value: literalOf(tokens[i + 2]) });
      i += 3;
    }
    if (i >= tokens.length) return clauses;
    if (tokens[i]?.kind !== 'word' || tokens[i]?.text.toLowerCase() !== 'and') throw new ODataError('Invalid filter clause: only "and" joins clauses here.');
    i += 1;
  }
}

function compare(actual: unknown, op: Comparison['op'], expected: Literal): boolean {
  if (op === 'startswith') return typeof actual === 'string' && typeof expected === 'string' && actual.toLowerCase().startsWith(expected.toLowerCase());
  if (op === 'eq' || op === 'ne') {
    // Graph compares directory strings without regard to case.
    const equal = typeof actual === 'string' && typeof expected === 'string' ? actual.toLowerCase() === expected.toLowerCase() : actual === expected;
    return op === 'eq' ? equal : !equal;
  }
  const left = typeof actual === 'string' ? Date.parse(actual) : Number(actual);
  const right = typeof expected === 'string' ? Date.parse(expected) : Number(expected);
  if (Number.isNaN(left) || Number.isNaN(right)) return false;
  return op === 'ge' ? left >= right : op === 'gt' ? left > right : op === 'le' ? left <= right : left < right;
}

export function matcher<T>(filter: string | null, get: Getter<T>, allowedFields: readonly string[]): (item: T) => boolean {
  if (filter === null || filter.trim() === '') return () => true;
  const clauses = parseFilter(filter);
  for (const clause of clauses) {
    if (!allowedFields.includes(clause.field)) throw new ODataError(`Filtering on '${clause.field}' is not supported here.`);
  }
  return (item) => clauses.every((clause) => compare(get(item, clause.field), clause.op, clause.value));
}

export function select(object: Record<string, unknown>, selectParam: string | null): Record<string, unknown> {
  if (!selectParam) return object;
  const fields = selectParam.split(',').map((f) => f.trim()).filter(Boolean);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (key === 'id' || key.startsWith('@odata.') || fields.includes(key)) out[key] = value;
  }
  return out;
}

export function parseTop(value: string | null, fallback: number, max: number): number {
  if (value === null) return fallback;
  if (!/^\d+$/.test(value)) throw new ODataError(`Invalid $top value '${value}'.`);
  const top = Number(value);
  if (top < 1 || top > max) throw new ODataError(`$top must be from 1 to ${max}.`);
  return top;
}

/** Skip tokens carry the scan position; opaque to clients, as Graph's are. */
export function encodeSkipToken(position: number): string {
  return Buffer.from(JSON.stringify({ p: position })).toString('base64url');
}

export function decodeSkipToken(token: string | null): number {
  if (token === null) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { p?: unknown };
    if (typeof parsed.p === 'number' && Number.isInteger(parsed.p) && parsed.p >= 0) return parsed.p;
  } catch {
    // fall through
  }
  throw new ODataError('The $skiptoken is not valid.');
}

/**
 * One page of a filtered listing: scans from the skip token's position until the page is full,
 * and gives the position to continue from (null at the end).
 */
export function page<T>(items: readonly T[], keep: (item: T) => boolean, start: number, size: number): { items: T[]; next: number | null } {
  const out: T[] = [];
  let i = start;
  for (; i < items.length && out.length < size; i++) if (keep(items[i]!)) out.push(items[i]!);
  while (i < items.length && !keep(items[i]!)) i++;
  return { items: out, next: i < items.length ? i : null };
}

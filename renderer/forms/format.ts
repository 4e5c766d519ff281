/** A date and time as the admin's language writes it. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A moment (ms since the epoch) to the second, as the admin's language writes it: polls a minute apart stay apart. */
export function formatMoment(ms: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(ms));
}

/** Names as one phrase in the admin's language: “A”, “A and B”, “A, B and C”. */
export function formatList(items: readonly string[], language: string): string {
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(items);
}

/** A moment in a table cell: short date and time. */
export function formatShortMoment(ms: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(ms));
}

/** A count as the admin's language writes it: 100,000. */
export function formatCount(count: number, language: string): string {
  return new Intl.NumberFormat(language).format(count);
}

/** How far off a real moment is, in the admin's language: “in 4 minutes”, “in 30 seconds”. */
export function formatIn(ms: number, now: number, language: string): string {
  const seconds = Math.max(0, Math.round((ms - now) / 1000));
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'always' });
  if (seconds < 90) return format.format(seconds, 'second');
  if (seconds < 90 * 60) return format.format(Math.round(seconds / 60), 'minute');
  return format.format(Math.round(seconds / 3600), 'hour');
}

// Every CSV the console writes (device export, audit log) encodes its cells here, so a
// value can never reach a spreadsheet as a formula (CSV injection).

/**
 * A CSV cell: text starting like a formula (= + - @, tab, carriage return) gets a leading
 * apostrophe; the cell is quoted when its text needs it, or always when asked.
 */
export function csvCell(value: string | number | null, quote: 'whenNeeded' | 'always' = 'whenNeeded'): string {
  const text = value === null ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return quote === 'always' || /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

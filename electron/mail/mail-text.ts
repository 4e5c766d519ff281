// Plain-text pieces shared by the digest and the error report.

export const PRODUCT_NAME = 'MTD Connector Console';
export const MAX_LISTED_LINES = 200;

/** One line of text from a field another system supplied: no line breaks or control characters, bounded. */
export function singleLine(text: string, maxLength = 300): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
  const line = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  return line.length > maxLength ? `${line.slice(0, maxLength)}…` : line;
}

/** 2026-03-01 14:05 UTC */
export function utcMinute(at: number): string {
  return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Groups with their lines, at most `max` lines in all; what did not fit is counted in a closing "... and N more". */
export function cappedSections(groups: readonly { heading: string; lines: readonly string[] }[], max = MAX_LISTED_LINES): string[] {
  const out: string[] = [];
  let listed = 0;
  let omitted = 0;
  for (const group of groups) {
    const room = Math.max(0, max - listed);
    if (room === 0) {
      omitted += group.lines.length;
      continue;
    }
    out.push('', group.heading);
    const shown = group.lines.slice(0, room);
    out.push(...shown.map((line) => `  - ${line}`));
    listed += shown.length;
    omitted += group.lines.length - shown.length;
  }
  if (omitted > 0) out.push('', `... and ${omitted} more`);
  return out;
}

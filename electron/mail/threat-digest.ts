// One mail per console user listing the new threats at the levels that user switched on.
import { cappedSections, plural, PRODUCT_NAME, singleLine, utcMinute } from './mail-text';

export type DigestLevel = 'Low' | 'Medium' | 'High';

export interface DigestThreat {
  guid: string;
  classification: string;
  level: DigestLevel;
  deviceName: string;
  userPrincipalName: string;
  detectedAt: number;
}

export interface ThreatDigestInput {
  recipient: { userId: string; email: string; displayName?: string };
  /** Already filtered to the recipient's switched-on levels. */
  threats: readonly DigestThreat[];
  consoleName?: string;
}

const LEVELS_HIGH_FIRST: readonly DigestLevel[] = ['High', 'Medium', 'Low'];

export function threatDigest(input: ThreatDigestInput): { subject: string; text: string } {
  if (input.threats.length === 0) throw new RangeError('A threat digest needs at least one threat.');
  const name = singleLine(input.consoleName ?? PRODUCT_NAME, 100);
  const byLevel = LEVELS_HIGH_FIRST.map((level) => ({
    level,
    threats: input.threats.filter((t) => t.level === level).toSorted((a, b) => a.detectedAt - b.detectedAt || a.guid.localeCompare(b.guid)),
  })).filter((group) => group.threats.length > 0);
  const counts = byLevel.map((group) => `${group.threats.length} ${group.level}`).join(', ');
  const total = plural(input.threats.length, 'new threat');

  const text = [
    `Hello ${singleLine(input.recipient.displayName ?? input.recipient.email, 200)},`,
    '',
    `${name} found ${total} (${counts}) at the levels you receive notifications for.`,
    ...cappedSections(
      byLevel.map((group) => ({
        heading: `${group.level} (${group.threats.length})`,
        lines: group.threats.map((t) => `${utcMinute(t.detectedAt)}  ${singleLine(t.classification)} on ${singleLine(t.deviceName)} (${singleLine(t.userPrincipalName)})`),
      })),
    ),
    '',
    `Open ${name} to see each threat and its device. You receive this mail because you switched on e-mail notifications for these levels in ${name}.`,
    '',
  ].join('\n');
  return { subject: `${name}: ${total} (${counts})`, text };
}

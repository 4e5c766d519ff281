// A threat's risk level is its classification's current level (PRODUCT.md section 4);
// a device's threat level is the highest among its open threats.
import { DEFAULT_THREAT_CLASSIFICATIONS, type RiskLevel } from './threat-classifications';

export const THREAT_LEVELS = ['secured', 'low', 'medium', 'high'] as const;
/** A device's threat level: 'secured' when no open threat is above None. */
export type ThreatLevel = (typeof THREAT_LEVELS)[number];

export function isThreatLevel(value: unknown): value is ThreatLevel {
  return (THREAT_LEVELS as readonly unknown[]).includes(value);
}

export const THREAT_STATUSES = ['open', 'resolved', 'ignored'] as const;
export type ThreatStatus = (typeof THREAT_STATUSES)[number];

const RANK: Record<RiskLevel, number> = { None: 0, Low: 1, Medium: 2, High: 3 };
const SEVERITY_LEVEL: Record<string, RiskLevel> = { LOW: 'Low', MEDIUM: 'Medium', HIGH: 'High' };

export type ClassificationLevels = Partial<Record<string, RiskLevel>>;

export function riskRank(level: RiskLevel): number {
  return RANK[level];
}

export function threatLevelOfRank(rank: number): ThreatLevel {
  return THREAT_LEVELS[Math.max(0, Math.min(3, rank))]!;
}

/** The current levels: the defaults with the admin's overrides on top. */
export function currentLevels(overrides: ClassificationLevels): Map<string, RiskLevel> {
  const levels = new Map<string, RiskLevel>();
  for (const entry of DEFAULT_THREAT_CLASSIFICATIONS) levels.set(entry.classification, overrides[entry.classification] ?? entry.level);
  return levels;
}

/**
 * The risk level of a threat with these classifications: the highest current level
 * among them. A classification the table does not know falls back to the severity
 * the MTD service reported, so an unknown kind of threat is never silently None.
 */
export function threatRiskLevel(classifications: readonly string[], severity: string, levels: ReadonlyMap<string, RiskLevel>): RiskLevel {
  let best: RiskLevel | null = null;
  for (const name of classifications) {
    const level = levels.get(name);
    if (level !== undefined && (best === null || RANK[level] > RANK[best])) best = level;
  }
  return best ?? SEVERITY_LEVEL[severity.toUpperCase()] ?? 'Low';
}

/** The device's level from its open threats' levels. */
export function deviceThreatLevel(openThreatLevels: Iterable<RiskLevel>): ThreatLevel {
  let rank = 0;
  for (const level of openThreatLevels) rank = Math.max(rank, RANK[level]);
  return threatLevelOfRank(rank);
}

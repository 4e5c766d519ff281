// The tenant's Intune compliance policies reduced to what the console needs: the allowed device threat level per platform.
import { strictest, type AllowedThreatLevel } from '../../../shared/domain/compliance';
import type { ThreatLevel } from '../../../shared/domain/threat-level';
import type { GraphClient } from '../../graph/graph-client';

interface CompliancePolicy {
  '@odata.type': string;
  id: string;
  displayName?: string;
  deviceThreatProtectionEnabled?: boolean;
  deviceThreatProtectionRequiredSecurityLevel?: string;
}

export type AllowedLevels = Record<'ios' | 'android', AllowedThreatLevel>;

const LEVELS: Record<string, ThreatLevel> = { secured: 'secured', low: 'low', medium: 'medium', high: 'high' };

function platformOf(odataType: string): keyof AllowedLevels | null {
  const type = odataType.toLowerCase();
  if (type.includes('ios')) return 'ios';
  if (type.includes('android')) return 'android';
  return null;
}

export async function readAllowedLevels(graph: GraphClient, signal: AbortSignal): Promise<AllowedLevels> {
  const byPlatform: Record<keyof AllowedLevels, AllowedThreatLevel[]> = { ios: [], android: [] };
  for await (const policy of graph.items<CompliancePolicy>('/deviceManagement/deviceCompliancePolicies', { signal })) {
    const platform = platformOf(policy['@odata.type']);
    if (!platform || !policy.deviceThreatProtectionEnabled) continue;
    byPlatform[platform].push(LEVELS[policy.deviceThreatProtectionRequiredSecurityLevel ?? ''] ?? null);
  }
  return { ios: strictest(byPlatform.ios), android: strictest(byPlatform.android) };
}

export function allowedLevelFor(levels: AllowedLevels, platform: string | null): AllowedThreatLevel {
  const name = (platform ?? '').toLowerCase();
  if (name === 'ios' || name === 'ipados') return levels.ios;
  if (name === 'android') return levels.android;
  return null;
}

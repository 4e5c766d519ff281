// The tenant's Intune compliance policies reduced to what the console needs: the allowed device threat level per platform.
import { strictest, type AllowedThreatLevel } from '../../../shared/domain/compliance';
import { policyPlatform, type PolicyPlatform } from '../../../shared/domain/platforms';
import { isThreatLevel } from '../../../shared/domain/threat-level';
import type { GraphClient } from '../../graph/graph-client';
import { graphPaths } from '../../graph/graph-paths';

interface CompliancePolicy {
  '@odata.type': string;
  id: string;
  displayName?: string;
  deviceThreatProtectionEnabled?: boolean;
  deviceThreatProtectionRequiredSecurityLevel?: string;
}

export type AllowedLevels = Record<PolicyPlatform, AllowedThreatLevel>;

function platformOf(odataType: string): keyof AllowedLevels | null {
  const type = odataType.toLowerCase();
  if (type.includes('ios')) return 'ios';
  if (type.includes('android')) return 'android';
  return null;
}

export async function readAllowedLevels(graph: GraphClient, signal: AbortSignal): Promise<AllowedLevels> {
  const byPlatform: Record<keyof AllowedLevels, AllowedThreatLevel[]> = { ios: [], android: [] };
  for await (const policy of graph.items<CompliancePolicy>(graphPaths.deviceCompliancePolicies(), { signal })) {
    const platform = platformOf(policy['@odata.type']);
    if (!platform || !policy.deviceThreatProtectionEnabled) continue;
    const level = policy.deviceThreatProtectionRequiredSecurityLevel;
    byPlatform[platform].push(isThreatLevel(level) ? level : null);
  }
  return { ios: strictest(byPlatform.ios), android: strictest(byPlatform.android) };
}

export function allowedLevelFor(levels: AllowedLevels, platform: string | null): AllowedThreatLevel {
  const family = policyPlatform(platform);
  return family === null ? null : levels[family];
}

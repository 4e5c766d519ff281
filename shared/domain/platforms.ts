// PRODUCT.md section 5: iOS/iPadOS and Android are supported; other platforms are listed as unsupported, never enrolled.

/** The platforms Intune's compliance policies are written for; iPadOS devices follow the iOS policies. */
export type PolicyPlatform = 'ios' | 'android';

const POLICY_PLATFORM: ReadonlyMap<string, PolicyPlatform> = new Map([
  ['ios', 'ios'],
  ['ipados', 'ios'],
  ['android', 'android'],
]);

/** Intune's operatingSystem (any case) as the policy platform it falls under, or null when the MTD service does not protect it. */
export function policyPlatform(operatingSystem: string | null | undefined): PolicyPlatform | null {
  return typeof operatingSystem === 'string' ? (POLICY_PLATFORM.get(operatingSystem.toLowerCase()) ?? null) : null;
}

/** Intune's operatingSystem (any case) names a platform the MTD service protects. */
export function isSupportedPlatform(operatingSystem: string | null | undefined): boolean {
  return policyPlatform(operatingSystem) !== null;
}

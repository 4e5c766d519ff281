// PRODUCT.md section 5: iOS/iPadOS and Android are supported; other platforms are listed as unsupported, never enrolled.
const SUPPORTED = new Set(['ios', 'ipados', 'android']);

/** Intune's operatingSystem (any case) names a platform the MTD service protects. */
export function isSupportedPlatform(operatingSystem: string | null | undefined): boolean {
  return typeof operatingSystem === 'string' && SUPPORTED.has(operatingSystem.toLowerCase());
}

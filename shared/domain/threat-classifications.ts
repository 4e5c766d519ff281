// Threat classifications by type, with their default risk levels (PRODUCT.md section 4;
// the vendor's own table is not public, so the defaults are the product's choice).

export const RISK_LEVELS = ['None', 'Low', 'Medium', 'High'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const THREAT_TYPES = ['APPLICATION', 'DEVICE', 'OS', 'NETWORK', 'WEB_CONTENT'] as const;
export type ThreatType = (typeof THREAT_TYPES)[number];

export interface ThreatClassificationDefault {
  type: ThreatType;
  classification: string;
  level: RiskLevel;
}

const table: Record<ThreatType, Partial<Record<RiskLevel, readonly string[]>>> = {
  APPLICATION: {
    High: ['TROJAN', 'VIRUS', 'WORM', 'BACKDOOR', 'BOT', 'SPY', 'SURVEILLANCE', 'EXPLOIT', 'ROOT_ENABLER', 'APP_DROPPER', 'TOLL_FRAUD'],
    Medium: ['CHARGEWARE', 'CLICK_FRAUD', 'DATA_LEAK', 'DENYLISTED_APP', 'VULNERABILITY'],
    Low: ['ADWARE', 'RISKWARE', 'SPAM', 'SIDELOADED_APP', 'NON_APP_STORE_SIGNER'],
  },
  DEVICE: {
    High: ['ROOT_JAILBREAK'],
    Medium: ['NO_DEVICE_LOCK', 'UNENCRYPTED'],
    Low: ['USB_DEBUGGING_ENABLED', 'UNKNOWN_SOURCES_ENABLED', 'DEVELOPER_MODE_ENABLED'],
  },
  OS: { Medium: ['OUT_OF_DATE_OS'], Low: ['OUT_OF_DATE_ASPL'] },
  NETWORK: { High: ['ACTIVE_MITM'], Medium: ['ROGUE_WIFI'], None: ['VPN_NOT_ENABLED'] },
  WEB_CONTENT: { Medium: ['PHISHING_CONTENT', 'MALICIOUS_CONTENT'], Low: ['DENYLISTED_CONTENT'], None: ['UNAUTHORIZED_CONTENT'] },
};

export const DEFAULT_THREAT_CLASSIFICATIONS: readonly ThreatClassificationDefault[] = THREAT_TYPES.flatMap((type) =>
  RISK_LEVELS.flatMap((level) => (table[type][level] ?? []).map((classification) => ({ type, classification, level }))),
);

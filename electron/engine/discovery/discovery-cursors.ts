// Where discovery left off, kept in the inventory's cursors table.
export const DISCOVERY_CURSORS = {
  /** Graph's delta link for group membership changes. */
  groupsDeltaLink: 'discovery.groupsDeltaLink',
  /** Incremental polls list devices synced since this time (ms). */
  lastSyncWatermark: 'discovery.lastSyncWatermark',
  /** The enrollment group names the stored members belong to (JSON). */
  groupNames: 'discovery.groupNames',
  lastFullAt: 'discovery.lastFullAt',
  compliancePolicies: 'intune.compliancePolicies',
} as const;

/** A device that synced just before the last poll may show up in listings late; this much overlap catches it (upserts are idempotent). */
export const WATERMARK_OVERLAP_MS = 60_000;

// The inventory's schema as numbered migrations: SQLite's user_version says how
// many have run; each runs in its own transaction, so a crash never leaves half one.

export const INVENTORY_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE enrollment_groups (
    name TEXT PRIMARY KEY,
    group_id TEXT,
    status TEXT NOT NULL,
    suggestions TEXT NOT NULL DEFAULT '[]',
    user_count INTEGER NOT NULL DEFAULT 0,
    nested_groups_ignored INTEGER NOT NULL DEFAULT 0,
    checked_at INTEGER NOT NULL
  );
  CREATE TABLE group_members (
    group_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    PRIMARY KEY (group_id, user_id)
  ) WITHOUT ROWID;
  CREATE INDEX group_members_user ON group_members(user_id);

  -- Every Intune device of an enrollment group's user; unsupported platforms have no state.
  CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    user_id TEXT,
    upn TEXT,
    device_name TEXT,
    platform TEXT,
    os_version TEXT,
    supported INTEGER NOT NULL,
    in_intune INTEGER NOT NULL DEFAULT 1,
    in_group INTEGER NOT NULL DEFAULT 1,
    last_sync_at INTEGER,
    intune_partner_state TEXT,
    intune_compliance TEXT,
    first_seen_at INTEGER NOT NULL,
    state TEXT,
    state_reason TEXT,
    state_since INTEGER,
    threat_level TEXT NOT NULL DEFAULT 'secured',
    compliance TEXT NOT NULL DEFAULT 'noPartnerData',
    reported_state TEXT,
    reported_at INTEGER
  );
  CREATE INDEX devices_state ON devices(state);
  CREATE INDEX devices_user ON devices(user_id);

  -- What the MTD service says about its agents, joined to devices by managed_device_id.
  CREATE TABLE mtd_devices (
    guid TEXT PRIMARY KEY,
    managed_device_id TEXT,
    activation TEXT,
    security TEXT,
    protection TEXT,
    checkin_at INTEGER,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX mtd_devices_managed ON mtd_devices(managed_device_id);

  CREATE TABLE threats (
    guid TEXT PRIMARY KEY,
    device_guid TEXT,
    type TEXT NOT NULL,
    classifications TEXT NOT NULL,
    severity TEXT NOT NULL,
    status TEXT NOT NULL,
    level TEXT NOT NULL,
    detected_at INTEGER,
    closed_at INTEGER,
    first_seen_at INTEGER NOT NULL,
    notified INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX threats_device ON threats(device_guid);
  CREATE INDEX threats_unnotified ON threats(notified) WHERE notified = 0;

  CREATE TABLE state_history (
    device_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    state TEXT NOT NULL,
    reason TEXT
  );
  CREATE INDEX state_history_device ON state_history(device_id, at);

  -- One row per evaluation: the trend charts read these, never the whole history.
  CREATE TABLE state_counts (
    at INTEGER PRIMARY KEY,
    pending INTEGER NOT NULL,
    active INTEGER NOT NULL,
    disconnected INTEGER NOT NULL,
    deactivated INTEGER NOT NULL
  );

  CREATE TABLE cursors (name TEXT PRIMARY KEY, value TEXT NOT NULL);

  CREATE TABLE sync_errors (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    step TEXT NOT NULL,
    device_id TEXT,
    message TEXT NOT NULL,
    reported INTEGER NOT NULL DEFAULT 0
  );

  -- Mail waiting to go out; a dedupe key makes enqueueing the same mail twice a no-op.
  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    dedupe_key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    recipients TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    sent_at INTEGER,
    last_error TEXT
  );

  CREATE TABLE polls (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    finished_at INTEGER,
    outcome TEXT,
    graph_requests INTEGER,
    error TEXT
  );
  `,
  `
  -- The explorer sorts and filters 100,000 devices in the database: the last check-in
  -- lives on the device row, and every sortable column has an index.
  ALTER TABLE devices ADD COLUMN last_checkin_at INTEGER;
  ALTER TABLE devices ADD COLUMN list_state TEXT GENERATED ALWAYS AS (COALESCE(state, 'unsupported')) VIRTUAL;
  ALTER TABLE devices ADD COLUMN threat_rank INTEGER GENERATED ALWAYS AS (CASE threat_level WHEN 'low' THEN 1 WHEN 'medium' THEN 2 WHEN 'high' THEN 3 ELSE 0 END) VIRTUAL;
  CREATE INDEX devices_name ON devices(device_name COLLATE NOCASE, id);
  CREATE INDEX devices_upn ON devices(upn COLLATE NOCASE, id);
  CREATE INDEX devices_platform ON devices(platform, id);
  CREATE INDEX devices_list_state ON devices(list_state, id);
  CREATE INDEX devices_threat_rank ON devices(threat_rank, id);
  CREATE INDEX devices_compliance ON devices(compliance, id);
  CREATE INDEX devices_checkin ON devices(last_checkin_at, id);
  CREATE INDEX devices_sync ON devices(last_sync_at, id);
  CREATE INDEX devices_state_since ON devices(state_since, id);
  CREATE INDEX sync_errors_recent ON sync_errors(id DESC);
  `,
  `
  -- When the MTD service last vouched for a device's last check-in, apart from the time
  -- that orders its status updates (events and device-list reads come from two clocks).
  ALTER TABLE mtd_devices ADD COLUMN confirmed_at INTEGER;
  UPDATE mtd_devices SET confirmed_at = updated_at;
  -- Old rows go: housekeeping deletes by time.
  CREATE INDEX state_history_at ON state_history(at);
  CREATE INDEX outbox_sent ON outbox(sent_at) WHERE sent_at IS NOT NULL;
  `,
  `
  -- The Threats screen filters and sorts every threat in the database.
  ALTER TABLE threats ADD COLUMN level_rank INTEGER GENERATED ALWAYS AS (CASE level WHEN 'Low' THEN 1 WHEN 'Medium' THEN 2 WHEN 'High' THEN 3 ELSE 0 END) VIRTUAL;
  CREATE INDEX threats_status_detected ON threats(status, COALESCE(detected_at, first_seen_at), guid);
  CREATE INDEX threats_status_level ON threats(status, level_rank, guid);
  `,
  `
  -- Intune's partner state as last known, and how: 'listed' (read from managedDevices) or
  -- 'reported' (the console sent it since), with when; rows from before have neither.
  ALTER TABLE devices ADD COLUMN intune_state_at INTEGER;
  ALTER TABLE devices ADD COLUMN intune_state_by TEXT;
  `,
  `
  -- Every heartbeat the state sync sent (tenant time), for the health card's last 30 days.
  CREATE TABLE heartbeats (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'failed'))
  );
  CREATE INDEX heartbeats_at ON heartbeats(at);
  `,
  `
  -- What a sync error's words come from, so the health card says them in the admin's language; rows from before have neither.
  ALTER TABLE sync_errors ADD COLUMN reason TEXT;
  ALTER TABLE sync_errors ADD COLUMN params TEXT;
  `,
];

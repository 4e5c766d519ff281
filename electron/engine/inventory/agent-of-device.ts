// A reinstalled MTD app registers a new agent for the same managed device: the activated
// agent speaks for the device, then the one that checked in last, never the order in
// which the console happened to read them.

/** ORDER BY over mtd_devices: the agent that counts first. */
export const AGENT_ORDER = "activation = 'ACTIVATED' DESC, COALESCE(checkin_at, 0) DESC, updated_at DESC, guid";

/** The guid of the agent that speaks for device d (a subquery over `devices d`). */
export const AGENT_OF_DEVICE = `(SELECT guid FROM mtd_devices WHERE managed_device_id = d.id ORDER BY ${AGENT_ORDER} LIMIT 1)`;

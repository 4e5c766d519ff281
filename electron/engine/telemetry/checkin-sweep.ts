// Check-ins do not come as events, so each poll reads a slice of the Mobile Risk
// device list (continuing where the last poll stopped, wrapping at the end) to keep
// every device's last check-in fresh within the API's 100 requests a minute.
import type { EngineContext } from '../engine-context';
import { mtdWriters, parseTime } from './mtd-records';
import { currentLevels } from '../../../shared/domain/threat-level';

export const CHECKIN_CURSOR = 'telemetry.checkinSweepOid';
const PAGE = 1000;
/** How far the service's clock may be ahead of ours. */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface SweepSummary {
  pages: number;
  devices: number;
  /** The sweep reached the end of the list in this poll. */
  wrapped: boolean;
}

export async function sweepCheckins(context: EngineContext): Promise<SweepSummary> {
  const { inventory, mobileRisk, signal } = context;
  const writers = mtdWriters(inventory, currentLevels(context.config.classificationLevels), context.now());
  let oid = inventory.cursor(CHECKIN_CURSOR);
  let pages = 0;
  let devices = 0;
  let wrapped = false;
  while (pages < context.config.checkinPagesPerPoll) {
    const page = await mobileRisk.listDevices({ limit: PAGE, ...(oid === undefined ? {} : { oid }) }, signal);
    pages += 1;
    const at = context.now();
    // An event created while this page was being read must still win over it (the service's clock and ours differ).
    const last = page.devices.at(-1)?.oid;
    const next = page.devices.length < PAGE || last === undefined ? undefined : String(last);
    inventory.transaction(() => {
      for (const device of page.devices) {
        writers.device({ guid: device.guid, managedDeviceId: device.mdm_external_id ?? null, status: device.status, checkinAt: parseTime(device.checkin_time), at: at - CLOCK_SKEW_MS, confirmedAt: at });
      }
      inventory.setCursor(CHECKIN_CURSOR, next);
    });
    devices += page.devices.length;
    context.progress('checkins', devices, page.count ?? null);
    oid = next;
    if (next === undefined) {
      wrapped = true;
      break;
    }
  }
  return { pages, devices, wrapped };
}

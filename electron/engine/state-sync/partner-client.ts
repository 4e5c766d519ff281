// Intune's partner side as the demo tenant offers it (there is no public API): device
// threat states and the connector's heartbeat, sent with the app's Graph token. The
// Graph client carries the retries, throttling and token handling.
import type { PartnerReportedThreatState } from '../../../shared/domain/partner-state';
import type { GraphClient } from '../../graph/graph-client';

export const MAX_STATES_PER_REQUEST = 1000;

export interface PartnerStateResult {
  updated: number;
  unknownDevices: string[];
}

export interface PartnerClient {
  reportStates(states: readonly { managedDeviceId: string; partnerReportedThreatState: PartnerReportedThreatState }[], signal: AbortSignal): Promise<PartnerStateResult>;
  heartbeat(signal: AbortSignal): Promise<{ lastHeartbeatDateTime: string }>;
}

/** `client` is a Graph client whose base URL is the partner base (…/partner/v1). */
export function createPartnerClient(client: GraphClient): PartnerClient {
  return {
    async reportStates(states, signal) {
      if (states.length > MAX_STATES_PER_REQUEST) throw new RangeError(`At most ${MAX_STATES_PER_REQUEST} states per request.`);
      const answer = await client.post<PartnerStateResult>('/deviceThreatStates', { states }, { signal });
      return { updated: answer?.updated ?? 0, unknownDevices: answer?.unknownDevices ?? [] };
    },
    async heartbeat(signal) {
      const answer = await client.post<{ lastHeartbeatDateTime: string }>('/heartbeat', {}, { signal });
      return { lastHeartbeatDateTime: answer?.lastHeartbeatDateTime ?? new Date().toISOString() };
    },
  };
}

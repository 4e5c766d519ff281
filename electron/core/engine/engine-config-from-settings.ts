// The engine's configuration from the settings document: null until a connector exists.
import type { ConfigurationDocument } from '../../../shared/config/configuration-document';
import { ENGINE_DEFAULTS, type EngineConfig } from '../../engine/engine-config';

export function engineConfigFrom(document: ConfigurationDocument): EngineConfig | null {
  const { connector } = document;
  if (!connector) return null;
  return {
    enrollmentGroups: [...connector.enrollmentGroups],
    newDeviceCheckMinutes: connector.newDeviceCheckMinutes,
    heartbeatMinutes: connector.heartbeatMinutes,
    stateSync: { ...connector.stateSync },
    errorReportRecipients: [...connector.errorReportRecipients],
    disconnectedAfterDays: document.enrollment.disconnectedAfterDays,
    classificationLevels: { ...document.classificationLevels },
    notificationRecipients: Object.entries(document.notifications)
      .filter(([, switches]) => switches.high || switches.medium || switches.low)
      .map(([userId, switches]) => ({ userId, ...switches })),
    ...ENGINE_DEFAULTS,
  };
}

// The Security Policy channels: each classification's level with its open threats, what a
// change would do to the devices (asked before it is made), and the change itself, after
// which the engine re-rates the stored threats and devices at once rather than at the
// next poll, whether polling runs or not.
import type { ClassificationLevels } from '../../shared/domain/threat-level';
import type { RiskLevel } from '../../shared/domain/threat-classifications';
import type { ClassificationRow, RerateOutcome } from '../../shared/ipc';
import { withClassificationLevel, type createConfigurationService } from './configuration-service';
import type { CallContext } from './dispatcher';
import type { createEngineService } from './engine/engine-service';
import type { Logger } from '../http/logger';

const NOTHING_CHANGES: RerateOutcome = { devices: 0, compliance: 0, threats: 0 };

export interface ClassificationChannelDeps {
  config: ReturnType<typeof createConfigurationService>;
  engine: Pick<ReturnType<typeof createEngineService>, 'rerate' | 'openThreatCounts'>;
  /** The overrides in force now. */
  levels: () => ClassificationLevels;
  /** Sends the saved settings to the engine (and starts it if it should run). */
  followSettings: () => void;
  logger: Logger;
}

type ClassificationList = { classifications: ClassificationRow[] };

export function createClassificationChannels({ config, engine, levels, followSettings, logger }: ClassificationChannelDeps) {
  const list = async (): Promise<ClassificationList> => {
    try {
      return config.classifications(await engine.openThreatCounts());
    } catch (error) {
      // The levels are main's own: they are shown even when the inventory cannot be read.
      logger.warn(`The open threats per classification could not be counted: ${String(error)}`);
      return config.classifications();
    }
  };

  const rerateNow = async (): Promise<RerateOutcome | null> => {
    try {
      // No inventory yet (no connector): no device has a threat to re-rate.
      return (await engine.rerate(levels(), true)) ?? NOTHING_CHANGES;
    } catch (error) {
      // The level is saved either way; the next poll re-rates what could not be re-rated now.
      logger.warn(`The threats could not be re-rated at once: ${String(error)}`);
      return null;
    }
  };

  return {
    list,

    async impact(request: { classification: string; level: RiskLevel } | { reset: true }): Promise<RerateOutcome> {
      const next = 'reset' in request ? {} : withClassificationLevel(levels(), request);
      return (await engine.rerate(next, false)) ?? NOTHING_CHANGES;
    },

    async setLevel(request: { classification: string; level: RiskLevel }, context: CallContext): Promise<ClassificationList & { rerated: RerateOutcome | null }> {
      config.setClassificationLevel(request, context);
      followSettings();
      const rerated = await rerateNow();
      return { ...(await list()), rerated };
    },

    async reset(context: CallContext): Promise<ClassificationList & { rerated: RerateOutcome | null }> {
      config.resetClassifications(context);
      followSettings();
      const rerated = await rerateNow();
      return { ...(await list()), rerated };
    },
  };
}

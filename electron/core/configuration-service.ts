// The configuration channels: read, validate (the dispatcher already checked each
// request's schema; the store checks the whole document), write, and audit.
import type { AccessSettings, EnrollmentSettings, IntuneConnectorSettings, NotificationSwitches } from '../../shared/config/configuration-schema';
import { DEFAULT_NOTIFICATION_SWITCHES } from '../../shared/config/configuration-schema';
import { DEFAULT_THREAT_CLASSIFICATIONS, type RiskLevel, type ThreatClassificationDefault } from '../../shared/domain/threat-classifications';
import type { ClassificationLevels } from '../../shared/domain/threat-level';
import { AppError, appError, type AuditEntry, type AuditFilter, type ClassificationRow, type SystemSettings } from '../../shared/ipc';
import { auditActor, auditCsv, diff, type AuditLog } from './audit/audit-log';
import type { CallContext, SessionUser } from './dispatcher';
import type { SettingsStore } from './settings/settings-store';

/** The classification's default entry; a name the table does not know is refused. */
export function knownClassification(name: string): ThreatClassificationDefault {
  const known = DEFAULT_THREAT_CLASSIFICATIONS.find((entry) => entry.classification === name);
  if (!known) throw AppError.validation([{ field: 'classification', rule: 'known classification', message: `classification: ${name.slice(0, 64)} is not a threat classification.` }]);
  return known;
}

/** The overrides with one classification's new level. Only levels that differ from the default are stored, so a later change of defaults still applies. */
export function withClassificationLevel(overrides: ClassificationLevels, request: { classification: string; level: RiskLevel }): ClassificationLevels {
  const known = knownClassification(request.classification);
  const next = { ...overrides };
  if (request.level === known.level) delete next[request.classification];
  else next[request.classification] = request.level;
  return next;
}

function requireUser(context: CallContext): SessionUser {
  if (!context.user) throw appError('unauthenticated', 'session.signInForPreferences', {});
  return context.user;
}

export function createConfigurationService(settings: SettingsStore, audit: AuditLog) {
  const record = (context: CallContext, action: AuditEntry['action'], target: string, changes: AuditEntry['changes']): void => {
    if (changes.length === 0 && action === 'settings.changed') return;
    audit.record({ ...auditActor(context.user), action, target, outcome: 'ok', changes });
  };

  /** Every classification with its level; openThreats: the inventory's open threats per classification. */
  const classifications = (openThreats: Readonly<Record<string, number>> = {}): { classifications: ClassificationRow[] } => {
    const overrides = settings.get().classificationLevels;
    return {
      classifications: DEFAULT_THREAT_CLASSIFICATIONS.map((entry) => ({
        type: entry.type,
        classification: entry.classification,
        level: overrides[entry.classification] ?? entry.level,
        defaultLevel: entry.level,
        openThreats: openThreats[entry.classification] ?? 0,
      })),
    };
  };

  return {
    systemSettings(): SystemSettings {
      const { access, consent, connector, enrollment } = settings.get();
      return { access, consent, connector, enrollment };
    },

    saveAccess(access: AccessSettings, context: CallContext): AccessSettings {
      const { before, after } = settings.update((draft) => {
        draft.access = access;
      });
      record(context, 'settings.changed', 'System > Access', diff(before.access, after.access, 'access'));
      return after.access!;
    },

    saveConnector(connector: IntuneConnectorSettings, context: CallContext): IntuneConnectorSettings {
      const { before, after } = settings.update((draft) => {
        draft.connector = connector;
      });
      const created = before.connector === null;
      record(context, created ? 'connector.created' : 'settings.changed', 'Intune connector', diff(before.connector, after.connector, 'connector'));
      return after.connector!;
    },

    deleteConnector(context: CallContext): { deleted: boolean } {
      if (settings.get().connector === null) return { deleted: false };
      const { before } = settings.update((draft) => {
        draft.connector = null;
      });
      record(context, 'connector.deleted', 'Intune connector', diff(before.connector, null, 'connector'));
      return { deleted: true };
    },

    saveEnrollmentSettings(enrollment: EnrollmentSettings, context: CallContext): EnrollmentSettings {
      const { before, after } = settings.update((draft) => {
        draft.enrollment = enrollment;
      });
      record(context, 'settings.changed', 'System > Enrollment settings', diff(before.enrollment, after.enrollment, 'enrollment'));
      return after.enrollment;
    },

    classifications,

    setClassificationLevel(request: { classification: string; level: RiskLevel }, context: CallContext) {
      const known = knownClassification(request.classification);
      const current = settings.get().classificationLevels[request.classification] ?? known.level;
      settings.update((draft) => {
        draft.classificationLevels = withClassificationLevel(draft.classificationLevels, request);
      });
      record(context, 'settings.changed', 'Security Policy', current === request.level ? [] : [{ field: `classification.${request.classification}`, before: current, after: request.level }]);
      return classifications();
    },

    resetClassifications(context: CallContext) {
      const { before } = settings.update((draft) => {
        draft.classificationLevels = {};
      });
      const changes = Object.entries(before.classificationLevels).map(([name, level]) => ({
        field: `classification.${name}`,
        before: level,
        after: DEFAULT_THREAT_CLASSIFICATIONS.find((entry) => entry.classification === name)?.level ?? null,
      }));
      record(context, 'classifications.reset', 'Security Policy', changes);
      return classifications();
    },

    preferences(context: CallContext): NotificationSwitches {
      const user = requireUser(context);
      return settings.get().notifications[user.id] ?? { ...DEFAULT_NOTIFICATION_SWITCHES };
    },

    savePreferences(switches: NotificationSwitches, context: CallContext): NotificationSwitches {
      const user = requireUser(context);
      const { before, after } = settings.update((draft) => {
        draft.notifications[user.id] = switches;
      });
      record(context, 'settings.changed', 'Preferences', diff(before.notifications[user.id] ?? DEFAULT_NOTIFICATION_SWITCHES, after.notifications[user.id], 'notifications'));
      return after.notifications[user.id]!;
    },

    auditPage(request: AuditFilter & { offset: number; limit: number }) {
      const { offset, limit, ...filter } = request;
      return audit.page(filter, offset, limit);
    },

    auditCsv(filter: AuditFilter) {
      return { filename: `mtd-console-audit-${new Date().toISOString().slice(0, 10)}.csv`, csv: auditCsv(audit.query(filter)) };
    },
  };
}

// "What to do next" in main: the set-up steps' states from the settings and the
// inventory, and the marks for the steps that have no setting of their own.
import { setupChecklist, type SetupMark } from '../../shared/domain/setup-checklist';
import type { Dashboard, SetupChecklistView } from '../../shared/ipc';
import type { AuditLog } from './audit/audit-log';
import type { CallContext } from './dispatcher';
import type { SettingsStore } from './settings/settings-store';

export type SetupMarkName = 'disconnectedStatus' | 'classificationsReviewed';

const MARK_TARGETS: Readonly<Record<SetupMarkName, string>> = {
  disconnectedStatus: 'System > Enrollment settings',
  classificationsReviewed: 'Security Policy',
};

export function createSetupChecklistService(options: { settings: SettingsStore; audit: AuditLog; dashboard: () => Promise<Dashboard>; now: () => Date }) {
  const { settings, audit } = options;
  return {
    async checklist(): Promise<SetupChecklistView> {
      const dashboard = await options.dashboard();
      const document = settings.get();
      const marks = document.setupMarks ?? {};
      const steps = setupChecklist({
        access: document.access,
        connector: document.connector,
        checkedGroups: dashboard.enrollmentGroups,
        disconnectedAfterDays: document.enrollment.disconnectedAfterDays,
        disconnectedStatusConfirmed: marks.disconnectedStatus ?? null,
        notifiedUsers: Object.values(document.notifications).filter((switches) => switches.high || switches.medium || switches.low).length,
        classificationsReviewed: marks.classificationsReviewed ?? null,
        devices: { pending: dashboard.counts.pending, active: dashboard.counts.active },
      });
      return { steps, done: steps.filter((step) => step.state === 'done').length, total: steps.length };
    },

    /** Records who confirmed a step and when, in the settings and the audit log. */
    mark(name: SetupMarkName, context: CallContext): SetupMark {
      const mark: SetupMark = { by: context.user?.displayName ?? 'unknown', at: options.now().toISOString() };
      const { before } = settings.update((draft) => {
        draft.setupMarks = { ...draft.setupMarks, [name]: mark };
      });
      audit.record({
        actor: mark.by,
        action: 'settings.changed',
        target: MARK_TARGETS[name],
        outcome: 'ok',
        changes: [{ field: `setup.${name}`, before: before.setupMarks?.[name]?.at ?? null, after: mark.at }],
      });
      return mark;
    },
  };
}

// The SMTP server settings (in the configuration document) and its password (in the
// secret store, never in the settings file or the audit log).
import type { SmtpSettings } from '../../shared/config/smtp-settings';
import type { SmtpSave, SmtpView } from '../../shared/ipc';
import type { SmtpConnection } from '../engine/engine-protocol';
import { auditActor, diff, type AuditLog } from './audit/audit-log';
import type { CallContext } from './dispatcher';
import type { SecretStore } from './secrets/secret-store';
import type { SettingsStore } from './settings/settings-store';

const PASSWORD = 'smtp.password';

export function createSmtpService(settings: SettingsStore, secrets: SecretStore, audit: AuditLog, changed: () => void) {
  // A password kept for the run only is gone after a restart: the view says so, and asks for it again.
  const view = (): SmtpView => {
    const smtp = settings.get().smtp;
    const stored = smtp?.passwordSet === true && secrets.get(PASSWORD) !== undefined;
    return { settings: smtp && { ...smtp, passwordSet: stored }, passwordStorage: stored ? secrets.storage : 'none' };
  };
  return {
    view,
    connection(): SmtpConnection | null {
      const smtp = settings.get().smtp;
      return smtp ? { settings: smtp, password: smtp.passwordSet ? secrets.get(PASSWORD) : undefined } : null;
    },
    save(request: SmtpSave, context: CallContext): SmtpView {
      const previous = settings.get().smtp;
      const passwordSet = request.clearPassword ? false : request.password !== undefined || (previous?.passwordSet ?? false);
      const next: SmtpSettings = { ...request.settings, passwordSet };
      const { before, after } = settings.update((draft) => {
        draft.smtp = next;
      });
      // The settings are valid and written; only now does the password change.
      if (request.clearPassword) secrets.delete(PASSWORD);
      else if (request.password !== undefined) secrets.set(PASSWORD, request.password);
      const changes = diff(before.smtp, after.smtp, 'smtp');
      if (request.password !== undefined) changes.push({ field: 'smtp.password', before: '(hidden)', after: '(changed)' });
      if (changes.length > 0) audit.record({ ...auditActor(context.user), action: 'settings.changed', target: 'SMTP server', outcome: 'ok', changes });
      changed();
      return view();
    },
    remove(context: CallContext): SmtpView {
      const { before } = settings.update((draft) => {
        draft.smtp = null;
      });
      secrets.delete(PASSWORD);
      if (before.smtp) audit.record({ ...auditActor(context.user), action: 'settings.changed', target: 'SMTP server', outcome: 'ok', changes: diff(before.smtp, null, 'smtp') });
      changed();
      return view();
    },
  };
}

// The SMTP channels through the real dispatcher: settings validated and saved, the
// password kept only in the secret store (encrypted on disk, or memory for the run),
// never in the settings file, the audit log or an answer.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import type { CallContext } from '../../electron/core/dispatcher';
import { createMemoryLogger } from '../../electron/http/logger';
import { encryptedSecretStore, SECRETS_FILE, type SecretStore } from '../../electron/core/secrets/secret-store';
import type { Envelope, SmtpView } from '../../shared/ipc';
import { createAesGcmCipher } from '../support/aes-gcm-cipher';
import { makeTempDir } from '../support/temp-dir';

const ADMIN: CallContext = { role: 'full', user: { id: 'u-admin', displayName: 'Ada Admin' } };
const READER: CallContext = { role: 'restricted', user: { id: 'u-reader', displayName: 'Rémi Reader' } };
const PASSWORD = 'Sm7p-s3cret!';
const settings = { host: 'smtp.contoso.com', port: 587, security: 'starttls', username: 'mtd-console', from: 'mtd-console@contoso.com' };

const temps: { cleanup(): void }[] = [];
afterEach(() => temps.splice(0).forEach((temp) => temp.cleanup()));

function start(secrets?: (dir: string) => SecretStore, dir?: string): { core: Core; dir: string } {
  const temp = makeTempDir('mtd-smtp-');
  temps.push(temp);
  const dataDir = dir ?? temp.dir;
  return { core: createCore({ version: '1.0.0', host: 'browser', dataDir, logger: createMemoryLogger(), ...(secrets ? { secrets: secrets(dataDir) } : {}) }), dir: dataDir };
}

async function call<T>(core: Core, channel: string, payload?: unknown, context: CallContext = ADMIN): Promise<Envelope<T>> {
  return (await core.dispatcher.dispatch(channel, payload, context)) as Envelope<T>;
}

function everythingOnDisk(dir: string): string {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), 'latin1'))
    .join('\n');
}

describe('SMTP channels', () => {
  it('starts with no SMTP server', async () => {
    const { core } = start();
    expect(await call(core, 'smtp.get')).toEqual({ ok: true, result: { settings: null, passwordStorage: 'none' } });
  });

  it('saves the settings with an encrypted password that survives a restart and is nowhere in plain text', async () => {
    const cipher = createAesGcmCipher();
    const { core, dir } = start((d) => encryptedSecretStore(d, cipher));
    const saved = await call<SmtpView>(core, 'smtp.save', { settings, password: PASSWORD });
    expect(saved).toEqual({ ok: true, result: { settings: { ...settings, passwordSet: true }, passwordStorage: 'encrypted' } });
    expect(JSON.stringify(saved)).not.toContain(PASSWORD);
    expect(fs.existsSync(path.join(dir, SECRETS_FILE))).toBe(true);
    expect(everythingOnDisk(dir)).not.toContain(PASSWORD);
    const audit = await call<{ entries: { target: string; changes: { field: string; after: unknown }[] }[] }>(core, 'audit.list', { offset: 0, limit: 10 });
    expect(audit.ok && audit.result.entries[0]!.target).toBe('SMTP server');
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);
    expect(audit.ok && audit.result.entries[0]!.changes.find((change) => change.field === 'smtp.password')?.after).toBe('(changed)');

    const restarted = createCore({ version: '1.0.0', host: 'browser', dataDir: dir, logger: createMemoryLogger(), secrets: encryptedSecretStore(dir, cipher) });
    expect(await call(restarted, 'smtp.get')).toEqual({ ok: true, result: { settings: { ...settings, passwordSet: true }, passwordStorage: 'encrypted' } });
    expect(encryptedSecretStore(dir, cipher).get('smtp.password')).toBe(PASSWORD);
  });

  it('keeps the password for the run only when no key store can protect it', async () => {
    const { core, dir } = start((d) => encryptedSecretStore(d, createAesGcmCipher({ backend: 'basic_text' })));
    expect(await call(core, 'smtp.save', { settings, password: PASSWORD })).toMatchObject({ ok: true, result: { passwordStorage: 'session' } });
    expect(fs.existsSync(path.join(dir, SECRETS_FILE))).toBe(false);
    expect(everythingOnDisk(dir)).not.toContain(PASSWORD);
  });

  it('asks for the password again after a restart when it was kept for the run only', async () => {
    const { core, dir } = start();
    expect(await call(core, 'smtp.save', { settings, password: PASSWORD })).toMatchObject({ ok: true, result: { settings: { passwordSet: true }, passwordStorage: 'session' } });
    const restarted = createCore({ version: '1.0.0', host: 'browser', dataDir: dir, logger: createMemoryLogger() });
    expect(await call(restarted, 'smtp.get')).toEqual({ ok: true, result: { settings: { ...settings, passwordSet: false }, passwordStorage: 'none' } });
  });

  it('keeps the stored password when none is given, and clears it on request', async () => {
    const cipher = createAesGcmCipher();
    const { core, dir } = start((d) => encryptedSecretStore(d, cipher));
    await call(core, 'smtp.save', { settings, password: PASSWORD });
    expect(await call(core, 'smtp.save', { settings: { ...settings, port: 465, security: 'tls' } })).toMatchObject({ ok: true, result: { settings: { port: 465, passwordSet: true } } });
    expect(encryptedSecretStore(dir, cipher).get('smtp.password')).toBe(PASSWORD);
    expect(await call(core, 'smtp.save', { settings, clearPassword: true })).toMatchObject({ ok: true, result: { settings: { passwordSet: false }, passwordStorage: 'none' } });
    expect(encryptedSecretStore(dir, cipher).get('smtp.password')).toBeUndefined();
  });

  it('refuses bad settings naming the field and the rule, and saves nothing', async () => {
    const { core, dir } = start();
    const before = fs.readFileSync(path.join(dir, 'settings.json'), 'utf8');
    const attempts: [unknown, string][] = [
      [{ settings: { ...settings, port: 0 } }, 'settings.port'],
      [{ settings: { ...settings, port: 65536 } }, 'settings.port'],
      [{ settings: { ...settings, port: '587' } }, 'settings.port'],
      [{ settings: { ...settings, host: 'smtp.contoso.com\r\nRCPT TO:<x@evil.example>' } }, 'settings.host'],
      [{ settings: { ...settings, from: 'not an address' } }, 'settings.from'],
      [{ settings, password: '' }, 'password'],
      [{ settings, password: 'x'.repeat(257) }, 'password'],
      [{ settings: { ...settings, passwordSet: true } }, 'settings'],
    ];
    for (const [payload, field] of attempts) {
      const answer = await call(core, 'smtp.save', payload);
      expect(answer.ok, JSON.stringify(payload)).toBe(false);
      if (!answer.ok) {
        expect(answer.error.code).toBe('validation');
        expect(answer.error.field ?? '').toContain(field.split('.')[0]!);
        expect(answer.error.message.length).toBeGreaterThan(10);
      }
    }
    expect(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')).toBe(before);
  });

  it('removes the server and its password; Restricted users can neither read nor change it', async () => {
    const cipher = createAesGcmCipher();
    const { core, dir } = start((d) => encryptedSecretStore(d, cipher));
    await call(core, 'smtp.save', { settings, password: PASSWORD });
    expect(await call(core, 'smtp.get', undefined, READER)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(core, 'smtp.delete', undefined, READER)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(core, 'smtp.delete')).toEqual({ ok: true, result: { settings: null, passwordStorage: 'none' } });
    expect(encryptedSecretStore(dir, cipher).get('smtp.password')).toBeUndefined();
  });
});

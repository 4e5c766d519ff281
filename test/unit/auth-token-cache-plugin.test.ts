import fs from 'node:fs';
import path from 'node:path';
import { PublicClientApplication, TokenCacheContext } from '@azure/msal-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SecretCipher } from '../../electron/auth/secret-cipher';
import { EncryptedTokenCachePlugin } from '../../electron/auth/token-cache-plugin';
import { createMemoryLogger } from '../../electron/http/logger';
import { createAesGcmCipher } from '../support/aes-gcm-cipher';
import {
  FIXTURE_CLIENT_ID,
  FIXTURE_OID,
  FIXTURE_REFRESH_TOKEN,
  FIXTURE_TENANT_ID,
  FIXTURE_USERNAME,
  msalCacheWithOneAccount,
} from '../support/msal-cache-fixture';
import { makeTempDir } from '../support/temp-dir';

let temp: { dir: string; cleanup: () => void };
let filePath: string;

beforeEach(() => {
  temp = makeTempDir('mtd-token-cache-');
  filePath = path.join(temp.dir, 'auth', 'msal-token-cache.bin');
});

afterEach(() => temp.cleanup());

function setUp(cipher: SecretCipher = createAesGcmCipher()) {
  const logger = createMemoryLogger();
  const plugin = new EncryptedTokenCachePlugin({ filePath, cipher, logger });
  const app = new PublicClientApplication({
    auth: { clientId: FIXTURE_CLIENT_ID, authority: `https://login.microsoftonline.com/${FIXTURE_TENANT_ID}` },
    cache: { cachePlugin: plugin },
  });
  const warnings = () => logger.entries.filter((entry) => entry.level === 'warn').map((entry) => entry.message);
  return { plugin, app, cipher, warnings };
}

/** What msal does after a sign-in: the cache changed, so the plugin is asked to store it. */
async function storeFixture(plugin: EncryptedTokenCachePlugin, app: PublicClientApplication): Promise<string> {
  const plain = JSON.stringify(msalCacheWithOneAccount());
  app.getTokenCache().deserialize(plain);
  await plugin.afterCacheAccess(new TokenCacheContext(app.getTokenCache(), true));
  return plain;
}

describe('EncryptedTokenCachePlugin', () => {
  it('stores the cache encrypted, and a new msal instance reads the account back', async () => {
    const cipher = createAesGcmCipher();
    const first = setUp(cipher);
    const plain = await storeFixture(first.plugin, first.app);

    const onDisk = fs.readFileSync(filePath);
    for (const revealing of [plain, FIXTURE_REFRESH_TOKEN, FIXTURE_USERNAME, FIXTURE_OID, '"RefreshToken"']) {
      expect(onDisk.includes(revealing)).toBe(false);
      expect(onDisk.includes(Buffer.from(revealing).toString('base64'))).toBe(false);
    }
    expect(JSON.parse(cipher.decrypt(onDisk))).toEqual(JSON.parse(plain));

    const second = setUp(cipher);
    const [account, ...others] = await second.app.getAllAccounts();
    expect(others).toEqual([]);
    expect(account).toMatchObject({ username: FIXTURE_USERNAME, localAccountId: FIXTURE_OID, tenantId: FIXTURE_TENANT_ID });
    expect(second.warnings()).toEqual([]);
    expect(second.plugin.persists()).toBe(true);
  });

  it('writes through a temporary file that it renames, leaving only the cache file (owner-only)', async () => {
    const { plugin, app } = setUp();
    await storeFixture(plugin, app);
    await storeFixture(plugin, app);
    expect(fs.readdirSync(path.dirname(filePath))).toEqual(['msal-token-cache.bin']);
    if (process.platform !== 'win32') expect(fs.statSync(filePath).mode & 0o777).toBe(0o600);
  });

  it('writes nothing when the cache did not change', async () => {
    const { plugin, app } = setUp();
    app.getTokenCache().deserialize(JSON.stringify(msalCacheWithOneAccount()));
    await plugin.afterCacheAccess(new TokenCacheContext(app.getTokenCache(), false));
    expect(fs.existsSync(filePath)).toBe(false);
  });

  it("keeps the cache in memory only on Linux's basic_text backend, and says so once", async () => {
    const { plugin, app, warnings } = setUp(createAesGcmCipher({ backend: 'basic_text' }));
    await storeFixture(plugin, app);
    await storeFixture(plugin, app);
    expect(fs.existsSync(path.dirname(filePath))).toBe(false);
    expect(plugin.persists()).toBe(false);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toMatch(/in memory only.*basic_text/);
    expect(await app.getAllAccounts()).toHaveLength(1);
  });

  it('keeps the cache in memory only when encryption is unavailable', async () => {
    const { plugin, app, warnings } = setUp(createAesGcmCipher({ available: false }));
    await storeFixture(plugin, app);
    expect(fs.existsSync(path.dirname(filePath))).toBe(false);
    expect(warnings()).toEqual([expect.stringMatching(/in memory only.*not available/)]);
    expect(await app.getAllAccounts()).toHaveLength(1);
  });

  it('does not read a stored cache while encryption is unavailable', async () => {
    const cipher = createAesGcmCipher();
    const first = setUp(cipher);
    await storeFixture(first.plugin, first.app);
    const locked = setUp({ ...cipher, isAvailable: () => false });
    expect(await locked.app.getAllAccounts()).toEqual([]);
  });

  it('starts empty, with a warning, on a file that is not ours; the next write replaces it', async () => {
    fs.mkdirSync(path.dirname(filePath), { recursive: true });
    fs.writeFileSync(filePath, Buffer.from('{"Account": "plain text from somewhere else"}'));
    const cipher = createAesGcmCipher();
    const { plugin, app, warnings } = setUp(cipher);
    expect(await app.getAllAccounts()).toEqual([]);
    expect(warnings()).toEqual([expect.stringMatching(/could not be decrypted.*empty cache/)]);
    await storeFixture(plugin, app);
    expect(await setUp(cipher).app.getAllAccounts()).toHaveLength(1);
  });

  it('starts empty, with a warning, when the decrypted text is not an msal cache', async () => {
    const cipher = createAesGcmCipher();
    for (const text of ['{"Account": {', '["not", "a", "cache"]', 'null']) {
      fs.mkdirSync(path.dirname(filePath), { recursive: true });
      fs.writeFileSync(filePath, cipher.encrypt(text));
      const { app, warnings } = setUp(cipher);
      expect(await app.getAllAccounts()).toEqual([]);
      expect(warnings()).toEqual([expect.stringMatching(/not a valid msal cache/)]);
    }
  });

  it('keeps working in memory, with a warning, when the file cannot be written', async () => {
    fs.mkdirSync(filePath, { recursive: true });
    const { plugin, app, warnings } = setUp();
    await storeFixture(plugin, app);
    expect(warnings()).toEqual([expect.stringMatching(/could not be saved.*in memory only/)]);
    expect(fs.readdirSync(path.dirname(filePath))).toEqual(['msal-token-cache.bin']);
  });
});

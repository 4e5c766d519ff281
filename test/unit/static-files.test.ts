import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readStaticFile } from '../../electron/core/static-files';
import { makeTempDir } from '../support/temp-dir';

describe('readStaticFile', () => {
  const temp = makeTempDir();
  const root = path.join(temp.dir, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(temp.dir, 'secret.txt'), 'outside');
  afterAll(() => temp.cleanup());

  it('serves index.html for the root and files with their content type', async () => {
    expect((await readStaticFile(root, '/'))?.contentType).toBe('text/html; charset=utf-8');
    const script = await readStaticFile(root, '/assets/app.js');
    expect(script?.body.toString()).toBe('console.log(1)');
    expect(script?.contentType).toBe('text/javascript; charset=utf-8');
  });

  it('refuses to leave its root, however the path is spelled', async () => {
    for (const attempt of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt', '/index.html%00.js', '/%E0%A4%A']) {
      expect(await readStaticFile(root, attempt)).toBeNull();
    }
  });

  it('answers null for folders and missing files', async () => {
    expect(await readStaticFile(root, '/assets')).toBeNull();
    expect(await readStaticFile(root, '/missing.js')).toBeNull();
  });
});

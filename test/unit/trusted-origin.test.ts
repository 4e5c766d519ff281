import { describe, expect, it } from 'vitest';
import { isTrustedRendererUrl } from '../../electron/core/trusted-origin';

describe('isTrustedRendererUrl', () => {
  it('trusts the app:// bundle', () => {
    expect(isTrustedRendererUrl('app://bundle/index.html')).toBe(true);
    expect(isTrustedRendererUrl('app://bundle/index.html#/devices')).toBe(true);
  });

  it('trusts the dev server only when one is running, and only its origin', () => {
    expect(isTrustedRendererUrl('http://localhost:5173/', undefined)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });

  it('distrusts every other page', () => {
    for (const url of ['app://other/index.html', 'file:///etc/passwd', 'https://bundle/', 'https://example.com', 'javascript:alert(1)', 'not a url', '']) {
      expect(isTrustedRendererUrl(url, 'http://localhost:5173')).toBe(false);
    }
  });
});

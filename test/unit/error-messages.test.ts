// The catalog of error sentences: main's English and the renderer's en strings agree for
// every reason, and the renderer says a typed error by its reason and params, so another
// language needs only its own strings.
import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageOf, translated } from '../../renderer/forms/errors';
import { en } from '../../renderer/i18n/en';
import { appError, englishMessage, ERROR_MESSAGES, isMessageReason, type MessageReason } from '../../shared/ipc/error-messages';
import { AppError } from '../../shared/ipc/errors';

const REASONS = Object.entries(ERROR_MESSAGES).flatMap(([group, messages]) => Object.keys(messages).map((name) => `${group}.${name}` as MessageReason));

beforeAll(async () => {
  await i18next.init({ resources: { en: { translation: en } }, lng: 'en', interpolation: { escapeValue: false } });
});
afterAll(async () => {
  await i18next.changeLanguage('en');
});

describe('error messages', () => {
  it('fills every placeholder of every reason the same way main and the renderer do', () => {
    expect(REASONS.length).toBeGreaterThan(15);
    for (const reason of REASONS) {
      const names = [...englishMessage(reason).matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]!);
      const params = Object.fromEntries(names.map((name, index) => [name, `<${name} & ${index}>`]));
      const english = englishMessage(reason, params);
      expect(english, reason).not.toContain('{{');
      expect(translated({ message: 'not this', reason, params }), reason).toBe(english);
    }
  });

  it('knows its reasons and nothing else', () => {
    expect(REASONS.every(isMessageReason)).toBe(true);
    for (const reason of ['graph', 'graph.', 'graph.missingScope.x', '__proto__.toString', 'graph.constructor', 'errors.hostRefused', '', 42, undefined]) expect(isMessageReason(reason), String(reason)).toBe(false);
  });

  it('says a typed error in the admin\'s language from its reason and params, and as main wrote it when it has no known reason', async () => {
    i18next.addResourceBundle('fr', 'translation', { errors: { graph: { missingScope: '{{method}} {{path}} refusé : il manque la permission {{scopes}}.' } } });
    await i18next.changeLanguage('fr');
    const refused = appError('forbidden', 'graph.missingScope', { service: 'Microsoft Graph', method: 'GET', path: '/groups', scopes: 'Group.Read.All' });
    expect(refused.message).toMatch(/^Microsoft Graph GET \/groups was refused: the app registration lacks the permission Group.Read.All/);
    expect(messageOf(refused)).toBe('GET /groups refusé : il manque la permission Group.Read.All.');
    // No French yet for this reason: the English, filled in.
    expect(messageOf(appError('unavailable', 'smtp.authNeeded', { server: 'smtp.contoso.com:587' }))).toBe('The SMTP server smtp.contoso.com:587 needs a user name and password.');
    expect(messageOf(new AppError({ code: 'conflict', message: 'The sign-in was cancelled.' }))).toBe('The sign-in was cancelled.');
    expect(messageOf(new AppError({ code: 'conflict', message: 'As main wrote it.', reason: 'no.suchReason', params: {} }))).toBe('As main wrote it.');
  });
});

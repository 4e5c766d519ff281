import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}

export const SUPPORTED_LANGUAGES = ['en'] as const;

export async function initI18n(language = 'en'): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: language,
    fallbackLng: 'en',
    // React escapes what it renders; i18next must not escape a second time.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

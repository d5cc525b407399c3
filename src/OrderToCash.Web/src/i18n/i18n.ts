import i18next, { type TOptions } from 'i18next';

/** The languages of the pages: French first (the users are French companies), English on request. */
export type Language = 'fr' | 'en';

const StorageKey = 'o2c.language';

/** The language chosen on this browser (the header's switch), French when none was chosen. */
export function currentLanguage(): Language {
  try {
    return window.localStorage.getItem(StorageKey) === 'en' ? 'en' : 'fr';
  } catch {
    return 'fr';
  }
}

/** Keeps the choice on this browser and draws the page again in that language. */
export function switchLanguage(language: Language): void {
  window.localStorage.setItem(StorageKey, language);
  window.location.reload();
}

/** A page's texts in both languages; the English ones must have the same keys as the French ones. */
export interface Texts<T extends object> {
  fr: T;
  en: NoInfer<T>;
}

void i18next.init({
  lng: currentLanguage(),
  fallbackLng: 'fr',
  initAsync: false,
  resources: {},
  interpolation: { escapeValue: false }, // The DOM helper inserts text as text: nothing is parsed as HTML.
  returnNull: false,
});
document.documentElement.lang = currentLanguage();

/** Registers a namespace of texts (one per page or shared concern); call it once, at module load. */
export function register<T extends object>(namespace: string, texts: Texts<T>): void {
  i18next.addResourceBundle('fr', namespace, texts.fr, true, true);
  i18next.addResourceBundle('en', namespace, texts.en, true, true);
}

/** The text of `namespace:key` in the current language, with `{{name}}` replaced by the options' values. */
export function t(key: string, options?: TOptions): string {
  return i18next.t(key, options ?? {}) as string;
}

/** The text when the key exists, else the fallback (e.g. the server's label for a code the pages do not know). */
export function tOr(key: string, fallback: string, options?: TOptions): string {
  return i18next.exists(key) ? t(key, options) : fallback;
}

/** French by default; `?lang=en` (or the switch) changes it, and the choice is remembered on the device. */
export type Lang = 'fr' | 'en';
const STORAGE_KEY = 'passerelle.lang';

export function currentLang(): Lang {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'fr' || asked === 'en') {
    localStorage.setItem(STORAGE_KEY, asked);
    return asked;
  }
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'fr';
}

export const lang = currentLang();
document.documentElement.lang = lang;

/** The strings of one page in the current language; each page keeps its French and English side by side. */
export function pick<T>(strings: { fr: T; en: T }): T {
  return strings[lang];
}

export function switchLanguage(to: Lang): void {
  localStorage.setItem(STORAGE_KEY, to);
  const url = new URL(location.href);
  url.searchParams.set('lang', to);
  location.assign(url);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium' }).format(new Date(iso));
}

export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { timeStyle: 'short' }).format(new Date(iso));
}

export function formatMoney(cents: number, currency = 'EUR'): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency }).format(cents / 100);
}

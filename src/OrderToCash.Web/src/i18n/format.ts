import { currentLanguage } from './i18n';

/** The locale of numbers, dates and amounts: fr-FR, or en-GB when the user chose English. */
export function locale(): string {
  return currentLanguage() === 'fr' ? 'fr-FR' : 'en-GB';
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(locale(), options);
    cache.set(key, format);
  }
  return format;
}

function dateFormat(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(locale(), options);
    cache.set(key, format);
  }
  return format;
}

/** An amount with its currency: "1 234,50 €" in French, "€1,234.50" in English. */
export function money(amount: number, currency = 'EUR'): string {
  return numberFormat(`money-${currency}`, { style: 'currency', currency }).format(amount);
}

/** A number with the locale's separators and at most `digits` decimals. */
export function number(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined ? '—' : numberFormat(`number-${digits}`, { maximumFractionDigits: digits }).format(value);
}

/** A number with exactly `digits` decimals (rates, days). */
export function fixed(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '—' : numberFormat(`fixed-${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A percentage given as 0–100: "12,5 %". */
export function percent(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '—' : numberFormat(`percent-${digits}`, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value / 100);
}

/** A calendar date ("2026-12-07" or an ISO instant): "7 déc. 2026". */
export function date(value: string | null | undefined): string {
  if (!value) {
    return '—';
  }
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  return Number.isNaN(parsed.getTime()) ? value : dateFormat('date', { dateStyle: 'medium' }).format(parsed);
}

/** An instant with its time: "7 déc. 2026, 09:30". */
export function dateTime(value: string | null | undefined): string {
  if (!value) {
    return '—';
  }
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? value : dateFormat('date-time', { dateStyle: 'medium', timeStyle: 'short' }).format(parsed);
}

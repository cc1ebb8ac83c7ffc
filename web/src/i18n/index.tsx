import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import codes from 'i18n-iso-countries/codes.json';
import { en, type MessageKey } from './messages/en.ts';
import { LOCALES, MESSAGES, type Locale } from './messages/index.ts';

export type { MessageKey, Locale };
export { LOCALES };

const STORAGE_KEY = 'vigil.locale';
const RTL: ReadonlySet<Locale> = new Set(['ar']);

const ALPHA3_TO_ALPHA2 = new Map<string, string>((codes as string[][]).map((c) => [c[1], c[0]]));

export type Vars = Record<string, string | number>;

export interface I18n {
  locale: Locale;
  dir: 'ltr' | 'rtl';
  setLocale(locale: Locale): void;
  t(key: MessageKey, vars?: Vars): string;
  /** A timestamp as date and time in the user's locale. */
  dateTime(value: string | Date | null | undefined): string;
  /** A calendar date; partial dates (YYYY, YYYY-MM) keep only what they know. */
  date(value: string | null | undefined): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  percent(value: number): string;
  /** "in 3 hours", "2 days ago". */
  relative(value: string | Date): string;
  country(code: string | null | undefined): string;
  list(values: string[]): string;
}

export function initialLocale(): Locale {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (stored && (LOCALES as readonly string[]).includes(stored)) return stored as Locale;
  const nav = typeof navigator !== 'undefined' ? navigator.language.slice(0, 2) : 'en';
  return (LOCALES as readonly string[]).includes(nav) ? (nav as Locale) : 'en';
}

export function interpolate(template: string, vars?: Vars, format?: (n: number) => string): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars[name];
    if (v === undefined) return whole;
    return typeof v === 'number' && format ? format(v) : String(v);
  });
}

export function makeI18n(locale: Locale, setLocale: (l: Locale) => void): I18n {
  const messages = MESSAGES[locale];
  const numberFormat = new Intl.NumberFormat(locale);
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const monthFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  const yearFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' });
  const relativeFormat = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const regionNames = new Intl.DisplayNames([locale], { type: 'region' });
  const listFormat = new Intl.ListFormat(locale, { type: 'conjunction' });
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const fmt = (n: number) => numberFormat.format(n);
  return {
    locale,
    dir: RTL.has(locale) ? 'rtl' : 'ltr',
    setLocale,
    t: (key, vars) => interpolate(messages[key] ?? en[key] ?? key, vars, fmt),
    dateTime: (value) => {
      if (!value) return '—';
      const d = value instanceof Date ? value : new Date(value);
      return Number.isNaN(d.getTime()) ? String(value) : dateTimeFormat.format(d);
    },
    date: (value) => {
      if (!value) return '—';
      const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
      if (!m) return value;
      const d = new Date(Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1));
      if (Number.isNaN(d.getTime())) return value;
      return m[3] ? dayFormat.format(d) : m[2] ? monthFormat.format(d) : yearFormat.format(d);
    },
    number: (value, options) => (options ? new Intl.NumberFormat(locale, options).format(value) : numberFormat.format(value)),
    percent: (value) => percentFormat.format(value),
    relative: (value) => {
      const d = value instanceof Date ? value : new Date(value);
      const seconds = (d.getTime() - Date.now()) / 1000;
      const abs = Math.abs(seconds);
      if (abs < 60) return relativeFormat.format(Math.round(seconds), 'second');
      if (abs < 3600) return relativeFormat.format(Math.round(seconds / 60), 'minute');
      if (abs < 86400) return relativeFormat.format(Math.round(seconds / 3600), 'hour');
      return relativeFormat.format(Math.round(seconds / 86400), 'day');
    },
    country: (code) => {
      if (!code) return '—';
      const upper = code.toUpperCase();
      const alpha2 = upper.length === 2 ? upper : ALPHA3_TO_ALPHA2.get(upper);
      if (!alpha2) return upper;
      try {
        return regionNames.of(alpha2) ?? upper;
      } catch {
        return upper;
      }
    },
    list: (values) => listFormat.format(values),
  };
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, locale: forced }: { children: ReactNode; locale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(forced ?? initialLocale());
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem(STORAGE_KEY, l);
    setLocaleState(l);
  }, []);
  const value = useMemo(() => makeI18n(locale, setLocale), [locale, setLocale]);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = value.dir;
  }, [locale, value.dir]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

/** Every alpha-3 country code, for pickers. */
export const COUNTRY_CODES: string[] = (codes as string[][]).map((c) => c[1]);

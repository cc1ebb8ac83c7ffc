import { en, type Messages } from './en.ts';
import { fr } from './fr.ts';
import { es } from './es.ts';
import { ar } from './ar.ts';

export const LOCALES = ['en', 'fr', 'es', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

/** Every catalogue, typed so that a missing key fails to compile as well as to test. */
export const MESSAGES: Record<Locale, Messages> = { en, fr, es, ar };

/** Each language named in itself, as language pickers do. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français', es: 'Español', ar: 'العربية' };

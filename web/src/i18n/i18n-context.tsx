import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { zh } from './zh';

export type Locale = 'zh' | 'en';
export type MessageParams = Record<string, string | number>;
export type Translate = (key: string, params?: MessageParams) => string;

/** A pair of catalogues as a feature manifest declares them. */
export interface MessageCatalogues {
  zh: Record<string, string>;
  en: Record<string, string>;
}

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** Whether the catalogue has the key (for optional labels such as audit action names). */
  has: (key: string) => boolean;
}

const storageKey = 'gj.locale';
const I18nContext = createContext<I18nValue | null>(null);

function readStoredLocale(): Locale {
  try {
    return window.localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Merges the core catalogue with the features' ones; a feature key never silently replaces a core key. */
export function mergeCatalogues(extra: readonly MessageCatalogues[]): Record<Locale, Record<string, string>> {
  const merged: Record<Locale, Record<string, string>> = { zh: { ...zh }, en: { ...en } };
  for (const catalogue of extra) {
    for (const locale of ['zh', 'en'] as const) {
      for (const [key, value] of Object.entries(catalogue[locale])) {
        if (import.meta.env.DEV && key in merged[locale]) {
          console.warn(`i18n: duplicate message key "${key}" (${locale})`);
        }
        merged[locale][key] = value;
      }
    }
  }
  return merged;
}

export function I18nProvider({ catalogues, children }: { catalogues: readonly MessageCatalogues[]; children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(readStoredLocale);
  const messages = useMemo(() => mergeCatalogues(catalogues), [catalogues]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // Private mode or storage disabled: the switch still works for this visit.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  }, [locale]);

  const value = useMemo<I18nValue>(() => {
    const current = messages[locale];
    const fallback = messages.zh;
    const t: Translate = (key, params) => {
      const template = current[key] ?? fallback[key];
      if (template === undefined) {
        if (import.meta.env.DEV) console.warn(`i18n: missing message key "${key}"`);
        return key;
      }
      return interpolate(template, params);
    };
    const has = (key: string) => key in current || key in fallback;
    return { locale, setLocale, t, has };
  }, [locale, messages, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** The translate function for the current language: `t('orgs.title')`, `t('common.total', { total })`. */
export function useT(): Translate {
  return useI18n().t;
}

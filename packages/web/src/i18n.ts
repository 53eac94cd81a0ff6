import { useCallback, useSyncExternalStore } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

export type Lang = 'zh-CN' | 'en-US';

/** A UI string in both supported languages, as delivered by descriptors and the server. */
export interface Localized {
  zh: string;
  en: string;
}

export type Messages<T> = Record<Lang, T>;

const STORAGE_KEY = 'kangyun.lang';
const listeners = new Set<() => void>();

function initialLang(): Lang {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === 'zh-CN' || stored === 'en-US') return stored;
  } catch {
    // storage may be blocked; fall through to the default
  }
  return 'zh-CN';
}

let current: Lang = initialLang();
applyLang(current);

function applyLang(lang: Lang): void {
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // ignore
  }
  applyLang(lang);
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLang(): Lang {
  return useSyncExternalStore(subscribe, getLang, getLang);
}

/**
 * Declares a dictionary. The English half must have exactly the shape of the Chinese half,
 * so a missing or misspelt key is a compile error.
 */
export function defineMessages<T extends object>(zh: T, en: NoInfer<T>): Messages<T> {
  return { 'zh-CN': zh, 'en-US': en };
}

export function useMessages<T>(messages: Messages<T>): T {
  return messages[useLang()];
}

export function localize(text: Localized | string | undefined | null, lang: Lang = current): string {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  return lang === 'zh-CN' ? text.zh : text.en;
}

/** Returns a function that picks the current language from a {zh, en} pair. */
export function useLocalize(): (text: Localized | string | undefined | null) => string {
  const lang = useLang();
  return useCallback((text) => localize(text, lang), [lang]);
}

/** Message catalogue: kernel and modules register their error and UI-facing server messages in both languages. */
export type Lang = 'zh' | 'en';
export type Messages = Record<string, { zh: string; en: string }>;

const catalogue: Messages = {};

export function registerMessages(messages: Messages): void {
  Object.assign(catalogue, messages);
}

/** `{name}` placeholders are filled from params */
export function t(key: string, lang: Lang, params: Record<string, unknown> = {}): string {
  const entry = catalogue[key];
  const text = entry ? entry[lang] : key;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => (params[k] === undefined ? `{${k}}` : String(params[k])));
}

export function langFromHeader(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}

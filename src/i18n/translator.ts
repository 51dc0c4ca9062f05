/** The interface language of a request and the functions a page renders with. */
import { INTERFACE_LANGUAGES, MESSAGES, type InterfaceLanguage, type MessageKey } from './messages';

export const DEFAULT_INTERFACE_LANGUAGE: InterfaceLanguage = 'en';
/** The request parameter that chooses the language, kept in every link of the pages. */
export const LANG_PARAMETER = 'lang';

export interface Translator {
  lang: InterfaceLanguage;
  /** The message, with `{name}` placeholders replaced by `params`. */
  t(key: MessageKey, params?: Readonly<Record<string, string | number>>): string;
  /** The name of a language in the interface language ('fr' → 'French' / 'français'). */
  languageName(tag: string): string;
  /** A link on this service keeping the interface language (`?lang=`) when the reader chose
   *  it; others, and every link when the language came from Accept-Language, unchanged. */
  href(path: string): string;
  /** Numbers and dates written the reader's way. */
  number(value: number): string;
  date(isoDate: string): string;
}

export const isInterfaceLanguage = (tag: string): tag is InterfaceLanguage => (INTERFACE_LANGUAGES as readonly string[]).includes(tag);

/** The first preferred language the interface speaks (languages as languagePreference gives
 *  them: `?lang=` first, else Accept-Language, then the defaults). */
export function interfaceLanguage(languages: readonly string[]): InterfaceLanguage {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isInterfaceLanguage(primary)) return primary;
  }
  return DEFAULT_INTERFACE_LANGUAGE;
}

/** `path` with `lang` set to the language (replacing any earlier value), before a fragment. */
export function withLanguage(path: string, lang: string): string {
  if (!path.startsWith('/') || path.startsWith('//')) return path;
  const hashAt = path.indexOf('#');
  const [beforeHash, hash] = hashAt < 0 ? [path, ''] : [path.slice(0, hashAt), path.slice(hashAt)];
  const queryAt = beforeHash.indexOf('?');
  const pathname = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt);
  const params = new URLSearchParams(queryAt < 0 ? '' : beforeHash.slice(queryAt + 1));
  params.set(LANG_PARAMETER, lang);
  return `${pathname}?${params.toString()}${hash}`;
}

const LOCALES: Readonly<Record<InterfaceLanguage, string>> = { en: 'en-GB', fr: 'fr-FR' };

/** `keepInLinks`: the reader chose the language (`?lang=`), so links carry the choice on. */
export function translator(lang: InterfaceLanguage, keepInLinks = true): Translator {
  const messages = MESSAGES[lang];
  const numbers = new Intl.NumberFormat(LOCALES[lang]);
  const dates = new Intl.DateTimeFormat(LOCALES[lang], { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  return {
    lang,
    t(key, params) {
      const message = messages[key];
      return params ? message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : message;
    },
    languageName(tag) {
      const primary = tag.toLowerCase().split('-')[0];
      return isInterfaceLanguage(primary) ? messages[`lang.${primary}`] : tag;
    },
    href: (path) => (keepInLinks ? withLanguage(path, lang) : path),
    number: (value) => numbers.format(value),
    date(isoDate) {
      const parsed = /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? new Date(`${isoDate}T00:00:00Z`) : undefined;
      return parsed && !Number.isNaN(parsed.getTime()) ? dates.format(parsed) : isoDate;
    },
  };
}

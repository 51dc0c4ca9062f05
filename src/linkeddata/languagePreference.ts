/** The languages a reader prefers, best first: `?lang=fr,en` when given, else the
 *  Accept-Language header (RFC 9110 §12.5.4), then the service's defaults. */
import { BadRequestError } from '../http';
import { isLanguageTag } from '../vocab';

/** Labels and texts fall back to these, in this order. */
export const DEFAULT_LANGUAGES: readonly string[] = ['en', 'fr'];

/** Tags of an Accept-Language header by decreasing quality ("*" and malformed parts left out). */
function parseAcceptLanguage(header: string): string[] {
  const ranges: Array<{ tag: string; q: number; position: number }> = [];
  header.split(',').forEach((part, position) => {
    const [tag, ...params] = part.split(';').map((s) => s.trim());
    if (!isLanguageTag(tag)) return;
    const qParam = params.find((p) => /^q\s*=/i.test(p));
    const q = qParam === undefined ? 1 : Number(qParam.split('=')[1]);
    if (!Number.isFinite(q) || q <= 0 || q > 1) return;
    ranges.push({ tag, q, position });
  });
  return ranges.sort((a, b) => b.q - a.q || a.position - b.position).map((r) => r.tag);
}

/** The languages the request names, best first: `lang` (comma-separated, or repeated) when
 *  given, else the Accept-Language header; each tag followed, after all given tags, by its
 *  primary language ("fr-CH" also means "fr"); lower-cased, without repeats, without the
 *  service's defaults. A malformed tag in `lang` is the client's error. */
export function requestedLanguages(lang: string | readonly string[] | undefined, acceptLanguage: string | undefined): string[] {
  let tags: string[];
  if (lang !== undefined && `${lang}`.trim() !== '') {
    tags = (Array.isArray(lang) ? lang : [lang])
      .flatMap((v: string) => v.split(','))
      .map((t) => t.trim())
      .filter(Boolean);
    for (const tag of tags) if (!isLanguageTag(tag)) throw new BadRequestError(`lang must list language tags such as en,fr: ${JSON.stringify(tag)}`);
  } else {
    tags = acceptLanguage ? parseAcceptLanguage(acceptLanguage) : [];
  }
  const primaries = tags.map((t) => t.split('-')[0]);
  return [...new Set([...tags, ...primaries].map((t) => t.toLowerCase()))];
}

/** The requested languages (requestedLanguages), then the service's defaults. */
export function languagePreference(lang: string | readonly string[] | undefined, acceptLanguage: string | undefined): string[] {
  return [...new Set([...requestedLanguages(lang, acceptLanguage), ...DEFAULT_LANGUAGES])];
}

/** The HTML shell of every page the service renders itself: the site header with its links
 *  and the EN/FR switch, the shared stylesheet as a file (no inline script or style, so the
 *  pages work under a strict Content-Security-Policy), every interpolated value escaped. */
import { INTERFACE_LANGUAGES, interfaceLanguage, translator, type MessageKey, type Translator } from '../i18n';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in element content and in quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** JSON safe inside a <script> element (no `</script>`, no `<!--`, no U+2028/9 surprises). */
export const jsonForScript = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** Links of the site header: path and message. */
export const SITE_LINKS: ReadonlyArray<readonly [string, MessageKey]> = [
  ['/search', 'site.search'],
  ['/explore', 'site.explorer'],
  ['/network', 'site.network'],
  ['/yasgui', 'site.sparql'],
  ['/graphql', 'site.graphql'],
  ['/api/docs', 'site.apiDocs'],
  ['/ontology', 'site.ontology'],
];

/** The shared stylesheet (served by the web pages' assets). */
export const SITE_STYLESHEET = '/assets/site.css';

export interface HtmlPage {
  title: string;
  /** Language of the page's main content. */
  lang: string;
  body: string;
  /** Extra elements for <head> (already escaped). */
  head?: string;
  /** Extra CSS in a <style> element (older pages; new ones link a stylesheet in `head`). */
  css?: string;
  /** The interface language's messages (default: from `lang`). */
  i18n?: Translator;
  /** This page's path and query, for the language switch (default: the switch sets only ?lang). */
  self?: string;
}

function languageSwitch(i18n: Translator, self: string | undefined): string {
  const links = INTERFACE_LANGUAGES.map((lang) => {
    const href = self ? translator(lang).href(self) : `?lang=${lang}`;
    const current = lang === i18n.lang ? ' aria-current="true"' : '';
    return `<a href="${escapeHtml(href)}" hreflang="${lang}" lang="${lang}" title="${escapeHtml(translator(lang).languageName(lang))}"${current}>${lang.toUpperCase()}</a>`;
  }).join('');
  return `<nav class="lang-switch" aria-label="${escapeHtml(i18n.t('site.languageSwitch'))}">${links}</nav>`;
}

export function htmlDocument(page: HtmlPage): string {
  const i18n = page.i18n ?? translator(interfaceLanguage([page.lang]), false);
  const nav = SITE_LINKS.map(([href, key]) => `<a href="${escapeHtml(i18n.href(href))}">${escapeHtml(i18n.t(key))}</a>`).join('');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(page.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(page.title)}</title>
<link rel="stylesheet" href="${SITE_STYLESHEET}">
${page.css ? `<style>${page.css}</style>` : ''}
${page.head ?? ''}
</head>
<body>
<header class="site"><a class="brand" href="${escapeHtml(i18n.href('/'))}" lang="${i18n.lang}">${escapeHtml(i18n.t('site.name'))}</a><nav class="site-links" lang="${i18n.lang}">${nav}</nav>${languageSwitch(i18n, page.self)}</header>
<main>
${page.body}
</main>
</body>
</html>
`;
}

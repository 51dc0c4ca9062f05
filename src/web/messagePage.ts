/** A page that only says something: a resolution that is not there, a bad request. */
import type { Translator } from '../i18n';
import { escapeHtml, htmlDocument } from '../linkeddata';

export function renderMessagePage(title: string, message: string, i18n: Translator, self: string): string {
  return htmlDocument({
    title: `${title} — ${i18n.t('site.name')}`,
    lang: i18n.lang,
    body: `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="${escapeHtml(i18n.href('/'))}">${escapeHtml(i18n.t('site.home'))}</a> · <a href="${escapeHtml(i18n.href('/search'))}">${escapeHtml(i18n.t('site.search'))}</a></p>`,
    i18n,
    self,
    head: '<link rel="stylesheet" href="/assets/workbench.css">',
  });
}

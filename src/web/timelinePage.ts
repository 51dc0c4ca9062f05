/** The timeline page of a resolution or an instrument. */
import type { Translator } from '../i18n';
import { escapeHtml, hrefForIri, htmlDocument } from '../linkeddata';
import { timelineSections, type Timeline } from './network/timeline';

export function renderTimelinePage(timeline: Timeline | undefined, i18n: Translator, self: string, notFound?: string): string {
  let body: string;
  if (!timeline)
    body = `<h1>${escapeHtml(i18n.t('site.network'))}</h1><p>${escapeHtml(notFound ? i18n.t('timeline.notFound', { iri: notFound }) : i18n.t('timeline.pick'))}</p>`;
  else {
    const page = hrefForIri(timeline.iri, '');
    const title = escapeHtml(i18n.t('timeline.title', { label: timeline.label }));
    body = `<h1 data-iri="${escapeHtml(timeline.iri)}">${title}</h1>
<nav class="actions">${page && page.startsWith('/') ? `<a href="${escapeHtml(i18n.href(page))}">${escapeHtml(i18n.t('read.data'))}</a>` : ''}<a href="${escapeHtml(i18n.href(`/network?focus=${encodeURIComponent(timeline.iri)}`))}">${escapeHtml(i18n.t('read.network'))}</a></nav>
${timelineSections(timeline, i18n) || `<p class="muted">${escapeHtml(i18n.t('timeline.none'))}</p>`}`;
  }
  return htmlDocument({
    title: `${timeline ? i18n.t('timeline.title', { label: timeline.label }) : i18n.t('page.timeline')} — ${i18n.t('site.name')}`,
    lang: i18n.lang,
    body,
    i18n,
    self,
    head: '<link rel="stylesheet" href="/assets/workbench.css">',
  });
}

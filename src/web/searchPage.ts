/** The search page: a form (GET, works without script) and the ranked hits, each with its kind,
 *  the matched value around the match, and a link to its page or its reading view. */
import type { Translator } from '../i18n';
import { escapeHtml, htmlDocument } from '../linkeddata';
import type { SearchHit } from './searchResources';

export const SEARCH_PAGE_PATH = '/search';

export function searchForm(i18n: Translator, query: string): string {
  return `<form class="search-form" role="search" action="${SEARCH_PAGE_PATH}" method="get">
<label for="q">${escapeHtml(i18n.t('search.label'))}</label>
<div class="row"><input id="q" name="q" type="search" value="${escapeHtml(query)}" placeholder="${escapeHtml(i18n.t('search.placeholder'))}" autocomplete="off"><input type="hidden" name="lang" value="${i18n.lang}"><button type="submit">${escapeHtml(i18n.t('search.submit'))}</button></div>
</form>`;
}

/** Where a hit leads: a paragraph to its place in the reading view, anything else to its page. */
export type HitLink = (hit: SearchHit) => string | undefined;

export function renderSearchPage(query: string, hits: SearchHit[] | { error: string }, i18n: Translator, self: string, linkOf: HitLink): string {
  let results = '';
  if ('error' in hits) results = `<p class="error">${escapeHtml(hits.error)}</p>`;
  else if (query.trim() !== '') {
    results = hits.length
      ? `<p class="muted" id="result-count">${escapeHtml(i18n.t('search.results', { count: i18n.number(hits.length), query }))}</p><ol class="hits">${hits
          .map((hit) => {
            const href = linkOf(hit);
            const label = escapeHtml(hit.label);
            return `<li data-iri="${escapeHtml(hit.iri)}" data-kind="${hit.kind}"><span class="kind">${escapeHtml(i18n.t(`kind.${hit.kind}`))}</span> ${href ? `<a href="${escapeHtml(href)}">${label}</a>` : label}<div class="match"${hit.language ? ` lang="${escapeHtml(hit.language)}"` : ''}>${escapeHtml(hit.match)}</div><div class="muted small">${escapeHtml(i18n.t('search.matchedIn', { field: i18n.t(`search.field.${hit.field === 'label' ? 'label' : hit.field}`) }))}</div></li>`;
          })
          .join('')}</ol>`
      : `<p id="result-count">${escapeHtml(i18n.t('search.none', { query }))}</p>`;
  }
  const body = `<h1>${escapeHtml(i18n.t('search.title'))}</h1>${searchForm(i18n, query)}${results}`;
  return htmlDocument({ title: `${query ? `${query} — ` : ''}${i18n.t('search.title')} — ${i18n.t('site.name')}`, lang: i18n.lang, body, i18n, self, head: '<link rel="stylesheet" href="/assets/workbench.css">' });
}

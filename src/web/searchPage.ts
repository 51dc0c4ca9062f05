/** The search page: a form (GET, works without script) and the ranked hits, each with its kind,
 *  the matched value around the match, and a link to its page or its reading view. */
import type { Translator } from '../i18n';
import { escapeHtml, htmlDocument } from '../linkeddata';
import { foldWithPositions, processTerm, tokenize } from '../search';
import type { SearchHit } from './searchResources';

export const SEARCH_PAGE_PATH = '/search';

/** The text with the query's words marked where a word starts with one of them (case and
 *  accents ignored, as the search does). */
export function markQueryWords(text: string, query: string): string {
  const words = [
    ...new Set(
      tokenize(query)
        .map(processTerm)
        .filter((w): w is string => w !== null && w.length > 0),
    ),
  ].sort((a, b) => b.length - a.length);
  if (words.length === 0) return escapeHtml(text);
  const { folded, from } = foldWithPositions(text);
  const ranges: Array<[number, number]> = [];
  for (const word of words) {
    let at = folded.indexOf(word);
    while (at >= 0) {
      const starts = at === 0 || !/[\p{L}\p{N}]/u.test(folded[at - 1]);
      const start = from[at];
      const end = at + word.length < from.length ? from[at + word.length] : text.length;
      if (starts && !ranges.some(([a, b]) => start < b && end > a)) ranges.push([start, end]);
      at = folded.indexOf(word, at + 1);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  let html = '';
  let last = 0;
  for (const [start, end] of ranges) {
    html += `${escapeHtml(text.slice(last, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    last = end;
  }
  return html + escapeHtml(text.slice(last));
}

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
            return `<li data-iri="${escapeHtml(hit.iri)}" data-kind="${hit.kind}"><span class="kind">${escapeHtml(i18n.t(`kind.${hit.kind}`))}</span> ${href ? `<a href="${escapeHtml(href)}">${label}</a>` : label}<div class="match"${hit.language && !hit.via ? ` lang="${escapeHtml(hit.language)}"` : ''}>${hit.via ? escapeHtml(hit.match) : markQueryWords(hit.match, query)}</div><div class="muted small">${escapeHtml(i18n.t('search.matchedIn', { field: i18n.t(`search.field.${hit.field}`) }))}${hit.via ? ` (${markQueryWords(hit.via, query)})` : ''}</div></li>`;
          })
          .join('')}</ol>`
      : `<p id="result-count">${escapeHtml(i18n.t('search.none', { query }))}</p>`;
  }
  const body = `<h1>${escapeHtml(i18n.t('search.title'))}</h1>${searchForm(i18n, query)}${results}`;
  return htmlDocument({
    title: `${query ? `${query} — ` : ''}${i18n.t('search.title')} — ${i18n.t('site.name')}`,
    lang: i18n.lang,
    body,
    i18n,
    self,
    head: '<link rel="stylesheet" href="/assets/workbench.css">',
  });
}

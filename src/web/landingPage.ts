/** The landing page at /: what the service holds, with counts from the store, the
 *  resolutions to read, a search box, and where to go next. */
import type { Translator } from '../i18n';
import { escapeHtml, htmlDocument } from '../linkeddata';
import type { DatasetSummary } from './datasetSummary';
import { resolutionDownloads } from './downloads';
import type { ResolutionEntry } from './listResolutions';
import { NETWORK_PATH, readPath } from './reading/renderReadingView';
import { searchForm } from './searchPage';

export const LANDING_PATH = '/';

export function renderLandingPage(summary: DatasetSummary, resolutions: ResolutionEntry[], i18n: Translator, self: string): string {
  const figure = (n: number, key: Parameters<Translator['t']>[0], id: string) =>
    `<li data-count="${id}"><strong>${escapeHtml(i18n.number(n))}</strong> ${escapeHtml(i18n.t(key))}</li>`;
  const first = resolutions[0];
  const go: Array<[string, Parameters<Translator['t']>[0]]> = [
    [first ? readPath(first.symbol) : '/search', 'landing.go.read'],
    ['/explore', 'landing.go.explorer'],
    [NETWORK_PATH, 'landing.go.network'],
    ['/search', 'landing.go.search'],
    ['/yasgui', 'landing.go.sparql'],
    ['/graphql', 'landing.go.graphql'],
    ['/api/docs', 'landing.go.apiDocs'],
    ['#downloads', 'landing.go.downloads'],
  ];
  const list = resolutions.length
    ? `<ul class="resolutions">${resolutions
        .map(
          (r) =>
            `<li data-iri="${escapeHtml(r.iri)}"><a href="${escapeHtml(i18n.href(readPath(r.symbol)))}"><strong>${escapeHtml(r.symbol)}</strong></a>${r.title ? ` <span class="title">${escapeHtml(r.title)}</span>` : ''}${r.date ? ` <time class="muted" datetime="${escapeHtml(r.date)}">${escapeHtml(i18n.date(r.date))}</time>` : ''}</li>`,
        )
        .join('')}</ul>`
    : `<p class="muted">${escapeHtml(i18n.t('landing.noResolution'))}</p>`;
  const downloads = resolutions.length
    ? `<table class="downloads"><tbody>${resolutions
        .map(
          (r) =>
            `<tr><th scope="row">${escapeHtml(r.symbol)}</th><td>${resolutionDownloads(r.iri, r.symbol)
              .map((d) => `<a class="button" href="${escapeHtml(d.href)}" download="${escapeHtml(d.file)}">${escapeHtml(i18n.t(d.key))}</a>`)
              .join('')}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  const body = `<section class="hero">
<h1>${escapeHtml(i18n.t('landing.title'))}</h1>
<p class="lead">${escapeHtml(i18n.t('landing.lead'))}</p>
${searchForm(i18n, '')}
</section>
<section aria-labelledby="holds"><h2 id="holds">${escapeHtml(i18n.t('landing.holds'))}</h2>
<ul class="figures">
${figure(summary.resolutions, 'landing.resolutions', 'resolutions')}
${figure(summary.paragraphs, 'landing.paragraphs', 'paragraphs')}
${figure(summary.footnotes, 'landing.footnotes', 'footnotes')}
${figure(summary.links, 'landing.links', 'links')}
${figure(summary.cited, 'landing.cited', 'cited')}
</ul></section>
<section aria-labelledby="read"><h2 id="read">${escapeHtml(i18n.t('landing.read'))}</h2>${list}</section>
<section aria-labelledby="next"><h2 id="next">${escapeHtml(i18n.t('landing.next'))}</h2>
<ul class="next">${go.map(([href, key]) => `<li><a href="${escapeHtml(href.startsWith('#') ? href : i18n.href(href))}">${escapeHtml(i18n.t(key))}</a></li>`).join('')}</ul></section>
<section id="downloads" aria-labelledby="downloads-title"><h2 id="downloads-title">${escapeHtml(i18n.t('landing.downloads'))}</h2>${downloads}</section>`;
  return htmlDocument({ title: i18n.t('site.name'), lang: i18n.lang, body, i18n, self, head: '<link rel="stylesheet" href="/assets/workbench.css">' });
}

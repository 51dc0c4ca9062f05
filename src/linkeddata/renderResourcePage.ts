/** The HTML page of a resource. */
import { escapeHtml, htmlDocument } from './html';
import { REPRESENTATIONS, SHORT_FORMAT_NAMES, type DocumentRepresentation } from './representations';
import { prefixedName } from './labels';
import type { BacklinkView, EvidenceView, LinkTerm, ResourceView, Value } from './resourceView';

/** Names of the representations, as linked from the page. */
const FORMAT_LABELS: Readonly<Record<string, string>> = {
  'text/turtle': 'Turtle',
  'application/ld+json': 'JSON-LD',
  'application/n-triples': 'N-Triples',
  'application/rdf+xml': 'RDF/XML',
  'application/akn+xml': 'Akoma Ntoso',
};

export interface PageContext {
  /** The path the page answers at (links to the other representations hang off it). */
  path: string;
  /** The explorer's path, to open the resource in the graph view. */
  explorerPath: string;
  /** Language for the page's <html lang> when the label has none. */
  lang: string;
  /** What the resource offers besides the page (default: the RDF formats). */
  representations?: readonly DocumentRepresentation[];
}

const langAttr = (language: string | undefined): string => (language ? ` lang="${escapeHtml(language)}"` : '');

export function linkHtml(term: LinkTerm): string {
  const label = escapeHtml(term.label);
  const title = escapeHtml(term.iri);
  return term.href !== undefined ? `<a href="${escapeHtml(term.href)}" title="${title}">${label}</a>` : `<span title="${title}">${label}</span>`;
}

function valueHtml(value: Value): string {
  if (value.kind === 'iri') return linkHtml(value);
  const tag = value.language
    ? `<span class="lang">@${escapeHtml(value.language)}</span>`
    : value.datatype
      ? `<span class="datatype">${escapeHtml(prefixedName(value.datatype))}</span>`
      : '';
  return `<span${langAttr(value.language)}>${escapeHtml(value.value)}</span>${tag}`;
}

function evidenceRow(e: EvidenceView): string {
  return `<tr><td>${escapeHtml(e.kind)}</td><td>${e.target ? linkHtml(e.target) : ''}</td><td>${e.matchedText !== undefined ? `<mark>${escapeHtml(e.matchedText)}</mark>` : ''}</td><td>${
    e.footnote ? linkHtml(e.footnote) : ''
  }</td><td>${escapeHtml(e.extractor ?? '')}${e.score !== undefined ? ` (score ${escapeHtml(String(e.score))})` : ''}</td></tr>`;
}

function backlinkItem(b: BacklinkView): string {
  const snippet = b.snippet
    ? `<div class="snippet"${langAttr(b.snippet.language)}>${escapeHtml(b.snippet.before)}${b.snippet.match ? `<mark>${escapeHtml(b.snippet.match)}</mark>` : ''}${escapeHtml(b.snippet.after)}</div>`
    : '';
  const evidence = b.evidence
    .filter((e) => e.matchedText !== undefined)
    .map((e) => `matched “${escapeHtml(e.matchedText!)}”${e.footnote ? ` in footnote ${linkHtml(e.footnote)}` : ''}`)
    .join('; ');
  return `<li>${linkHtml(b.subject)}${snippet}${evidence ? `<div class="evidence">${evidence}</div>` : ''}</li>`;
}

function backlinksSection(view: ResourceView, context: PageContext): string {
  const { backlinks } = view;
  if (backlinks.total === 0) return `<section id="backlinks"><h2>Backlinks</h2><p class="muted">Nothing in this dataset links to this resource.</p></section>`;
  const groups = new Map<string, { predicate: LinkTerm; items: BacklinkView[] }>();
  for (const b of backlinks.items) {
    const group = groups.get(b.predicate.iri) ?? { predicate: b.predicate, items: [] };
    group.items.push(b);
    groups.set(b.predicate.iri, group);
  }
  const first = (backlinks.page - 1) * backlinks.pageSize + 1;
  const last = first + backlinks.items.length - 1;
  const pageLink = (page: number, text: string) => `<a href="${escapeHtml(`${context.path}?page=${page}`)}">${text}</a>`;
  const pages = [
    backlinks.page > 1 ? pageLink(backlinks.page - 1, '← previous') : '',
    backlinks.hasNext ? pageLink(backlinks.page + 1, 'next →') : '',
  ].filter(Boolean);
  return `<section id="backlinks"><h2>Backlinks <span class="muted">(${backlinks.total})</span></h2>
<p class="muted">What cites, mentions or otherwise links to this resource${backlinks.total > backlinks.items.length ? `: ${first}–${last} of ${backlinks.total}` : ''}.</p>
${[...groups.values()]
  .map((g) => `<h3>${linkHtml(g.predicate)} <span class="muted">(${g.items.length})</span></h3><ul class="backlinks">${g.items.map(backlinkItem).join('')}</ul>`)
  .join('\n')}
${pages.length ? `<nav class="pages">${pages.join('')}</nav>` : ''}</section>`;
}

export function renderResourcePage(view: ResourceView, context: PageContext): string {
  const alternates = (context.representations ?? REPRESENTATIONS).filter((t) => t !== 'text/html');
  const formats = alternates
    .map((t) => `<a href="${escapeHtml(`${context.path}?format=${SHORT_FORMAT_NAMES[t]}`)}" type="${t}">${FORMAT_LABELS[t]}</a>`)
    .join('');
  const explore = `<a href="${escapeHtml(`${context.explorerPath}?iri=${encodeURIComponent(view.iri)}`)}">Explore the graph</a>`;
  const [text, ...otherTexts] = view.texts;
  const textHtml = text
    ? `<section id="text"><h2>Text</h2><blockquote${langAttr(text.language)}>${escapeHtml(text.value)}</blockquote>${otherTexts
        .map((t) => `<details><summary>${escapeHtml(t.language ?? 'other')}</summary><blockquote${langAttr(t.language)}>${escapeHtml(t.value)}</blockquote></details>`)
        .join('')}</section>`
    : '';
  const acts = view.clauseActs.length
    ? `<section id="clause-acts"><h2>Clause verbs</h2><table><thead><tr><th>Verb</th><th>In the text</th><th>Addressed to</th></tr></thead><tbody>${view.clauseActs
        .map((a) => `<tr><td>${a.verb ? linkHtml(a.verb) : ''}</td><td>${escapeHtml(a.verbText ?? '')}</td><td>${a.addressees.map(linkHtml).join(', ')}</td></tr>`)
        .join('')}</tbody></table></section>`
    : '';
  const properties = `<section id="properties"><h2>Properties</h2><table><tbody>${view.properties
    .map(
      (p) =>
        `<tr><th scope="row">${linkHtml(p.predicate)}</th><td>${p.values.length === 1 ? valueHtml(p.values[0]) : `<ul>${p.values.map((v) => `<li>${valueHtml(v)}</li>`).join('')}</ul>`}</td></tr>`,
    )
    .join('')}</tbody></table></section>`;
  const evidence = view.evidence.length
    ? `<section id="evidence"><h2>Evidence of extracted links</h2><table><thead><tr><th>Link</th><th>To</th><th>Matched text</th><th>Footnote</th><th>Extractor</th></tr></thead><tbody>${view.evidence
        .map(evidenceRow)
        .join('')}</tbody></table></section>`
    : '';
  const body = `<article>
<h1${langAttr(view.language)}>${escapeHtml(view.label)}</h1>
<div class="iri">${escapeHtml(view.iri)}</div>
<ul class="badges">${view.types.map((t) => `<li>${linkHtml(t)}</li>`).join('')}</ul>
<p class="formats">${formats}${explore}</p>
${textHtml}
${acts}
${properties}
${evidence}
${backlinksSection(view, context)}
</article>`;
  return htmlDocument({
    title: `${view.label} — UN resolutions knowledge graph`,
    lang: view.language ?? context.lang,
    body,
    head: alternates
      .map((t) => `<link rel="alternate" type="${t}" href="${escapeHtml(`${context.path}?format=${SHORT_FORMAT_NAMES[t]}`)}">`)
      .join('\n'),
  });
}

export function renderNotFoundPage(iri: string, context: PageContext): string {
  return htmlDocument({
    title: 'Not found — UN resolutions knowledge graph',
    lang: context.lang,
    body: `<h1>No such resource</h1><p>The dataset says nothing about <code>${escapeHtml(iri)}</code>.</p><p>Search for it in the <a href="${escapeHtml(context.explorerPath)}">explorer</a> or query the <a href="/yasgui">SPARQL endpoint</a>.</p>`,
  });
}

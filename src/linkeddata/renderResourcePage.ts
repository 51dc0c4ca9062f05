/** The HTML page of a resource. */
import { interfaceLanguage, translator, type Translator } from '../i18n';
import { readerKind } from '../vocab';
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
  /** The interface's messages (default: from `lang`). */
  i18n?: Translator;
  /** The page's path and query, for the language switch. */
  self?: string;
  /** A paragraph's neighbours in document order and its place in the reading view. */
  sequence?: { previous?: LinkTerm; next?: LinkTerm; reading?: string };
  /** The citation timeline of the resource, when it has one. */
  timeline?: string;
  /** The reading view, for a resolution whose text the store holds. */
  reading?: string;
}

const messagesOf = (context: PageContext): Translator => context.i18n ?? translator(interfaceLanguage([context.lang]), false);
const localHref = (i18n: Translator, href: string): string => (href.startsWith('/') ? i18n.href(href) : href);

const langAttr = (language: string | undefined): string => (language ? ` lang="${escapeHtml(language)}"` : '');

/** A link to a resource, by its label; a link on this service keeps the interface language. */
export function linkHtml(term: LinkTerm, i18n?: Translator): string {
  const label = escapeHtml(term.label);
  const title = escapeHtml(term.iri);
  const href = term.href !== undefined && i18n ? localHref(i18n, term.href) : term.href;
  return href !== undefined ? `<a href="${escapeHtml(href)}" title="${title}">${label}</a>` : `<span title="${title}">${label}</span>`;
}

function valueHtml(value: Value, i18n: Translator): string {
  if (value.kind === 'iri') return linkHtml(value, i18n);
  const tag = value.language
    ? `<span class="lang">@${escapeHtml(value.language)}</span>`
    : value.datatype
      ? `<span class="datatype">${escapeHtml(prefixedName(value.datatype))}</span>`
      : '';
  return `<span${langAttr(value.language)}>${escapeHtml(value.value)}</span>${tag}`;
}

function evidenceRow(e: EvidenceView, i18n: Translator): string {
  return `<tr><td>${escapeHtml(i18n.t(`evidence.${e.kind}`))}</td><td>${e.target ? linkHtml(e.target, i18n) : ''}</td><td>${e.matchedText !== undefined ? `<mark>${escapeHtml(e.matchedText)}</mark>` : ''}</td><td>${
    e.footnote ? linkHtml(e.footnote, i18n) : ''
  }</td><td>${escapeHtml(e.extractor ?? '')}${e.score !== undefined ? ` (score ${escapeHtml(String(e.score))})` : ''}</td></tr>`;
}

function backlinkItem(b: BacklinkView, i18n: Translator): string {
  const snippet = b.snippet
    ? `<div class="snippet"${langAttr(b.snippet.language)}>${escapeHtml(b.snippet.before)}${b.snippet.match ? `<mark>${escapeHtml(b.snippet.match)}</mark>` : ''}${escapeHtml(b.snippet.after)}</div>`
    : '';
  const evidence = b.evidence
    .filter((e) => e.matchedText !== undefined)
    .map(
      (e) =>
        `${escapeHtml(i18n.t('evidence.matched', { text: e.matchedText! }))}${e.footnote ? ` (${escapeHtml(i18n.t('page.footnote'))} ${linkHtml(e.footnote, i18n)})` : ''}`,
    )
    .join('; ');
  return `<li>${linkHtml(b.subject, i18n)}${snippet}${evidence ? `<div class="evidence">${evidence}</div>` : ''}</li>`;
}

function backlinksSection(view: ResourceView, context: PageContext): string {
  const { backlinks } = view;
  const i18n = messagesOf(context);
  if (backlinks.total === 0)
    return `<section id="backlinks"><h2>${escapeHtml(i18n.t('page.backlinks'))}</h2><p class="muted">${escapeHtml(i18n.t('page.noBacklinks'))}</p></section>`;
  const groups = new Map<string, { predicate: LinkTerm; items: BacklinkView[] }>();
  for (const b of backlinks.items) {
    const group = groups.get(b.predicate.iri) ?? { predicate: b.predicate, items: [] };
    group.items.push(b);
    groups.set(b.predicate.iri, group);
  }
  const first = (backlinks.page - 1) * backlinks.pageSize + 1;
  const last = first + backlinks.items.length - 1;
  const pageLink = (page: number, text: string) => `<a href="${escapeHtml(i18n.href(`${context.path}?page=${page}`))}">${text}</a>`;
  const pages = [
    backlinks.page > 1 ? pageLink(backlinks.page - 1, escapeHtml(i18n.t('page.previousPage'))) : '',
    backlinks.hasNext ? pageLink(backlinks.page + 1, escapeHtml(i18n.t('page.nextPage'))) : '',
  ].filter(Boolean);
  return `<section id="backlinks"><h2>${escapeHtml(i18n.t('page.backlinks'))} <span class="muted">(${backlinks.total})</span></h2>
<p class="muted">${escapeHtml(i18n.t('page.backlinksLead'))}${backlinks.total > backlinks.items.length ? `: ${escapeHtml(i18n.t('page.backlinksRange', { first, last, total: backlinks.total }))}` : ''}.</p>
${[...groups.values()]
  .map(
    (g) =>
      `<h3>${linkHtml(g.predicate, i18n)} <span class="muted">(${g.items.length})</span></h3><ul class="backlinks">${g.items.map((b) => backlinkItem(b, i18n)).join('')}</ul>`,
  )
  .join('\n')}
${pages.length ? `<nav class="pages">${pages.join('')}</nav>` : ''}</section>`;
}

export function renderResourcePage(view: ResourceView, context: PageContext): string {
  const i18n = messagesOf(context);
  const alternates = (context.representations ?? REPRESENTATIONS).filter((t) => t !== 'text/html');
  const formats = alternates
    .map((t) => `<a href="${escapeHtml(`${context.path}?format=${SHORT_FORMAT_NAMES[t]}`)}" type="${t}">${FORMAT_LABELS[t]}</a>`)
    .join('');
  const explore = `${context.reading ? `<a class="read" href="${escapeHtml(i18n.href(context.reading))}">${escapeHtml(i18n.t('page.read'))}</a>` : ''}<a href="${escapeHtml(i18n.href(`${context.explorerPath}?iri=${encodeURIComponent(view.iri)}`))}">${escapeHtml(i18n.t('page.explore'))}</a>${
    context.timeline ? `<a href="${escapeHtml(i18n.href(context.timeline))}">${escapeHtml(i18n.t('page.timeline'))}</a>` : ''
  }`;
  const { sequence } = context;
  const sequenceNav = sequence
    ? `<nav class="sequence">${sequence.previous ? `<a rel="prev" href="${escapeHtml(localHref(i18n, sequence.previous.href ?? sequence.previous.iri))}">← ${escapeHtml(i18n.t('page.previous'))}: ${escapeHtml(sequence.previous.label)}</a>` : '<span></span>'}${
        sequence.reading ? `<a href="${escapeHtml(sequence.reading)}">${escapeHtml(i18n.t('page.inDocument'))}</a>` : ''
      }${sequence.next ? `<a rel="next" href="${escapeHtml(localHref(i18n, sequence.next.href ?? sequence.next.iri))}">${escapeHtml(i18n.t('page.next'))}: ${escapeHtml(sequence.next.label)} →</a>` : '<span></span>'}</nav>`
    : '';
  const kind = readerKind(
    view.iri,
    view.types.map((t) => t.iri),
  );
  const [text, ...otherTexts] = view.texts;
  const textHtml = text
    ? `<section id="text"><h2>${escapeHtml(i18n.t('page.text'))}</h2><blockquote${langAttr(text.language)}>${escapeHtml(text.value)}</blockquote>${otherTexts
        .map(
          (t) =>
            `<details><summary>${escapeHtml(t.language ? i18n.languageName(t.language) : i18n.t('page.other'))}</summary><blockquote${langAttr(t.language)}>${escapeHtml(t.value)}</blockquote></details>`,
        )
        .join('')}</section>`
    : '';
  const acts = view.clauseActs.length
    ? `<section id="clause-acts"><h2>${escapeHtml(i18n.t('page.clauseVerbs'))}</h2><table><thead><tr><th>${escapeHtml(i18n.t('page.verb'))}</th><th>${escapeHtml(i18n.t('page.inText'))}</th><th>${escapeHtml(i18n.t('page.addressedTo'))}</th></tr></thead><tbody>${view.clauseActs
        .map(
          (a) =>
            `<tr><td>${a.verb ? linkHtml(a.verb, i18n) : ''}</td><td>${escapeHtml(a.verbText ?? '')}</td><td>${a.addressees.map((t) => linkHtml(t, i18n)).join(', ')}</td></tr>`,
        )
        .join('')}</tbody></table></section>`
    : '';
  const properties = `<section id="properties"><h2>${escapeHtml(i18n.t('page.properties'))}</h2><table><tbody>${view.properties
    .map(
      (p) =>
        `<tr><th scope="row">${linkHtml(p.predicate, i18n)}</th><td>${p.values.length === 1 ? valueHtml(p.values[0], i18n) : `<ul>${p.values.map((v) => `<li>${valueHtml(v, i18n)}</li>`).join('')}</ul>`}</td></tr>`,
    )
    .join('')}</tbody></table></section>`;
  const evidence = view.evidence.length
    ? `<section id="evidence"><h2>${escapeHtml(i18n.t('page.evidence'))}</h2><table><thead><tr><th>${escapeHtml(i18n.t('page.link'))}</th><th>${escapeHtml(i18n.t('page.to'))}</th><th>${escapeHtml(i18n.t('page.matchedText'))}</th><th>${escapeHtml(i18n.t('page.footnote'))}</th><th>${escapeHtml(i18n.t('page.extractor'))}</th></tr></thead><tbody>${view.evidence
        .map((e) => evidenceRow(e, i18n))
        .join('')}</tbody></table></section>`
    : '';
  const body = `<article>
<h1${langAttr(view.language)}>${escapeHtml(view.label)}</h1>
<div class="iri">${escapeHtml(view.iri)}</div>
<ul class="badges">${kind !== 'other' ? `<li><span class="kind">${escapeHtml(i18n.t(`kind.${kind}`))}</span></li>` : ''}${view.types.map((t) => `<li>${linkHtml(t, i18n)}</li>`).join('')}</ul>
<p class="formats">${formats}${explore}</p>
${sequenceNav}
${textHtml}
${acts}
${properties}
${evidence}
${backlinksSection(view, context)}
</article>`;
  return htmlDocument({
    title: `${view.label} — ${i18n.t('site.name')}`,
    lang: view.language ?? context.lang,
    body,
    i18n,
    ...(context.self ? { self: context.self } : {}),
    head: alternates.map((t) => `<link rel="alternate" type="${t}" href="${escapeHtml(`${context.path}?format=${SHORT_FORMAT_NAMES[t]}`)}">`).join('\n'),
  });
}

export function renderNotFoundPage(iri: string, context: PageContext): string {
  const i18n = messagesOf(context);
  return htmlDocument({
    title: `${i18n.t('page.notFoundTitle')} — ${i18n.t('site.name')}`,
    lang: i18n.lang,
    i18n,
    ...(context.self ? { self: context.self } : {}),
    body: `<h1>${escapeHtml(i18n.t('page.notFoundTitle'))}</h1><p>${escapeHtml(i18n.t('page.notFound', { iri }))}</p><p>${escapeHtml(i18n.t('page.notFoundHint'))} <a href="${escapeHtml(i18n.href('/search'))}">${escapeHtml(i18n.t('site.search'))}</a> · <a href="${escapeHtml(context.explorerPath)}">${escapeHtml(i18n.t('site.explorer'))}</a> · <a href="/yasgui">SPARQL</a></p>`,
  });
}

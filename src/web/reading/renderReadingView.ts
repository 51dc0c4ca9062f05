/** The reading view of a resolution: laid out as the document (header, preamble, operative part
 *  with sub-paragraphs, footnotes), in the reader's language when the text exists in it, with
 *  the other language a click away; links marked in the text with their evidence; every
 *  paragraph linking to its own page. */
import type { Translator } from '../../i18n';
import { escapeHtml, hrefForIri, htmlDocument } from '../../linkeddata';
import { resolutionDownloads } from '../downloads';
import { markedText, type TextMark, type TextMarker } from './markedText';
import type { DocumentPart, LinkEvidence, PartText, ResolutionReading } from './readResolution';

export const READ_PATH = '/read';
export const TIMELINE_PATH = '/timeline';
export const NETWORK_PATH = '/network';

export interface ReadingContext {
  i18n: Translator;
  base: string;
  /** The page's own path and query (for the language switch). */
  self: string;
  /** The reader's preferred languages, best first. */
  languages: readonly string[];
}

/** The path of the reading view of a document symbol. */
export const readPath = (symbol: string): string => `${READ_PATH}/${symbol.split('/').map(encodeURIComponent).join('/')}`;

/** "op/2" → "op-2": the anchor of a part in the reading view. */
export function partAnchor(partIri: string, documentIri: string): string {
  return partIri.startsWith(`${documentIri}/`) ? partIri.slice(documentIri.length + 1).replace(/\//g, '-') : encodeURIComponent(partIri);
}

/** The language the text is read in: the interface's when the resolution has it, else the source's. */
export function textLanguage(reading: ResolutionReading, wanted: string): string {
  const all = [...reading.preamble, ...reading.operative].flatMap((p) => p.texts.map((t) => t.language));
  if (all.includes(wanted)) return wanted;
  return reading.sourceLanguage && all.includes(reading.sourceLanguage) ? reading.sourceLanguage : (all[0] ?? wanted);
}

const pick = (texts: readonly PartText[], language: string): PartText | undefined =>
  texts.find((t) => t.language === language) ?? texts.find((t) => t.language === '') ?? texts[0];

function evidenceLine(e: LinkEvidence, context: ReadingContext, reading: ResolutionReading, footnoteNumber: (iri: string) => string): string {
  const { i18n } = context;
  const label = reading.labels.get(e.target)?.label ?? e.target;
  const details = [
    e.matchedText !== undefined ? escapeHtml(i18n.t('evidence.matched', { text: e.matchedText })) : '',
    e.footnote ? escapeHtml(i18n.t('evidence.footnote', { number: footnoteNumber(e.footnote) })) : '',
    e.score !== undefined ? escapeHtml(i18n.t('evidence.score', { score: e.score.toFixed(2) })) : '',
    e.extractor ? escapeHtml(i18n.t('evidence.extractor', { extractor: e.extractor })) : '',
  ].filter(Boolean);
  return `<span class="tip-line"><strong>${escapeHtml(i18n.t(`evidence.${e.kind}`))}</strong> → <span class="tip-target">${escapeHtml(label)}</span>${details.length ? `<br>${details.join(' · ')}` : ''}</span>`;
}

function partText(part: DocumentPart, language: string, reading: ResolutionReading, context: ReadingContext, footnoteNumber: (iri: string) => string): string {
  const text = pick(part.texts, language);
  if (!text) return '';
  const inSource = part.texts.length === 1 || !reading.sourceLanguage || text.language === reading.sourceLanguage;
  const href = (iri: string) => {
    const link = hrefForIri(iri, context.base);
    return link?.startsWith('/') ? context.i18n.href(link) : link;
  };
  const marks: TextMark[] = [];
  for (const e of part.evidence) {
    if (e.footnote || e.matchedText === undefined) continue;
    let start = e.start;
    let end = e.end;
    if (start === undefined || end === undefined || text.value.slice(start, end) !== e.matchedText) {
      start = text.value.indexOf(e.matchedText);
      end = start + e.matchedText.length;
    }
    if (start < 0) continue;
    marks.push({ start, end, href: href(e.target), className: `ref-${e.kind}`, tip: evidenceLine(e, context, reading, footnoteNumber) });
  }
  const anchor = partAnchor(part.iri, reading.iri);
  const markers: TextMarker[] = [];
  for (const footnote of part.footnotes) {
    const n = footnoteNumber(footnote);
    const placed = part.evidence.find((e) => e.footnote === footnote && e.markerOffset !== undefined);
    const at = inSource && placed?.markerOffset !== undefined ? placed.markerOffset : text.value.length;
    markers.push({
      at,
      html: `<sup class="fn-ref"><a href="#fn-${escapeHtml(n)}" id="fnref-${anchor}-${escapeHtml(n)}" aria-label="${escapeHtml(context.i18n.t('page.footnote'))} ${escapeHtml(n)}">${escapeHtml(n)}</a></sup>`,
    });
  }
  const emphasis = inSource ? part.clauseVerbs.filter((v) => text.value.slice(v.start, v.end) === v.text) : [];
  return `<span class="text" lang="${escapeHtml(text.language)}">${markedText({ text: text.value, marks, emphasis, markers, idPrefix: `tip-${anchor}` })}</span>`;
}

function otherTexts(part: DocumentPart, language: string, context: ReadingContext): string {
  const shown = pick(part.texts, language);
  return part.texts
    .filter((t) => t !== shown)
    .map(
      (t) =>
        `<details class="other-text"><summary>${escapeHtml(context.i18n.t('read.otherLanguage', { language: context.i18n.languageName(t.language) }))}</summary><p lang="${escapeHtml(t.language)}">${escapeHtml(t.value)}</p></details>`,
    )
    .join('');
}

function partHtml(part: DocumentPart, language: string, reading: ResolutionReading, context: ReadingContext, footnoteNumber: (iri: string) => string): string {
  const { i18n } = context;
  const anchor = partAnchor(part.iri, reading.iri);
  const page = hrefForIri(part.iri, context.base);
  const shortName = anchor.replace(/-/g, '/');
  const label = part.kind === 'operative' ? `${part.number}.` : part.kind === 'subparagraph' ? `${part.number})` : `¶ ${part.number}`;
  const number = page
    ? `<a class="num" href="${escapeHtml(i18n.href(page))}" title="${escapeHtml(i18n.t('read.paragraphPage', { label: shortName }))}">${escapeHtml(label)}</a>`
    : `<span class="num">${escapeHtml(label)}</span>`;
  const children = part.children.length
    ? `<ol class="subparagraphs">${part.children.map((c) => `<li>${partHtml(c, language, reading, context, footnoteNumber)}</li>`).join('')}</ol>`
    : '';
  return `<div class="part part-${part.kind}" id="${anchor}" data-iri="${escapeHtml(part.iri)}">${number}<div class="body"><p>${partText(part, language, reading, context, footnoteNumber)}</p>${otherTexts(part, language, context)}${children}</div></div>`;
}

function headerHtml(reading: ResolutionReading, language: string, context: ReadingContext): string {
  const { i18n } = context;
  const link = (iri: string | undefined) => {
    if (!iri) return '';
    const label = escapeHtml(reading.labels.get(iri)?.label ?? iri);
    const href = hrefForIri(iri, context.base);
    return href ? `<a href="${escapeHtml(href.startsWith('/') ? i18n.href(href) : href)}">${label}</a>` : label;
  };
  const rows: Array<[string, string]> = [];
  if (reading.organ) rows.push([i18n.t('read.organ'), link(reading.organ)]);
  const session = pick(reading.session, language);
  if (session) rows.push([i18n.t('read.session'), `<span lang="${escapeHtml(session.language)}">${escapeHtml(session.value)}</span>`]);
  if (reading.agendaItem) rows.push([i18n.t('read.agendaItem'), escapeHtml(reading.agendaItem)]);
  if (reading.date) rows.push([i18n.t('read.adopted'), `<time datetime="${escapeHtml(reading.date)}">${escapeHtml(i18n.date(reading.date))}</time>`]);
  if (reading.distributionDate)
    rows.push([
      i18n.t('read.distributed'),
      `<time datetime="${escapeHtml(reading.distributionDate)}">${escapeHtml(i18n.date(reading.distributionDate))}</time>`,
    ]);
  if (reading.recommendedBy) rows.push([i18n.t('read.recommendedBy'), link(reading.recommendedBy)]);
  if (reading.basedOn) rows.push([i18n.t('read.basedOn'), link(reading.basedOn)]);
  if (reading.plenaryMeeting) rows.push([i18n.t('read.meeting'), escapeHtml(reading.plenaryMeeting)]);
  return `<dl class="doc-header" aria-label="${escapeHtml(i18n.t('read.header'))}">${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

export function renderReadingView(reading: ResolutionReading, context: ReadingContext): string {
  const { i18n } = context;
  const language = textLanguage(reading, i18n.lang);
  const footnoteNumbers = new Map(reading.footnotes.map((f) => [f.iri, f.number]));
  const footnoteNumber = (iri: string) => footnoteNumbers.get(iri) ?? iri.slice(iri.lastIndexOf('/') + 1);
  const title = pick(reading.titles, language);
  const formula = pick(reading.enactingFormula, language);
  const notice = language !== i18n.lang ? `<p class="notice">${escapeHtml(i18n.t('read.onlyIn', { language: i18n.languageName(language) }))}</p>` : '';
  const parts = (list: DocumentPart[]) => list.map((p) => partHtml(p, language, reading, context, footnoteNumber)).join('\n');
  const backRefs = (footnote: DocumentPart) =>
    [...reading.preamble, ...reading.operative]
      .flatMap(function all(p): DocumentPart[] {
        return [p, ...p.children.flatMap(all)];
      })
      .filter((p) => p.footnotes.includes(footnote.iri))
      .map(
        (p) =>
          `<a class="back" href="#fnref-${partAnchor(p.iri, reading.iri)}-${escapeHtml(footnote.number)}" title="${escapeHtml(i18n.t('read.backToText'))}">↩ ${escapeHtml(partAnchor(p.iri, reading.iri).replace(/-/g, '/'))}</a>`,
      )
      .join(' ');
  const footnotes = reading.footnotes.length
    ? `<section class="footnotes" aria-labelledby="footnotes-title"><h2 id="footnotes-title">${escapeHtml(i18n.t('read.footnotes'))}</h2><ol>${reading.footnotes
        .map((f) => {
          const page = hrefForIri(f.iri, context.base);
          return `<li id="fn-${escapeHtml(f.number)}" value="${escapeHtml(f.number)}" data-iri="${escapeHtml(f.iri)}"><p>${partText(f, language, reading, context, footnoteNumber)} ${backRefs(f)}${page ? ` <a class="page" href="${escapeHtml(i18n.href(page))}">¶</a>` : ''}</p>${otherTexts(f, language, context)}</li>`;
        })
        .join('')}</ol></section>`
    : '';
  const dataPage = hrefForIri(reading.iri, context.base);
  const actions = [
    `<a href="${escapeHtml(i18n.href(`${TIMELINE_PATH}?iri=${encodeURIComponent(reading.iri)}`))}">${escapeHtml(i18n.t('read.timeline'))}</a>`,
    `<a href="${escapeHtml(i18n.href(`${NETWORK_PATH}?focus=${encodeURIComponent(reading.iri)}`))}">${escapeHtml(i18n.t('read.network'))}</a>`,
    `<a href="${escapeHtml(i18n.href(`/explore?document=${encodeURIComponent(reading.symbol)}`))}">${escapeHtml(i18n.t('read.explore'))}</a>`,
    dataPage ? `<a href="${escapeHtml(i18n.href(dataPage))}">${escapeHtml(i18n.t('read.data'))}</a>` : '',
  ].filter(Boolean);
  const downloads = resolutionDownloads(reading.iri, reading.symbol)
    .map((d) => `<a class="button" href="${escapeHtml(d.href)}" download="${escapeHtml(d.file)}">${escapeHtml(i18n.t(d.key))}</a>`)
    .join('');
  const body = `<article class="reading" data-iri="${escapeHtml(reading.iri)}">
<p class="symbol">${escapeHtml(reading.symbol)}</p>
<h1${title ? ` lang="${escapeHtml(title.language)}"` : ''}>${escapeHtml(title?.value ?? reading.symbol)}</h1>
${headerHtml(reading, language, context)}
<nav class="actions">${actions.join('')}</nav>
<p class="downloads"><span class="muted">${escapeHtml(i18n.t('read.downloads'))}:</span> ${downloads}</p>
${notice}
<p class="legend muted">${escapeHtml(i18n.t('read.legend'))}</p>
${formula ? `<p class="formula" lang="${escapeHtml(formula.language)}">${escapeHtml(formula.value)}</p>` : ''}
<section class="preamble" aria-label="${escapeHtml(i18n.t('read.preamble'))}">
${parts(reading.preamble)}
</section>
<section class="operative" aria-label="${escapeHtml(i18n.t('read.operative'))}">
${parts(reading.operative)}
</section>
${footnotes}
</article>`;
  return htmlDocument({
    title: `${i18n.t('read.title', { symbol: reading.symbol })} — ${i18n.t('site.name')}`,
    lang: i18n.lang,
    body,
    i18n,
    self: context.self,
    head: `<link rel="stylesheet" href="/assets/workbench.css">`,
  });
}

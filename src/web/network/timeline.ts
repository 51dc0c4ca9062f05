/** A timeline of citations: what a resolution cites, placed by the date of each cited
 *  instrument, and the resolutions that cite an instrument, by their dates; with the number of
 *  citing paragraphs. Drawn on the server as SVG (no script), in a fixed order: by date, then
 *  label, then IRI. */
import type { Translator } from '../../i18n';
import type { GraphStore } from '../../graph';
import { escapeHtml, hrefForIri, resourceLabels, sparqlIri } from '../../linkeddata';
import { NS, readerKind, type ReaderKind } from '../../vocab';
import { TIMELINE_LABEL_LENGTH } from '../limits';

export interface TimelineItem {
  iri: string;
  label: string;
  kind: ReaderKind;
  date?: string;
  paragraphs: number;
  href?: string;
}

export interface Timeline {
  iri: string;
  label: string;
  date?: string;
  cites: TimelineItem[];
  citedBy: TimelineItem[];
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const timelineOrder = (a: TimelineItem, b: TimelineItem): number =>
  byCodeUnits(a.date ?? '9999', b.date ?? '9999') || a.label.localeCompare(b.label, 'en', { numeric: true }) || byCodeUnits(a.iri, b.iri);

export async function citationTimeline(store: GraphStore, iri: string, languages: readonly string[], base: string): Promise<Timeline | undefined> {
  const x = sparqlIri(iri);
  const e = (name: string) => sparqlIri(name);
  const notFootnote = `FILTER NOT EXISTS { ?part a ${e(`${NS.unkg}Footnote`)} }`;
  const [cites, citedBy, own] = await Promise.all([
    store.select(`SELECT ?item (COUNT(DISTINCT ?part) AS ?n) (MIN(?d) AS ?date) WHERE {
  ?part ${e(`${NS.eli}is_part_of`)}+ ${x} ; ${e(`${NS.eli}cites`)} ?item . ${notFootnote}
  FILTER(isIRI(?item) && ?item != ${x})
  OPTIONAL { ?item ${e(`${NS.eli}date_document`)} ?d } } GROUP BY ?item`),
    store.select(`SELECT ?item (COUNT(DISTINCT ?part) AS ?n) (MIN(?d) AS ?date) WHERE {
  ?part ${e(`${NS.eli}cites`)} ${x} ; ${e(`${NS.eli}is_part_of`)}+ ?item . ${notFootnote}
  ?item a ${e(`${NS.unkg}Resolution`)} . FILTER(?item != ${x})
  OPTIONAL { ?item ${e(`${NS.eli}date_document`)} ?d } } GROUP BY ?item`),
    store.select(`SELECT (MIN(?d) AS ?date) WHERE { ${x} ${e(`${NS.eli}date_document`)} ?d }`),
  ]);
  const rows = (r: typeof cites) => r.results.bindings.map((b) => ({ iri: b.item.value, paragraphs: Number(b.n.value), date: b.date?.value }));
  const [out, into] = [rows(cites), rows(citedBy)];
  if (out.length === 0 && into.length === 0 && !(await store.ask(`ASK { { ${x} ?p ?o } UNION { ?s ?p ${x} } }`))) return undefined;
  const labels = await resourceLabels(store, [iri, ...out.map((r) => r.iri), ...into.map((r) => r.iri)], languages, base);
  const item = (r: { iri: string; paragraphs: number; date?: string }): TimelineItem => {
    const label = labels.get(r.iri);
    const href = hrefForIri(r.iri, base);
    return {
      iri: r.iri,
      label: label?.label ?? r.iri,
      kind: readerKind(r.iri, label?.types ?? []),
      paragraphs: r.paragraphs,
      ...(r.date ? { date: r.date } : {}),
      ...(href ? { href } : {}),
    };
  };
  const date = own.results.bindings[0]?.date?.value;
  return {
    iri,
    label: labels.get(iri)?.label ?? iri,
    ...(date ? { date } : {}),
    cites: out.map(item).sort(timelineOrder),
    citedBy: into.map(item).sort(timelineOrder),
  };
}

/** SVG geometry. */
const WIDTH = 960;
const LEFT = 24;
const RIGHT = 24;
const TOP = 36;
const ROW = 30;

const yearOf = (date: string): number => {
  const [y, m = '1', d = '1'] = date.split('-');
  return Number(y) + (Number(m) - 1) / 12 + (Number(d) - 1) / 365;
};

function timelineSvg(items: TimelineItem[], own: { label: string; date?: string }, i18n: Translator, id: string, title: string): string {
  const dated = items.filter((i) => i.date);
  if (dated.length === 0) return `<p class="muted">${escapeHtml(i18n.t('timeline.none'))}</p>`;
  const years = [...dated.map((i) => yearOf(i.date!)), ...(own.date ? [yearOf(own.date)] : [])];
  const from = Math.floor(Math.min(...years));
  const to = Math.ceil(Math.max(...years)) + 1;
  const scale = (year: number) => LEFT + ((year - from) / Math.max(1, to - from)) * (WIDTH - LEFT - RIGHT);
  const height = TOP + ROW * dated.length + 16;
  const step = Math.max(1, Math.ceil((to - from) / 12));
  const ticks: string[] = [];
  for (let y = from; y <= to; y += step)
    ticks.push(
      `<g class="tick"><line x1="${scale(y)}" x2="${scale(y)}" y1="${TOP - 12}" y2="${height}"/><text x="${scale(y)}" y="${TOP - 18}" text-anchor="middle">${y}</text></g>`,
    );
  const ownLine = own.date
    ? `<g class="own"><line x1="${scale(yearOf(own.date))}" x2="${scale(yearOf(own.date))}" y1="${TOP - 12}" y2="${height}"/><text x="${scale(yearOf(own.date)) + (scale(yearOf(own.date)) > WIDTH * 0.6 ? -4 : 4)}" y="${height - 4}" text-anchor="${scale(yearOf(own.date)) > WIDTH * 0.6 ? 'end' : 'start'}">${escapeHtml(own.label)}</text></g>`
    : '';
  const rows = dated.map((item, n) => {
    const x = scale(yearOf(item.date!));
    const y = TOP + ROW * n + ROW / 2;
    const r = 4 + Math.min(8, Math.sqrt(item.paragraphs) * 2);
    const anchor = x > WIDTH * 0.6 ? 'end' : 'start';
    const tx = anchor === 'end' ? x - r - 6 : x + r + 6;
    const text = `${item.label} · ${i18n.date(item.date!)} · ${i18n.t('timeline.paragraphs', { count: item.paragraphs })}`;
    const name = item.label.length > TIMELINE_LABEL_LENGTH ? `${item.label.slice(0, TIMELINE_LABEL_LENGTH - 1)}…` : item.label;
    const label = `<text x="${tx}" y="${y + 4}" text-anchor="${anchor}">${escapeHtml(`${name} · ${i18n.date(item.date!)} · ${i18n.t('timeline.paragraphs', { count: item.paragraphs })}`)}</text>`;
    const dot = `<circle class="kind-${item.kind}" cx="${x}" cy="${y}" r="${r}"><title>${escapeHtml(text)}</title></circle>`;
    const body = item.href ? `<a href="${escapeHtml(item.href.startsWith('/') ? i18n.href(item.href) : item.href)}">${dot}${label}</a>` : `${dot}${label}`;
    return `<g class="item" data-iri="${escapeHtml(item.iri)}" data-date="${escapeHtml(item.date!)}">${body}</g>`;
  });
  return `<svg class="timeline" id="${id}" viewBox="0 0 ${WIDTH} ${height}" width="100%" aria-label="${escapeHtml(title)}" xmlns="http://www.w3.org/2000/svg">${ticks.join('')}${ownLine}${rows.join('')}</svg>`;
}

function undatedList(items: TimelineItem[], i18n: Translator): string {
  const undated = items.filter((i) => !i.date);
  if (undated.length === 0) return '';
  return `<h3>${escapeHtml(i18n.t('timeline.undated'))}</h3><ul class="undated">${undated
    .map((i) => {
      const label = escapeHtml(i.label);
      const link = i.href ? `<a href="${escapeHtml(i.href.startsWith('/') ? i18n.href(i.href) : i.href)}">${label}</a>` : label;
      return `<li data-iri="${escapeHtml(i.iri)}"><span class="kind">${escapeHtml(i18n.t(`kind.${i.kind}`))}</span> ${link} <span class="muted">${escapeHtml(i18n.t('timeline.paragraphs', { count: i.paragraphs }))}</span></li>`;
    })
    .join('')}</ul>`;
}

export function timelineSections(timeline: Timeline, i18n: Translator): string {
  const own = { label: timeline.label, ...(timeline.date ? { date: timeline.date } : {}) };
  const section = (items: TimelineItem[], key: 'timeline.cites' | 'timeline.citedBy', id: string) =>
    items.length
      ? `<section class="timeline-section" id="${id}-section"><h2>${escapeHtml(i18n.t(key, { label: timeline.label }))}</h2>${timelineSvg(items, own, i18n, id, i18n.t(key, { label: timeline.label }))}${undatedList(items, i18n)}</section>`
      : '';
  return section(timeline.cites, 'timeline.cites', 'cites') + section(timeline.citedBy, 'timeline.citedBy', 'cited-by');
}

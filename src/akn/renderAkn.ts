/** One expression of a resolution as Akoma Ntoso 3.0 XML, following AKN4UN (the UN System's
 *  guidelines, https://unsceb-hlcm.github.io/):
 *
 *  - document class: a resolution is `<statement name="resolution">` (part 2, "Document Class:
 *    Deliberative Documents": AKN type statement, AKN4UN document type deliberation, subclass
 *    and @name resolution), whose main content is `<mainBody>` (part 1, §2.2.5);
 *  - `<preface>` holds the identification part (symbol, organ, date, number and title);
 *    `<preamble>` the enacting formula (`<formula name="enactingFormula">`) and one
 *    `<container>` per preambular paragraph, named after its preambular phrase, the clause
 *    verb that opens it (`name="recalling"`; part 2, "Basic Structures": preamble content is
 *    grouped in containers with a required @name); `<mainBody>` the numbered operative
 *    `<paragraph>`s, their sub-paragraphs a `<list>` of `<point>`s; `<conclusions>` the
 *    closing meeting line;
 *  - footnotes are `<authorialNote marker="n" placement="bottom">` where their marker stands;
 *    a footnote the text points to again is a `<noteRef>` to the first note;
 *  - citations are `<ref href>` to the cited thing's IRI; named organisations, posts, events,
 *    plans and publications are `<organization>`, `<role>`, `<event>`, `<concept>` with
 *    @refersTo their TLC entry in `<references>`;
 *  - eIds follow the Akoma Ntoso naming convention (OASIS AKN-NC 1.0 §"Element identifiers"):
 *    the ancestors' eIds, `__`, the element's abbreviation and its number: `para_7`,
 *    `para_7__list_1__point_a`, `preamble__para_6__list_1__item_a`. Preambular paragraphs are
 *    numbered by position, as the graph numbers them (`{doc}/pp/{n}` ↔ `preamble__para_{n}`).
 *
 *  Deterministic: the same graph gives the same bytes. */
import { aknIris, aknLanguage } from './aknIris';
import type { AknEntity, AknFootnote, AknMarker, AknParagraph, AknResolution, AknSpan } from './model';
import { attributes, escapeText } from './xml';

export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/** The TLC entry of whoever marked the document up (identification/@source). */
export interface AknPublisher {
  eId: string;
  href: string;
  showAs: string;
}

export interface RenderOptions {
  publisher: AknPublisher;
}

const TLC_ELEMENT: Record<AknEntity['kind'], string> = {
  organization: 'TLCOrganization',
  role: 'TLCRole',
  event: 'TLCEvent',
  concept: 'TLCConcept',
  reference: 'TLCReference',
};

/** Sub-paragraph labels as each language prints them: "a)" in French, "(a)" in English. */
const subLabel = (language: string, n: string): string => (language === 'fr' ? `${n})` : `(${n})`);

/** Renders inline content: the text with its evidence spans as elements and its footnote
 *  markers as notes. Spans that cross another's boundary (neither contains the other) cannot
 *  nest in XML: the later one is left unmarked. */
function inline(text: string, spans: readonly AknSpan[], markers: readonly AknMarker[], note: (n: number) => string): string {
  const kept: AknSpan[] = [];
  const open: AknSpan[] = [];
  for (const s of [...spans].filter((x) => x.end > x.start).sort((a, b) => a.start - b.start || b.end - a.end)) {
    while (open.length && open[open.length - 1].end <= s.start) open.pop();
    const parent = open[open.length - 1];
    if (parent && s.end > parent.end) continue;
    kept.push(s);
    open.push(s);
  }
  type Event = { at: number; order: number; rank: number; render: () => string };
  const events: Event[] = [];
  kept.forEach((s, i) => {
    events.push({ at: s.start, order: 2, rank: i, render: () => openTag(s) });
    events.push({ at: s.end, order: 0, rank: -i, render: () => closeTag(s) });
  });
  markers.forEach((m, i) => events.push({ at: m.offset, order: 1, rank: i, render: () => note(m.n) }));
  events.sort((a, b) => a.at - b.at || a.order - b.order || a.rank - b.rank);
  let out = '';
  let pos = 0;
  for (const e of events) {
    out += escapeText(text.slice(pos, e.at));
    pos = e.at;
    out += e.render();
  }
  return out + escapeText(text.slice(pos));
}

function openTag(s: AknSpan): string {
  const e = s.entity;
  if (s.relation === 'cites') return `<ref${attributes({ href: e.iri })}>`;
  if (e.kind === 'reference') return `<entity${attributes({ name: e.name, refersTo: `#${e.eId}` })}>`;
  return `<${e.kind}${attributes({ refersTo: `#${e.eId}` })}>`;
}

function closeTag(s: AknSpan): string {
  if (s.relation === 'cites') return '</ref>';
  return s.entity.kind === 'reference' ? '</entity>' : `</${s.entity.kind}>`;
}

class Writer {
  private readonly lines: string[] = [];
  private depth = 0;
  line(s: string): void {
    this.lines.push(`${'  '.repeat(this.depth)}${s}`);
  }
  open(tag: string, attrs: Record<string, string | number | undefined> = {}): void {
    this.line(`<${tag}${attributes(attrs)}>`);
    this.depth++;
  }
  close(tag: string): void {
    this.depth--;
    this.line(`</${tag}>`);
  }
  empty(tag: string, attrs: Record<string, string | number | undefined>): void {
    this.line(`<${tag}${attributes(attrs)}/>`);
  }
  text(tag: string, content: string, attrs: Record<string, string | number | undefined> = {}): void {
    this.line(`<${tag}${attributes(attrs)}>${content}</${tag}>`);
  }
  toString(): string {
    return this.lines.join('\n') + '\n';
  }
}

/** Ordinal of a plenary meeting as the UN prints it: "40e séance plénière", "40th plenary meeting". */
function meetingLine(language: string, n: number): string {
  if (language === 'fr') return `${n}<sup>e</sup> séance plénière`;
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix} plenary meeting`;
}

function longDate(language: string, date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

export function renderAkn(r: AknResolution, options: RenderOptions): string {
  const w = new Writer();
  const iris = aknIris({ organ: r.organ?.iri, date: r.date, number: r.number, symbol: r.symbol, language: r.language });
  const author = r.organ ? `#${r.organ.eId}` : `#${options.publisher.eId}`;
  const footnotes = new Map<number, AknFootnote>(r.footnotes.map((f) => [f.n, f]));
  /** eId of the note already written for each footnote number. */
  const written = new Map<number, string>();

  /** Inline content of a paragraph whose element has eId `owner`. */
  const content = (p: AknParagraph, owner: string): string => {
    let k = 0;
    return inline(p.text, p.spans, p.markers, (n) => {
      const first = written.get(n);
      if (first) return `<noteRef${attributes({ href: `#${first}`, marker: n, placement: 'bottom' })}/>`;
      const eId = `${owner}__authorialNote_${++k}`;
      written.set(n, eId);
      const f = footnotes.get(n);
      const body = f ? inline(f.text, f.spans, [], () => '') : '';
      return `<authorialNote${attributes({ marker: n, placement: 'bottom', eId })}><p>${body}</p></authorialNote>`;
    });
  };

  w.line('<?xml version="1.0" encoding="UTF-8"?>');
  w.open('akomaNtoso', { xmlns: AKN_NAMESPACE });
  w.open('statement', { name: 'resolution' });

  // Metadata: FRBR identification and the TLC entries of everything the text cites or names.
  w.open('meta');
  w.open('identification', { source: `#${options.publisher.eId}` });
  w.open('FRBRWork');
  w.empty('FRBRthis', { value: iris.workThis });
  w.empty('FRBRuri', { value: iris.work });
  w.empty('FRBRalias', { value: r.symbol, name: 'UNSymbol' });
  w.empty('FRBRalias', { value: r.iri, name: 'linkedData' });
  w.empty('FRBRdate', { date: r.date ?? r.distributionDate, name: 'adoption' });
  w.empty('FRBRauthor', { href: author, as: '#author' });
  w.empty('FRBRcountry', { value: 'un' });
  w.empty('FRBRsubtype', { value: 'deliberation' });
  if (r.number) w.empty('FRBRnumber', { value: r.number });
  w.empty('FRBRname', { value: 'resolution' });
  w.close('FRBRWork');
  w.open('FRBRExpression');
  w.empty('FRBRthis', { value: iris.expressionThis });
  w.empty('FRBRuri', { value: iris.expression });
  w.empty('FRBRdate', { date: r.date ?? r.distributionDate, name: 'adoption' });
  w.empty('FRBRauthor', { href: author, as: '#author' });
  w.empty('FRBRlanguage', { language: aknLanguage(r.language) });
  w.close('FRBRExpression');
  w.open('FRBRManifestation');
  w.empty('FRBRthis', { value: iris.manifestationThis });
  w.empty('FRBRuri', { value: iris.manifestation });
  w.empty('FRBRdate', { date: r.distributionDate ?? r.date, name: 'distribution' });
  w.empty('FRBRauthor', { href: `#${options.publisher.eId}`, as: '#editor' });
  w.empty('FRBRformat', { value: 'application/akn+xml' });
  w.close('FRBRManifestation');
  w.close('identification');
  w.open('references', { source: `#${options.publisher.eId}` });
  w.empty('TLCOrganization', { eId: options.publisher.eId, href: options.publisher.href, showAs: options.publisher.showAs });
  for (const e of r.entities) w.empty(TLC_ELEMENT[e.kind], { eId: e.eId, href: e.iri, showAs: e.showAs, name: e.kind === 'reference' ? e.name : undefined });
  w.close('references');
  w.close('meta');

  w.open('preface');
  w.text('p', `<docNumber>${escapeText(r.symbol)}</docNumber>`);
  if (r.organ) w.text('p', `<docAuthority${attributes({ refersTo: `#${r.organ.eId}` })}>${escapeText(r.organ.showAs)}</docAuthority>`);
  if (r.distributionDate) w.text('p', `<docDate${attributes({ date: r.distributionDate })}>${escapeText(longDate(r.language, r.distributionDate))}</docDate>`);
  if (r.session) w.text('p', escapeText(r.session));
  w.text('p', `${r.number ? `<docNumber>${escapeText(r.number)}.</docNumber> ` : ''}<docTitle>${escapeText(r.title ?? r.symbol)}</docTitle>`);
  w.close('preface');

  w.open('preamble');
  if (r.enactingFormula) {
    w.open('formula', { name: 'enactingFormula', eId: 'preamble__formula_1' });
    w.text('p', escapeText(r.enactingFormula));
    w.close('formula');
  }
  const blockList = (items: readonly AknParagraph[], owner: string, intro: string) => {
    const list = `${owner}__list_1`;
    w.open('blockList', { eId: list });
    w.text('listIntroduction', intro);
    for (const s of items) {
      const eId = `${list}__item_${s.number}`;
      w.open('item', { eId });
      w.text('num', escapeText(subLabel(r.language, s.number)));
      if (s.subparagraphs.length) blockList(s.subparagraphs, eId, content(s, eId));
      else w.text('p', content(s, eId));
      w.close('item');
    }
    w.close('blockList');
  };
  for (const p of r.preambular) {
    const eId = `preamble__para_${p.number}`;
    w.open('container', { name: p.phrase ?? 'preambularParagraph', eId });
    if (p.subparagraphs.length) blockList(p.subparagraphs, eId, content(p, eId));
    else w.text('p', content(p, eId));
    w.close('container');
  }
  w.close('preamble');

  w.open('mainBody');
  /** An operative <paragraph> or a <point>: its number, then its text as <content>, or as the
   *  <intro> of a <list> of its sub-paragraphs. */
  const hierarchical = (tag: 'paragraph' | 'point', p: AknParagraph, eId: string, num: string) => {
    w.open(tag, { eId });
    w.text('num', escapeText(num));
    if (p.subparagraphs.length) {
      const list = `${eId}__list_1`;
      w.open('list', { eId: list });
      w.open('intro');
      w.text('p', content(p, eId));
      w.close('intro');
      for (const s of p.subparagraphs) hierarchical('point', s, `${list}__point_${s.number}`, subLabel(r.language, s.number));
      w.close('list');
    } else {
      w.open('content');
      w.text('p', content(p, eId));
      w.close('content');
    }
    w.close(tag);
  };
  for (const p of r.operative) hierarchical('paragraph', p, `para_${p.number}`, `${p.number}.`);
  w.close('mainBody');

  if (r.plenaryMeeting !== undefined || r.date) {
    w.open('conclusions');
    if (r.plenaryMeeting !== undefined) w.text('p', meetingLine(r.language, r.plenaryMeeting));
    if (r.date) w.text('p', `<docDate${attributes({ date: r.date })}>${escapeText(longDate(r.language, r.date))}</docDate>`);
    w.close('conclusions');
  }

  w.close('statement');
  w.close('akomaNtoso');
  return w.toString();
}

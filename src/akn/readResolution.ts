/** The graph of a resolution → the model of one Akoma Ntoso expression. Works on the quads the
 *  store holds (the document's parts, the evidence of their links, the names and types of what
 *  they link to), so every resolution the service holds can be written, whichever way it was
 *  loaded. Pure: no I/O. */
import { Store, type Quad } from 'n3';
import type { Quad as RdfQuad, Term } from '@rdfjs/types';
import { NS } from '../vocab';
import type { AknEntity, AknEntityKind, AknFootnote, AknMarker, AknParagraph, AknResolution, AknSpan } from './model';

const RDF_TYPE = `${NS.rdf}type`;
const TEXT = `${NS.schema}text`;
const PART = `${NS.eli}has_part`;
const CITING = `${NS.cito}hasCitingEntity`;
const CITED = `${NS.cito}hasCitedEntity`;
const U = NS.unkg;

/** rdf:types of a linked thing → how its mention is marked up (first match wins). */
const MENTION_KINDS: ReadonlyArray<[string, AknEntityKind, string]> = [
  [`${NS.org}Post`, 'role', 'post'],
  [`${NS.org}FormalOrganization`, 'organization', 'organization'],
  [`${NS.org}Organization`, 'organization', 'organization'],
  [`${NS.schema}Event`, 'event', 'event'],
  [`${U}Plan`, 'concept', 'plan'],
  [`${U}Publication`, 'concept', 'publication'],
];

/** rdf:types of a cited thing → the name of its TLCReference (first match wins). */
const CITED_NAMES: ReadonlyArray<[string, string]> = [
  [`${U}Resolution`, 'resolution'],
  [`${U}Treaty`, 'treaty'],
  [`${NS.sdgo}Target`, 'sdgTarget'],
  [`${NS.sdgo}Goal`, 'sdgGoal'],
  [`${NS.eli}LegalResource`, 'document'],
];

export class AknReadError extends Error {
  override readonly name = 'AknReadError';
}

/** A quad index over one resolution's quads. */
class Graph {
  private readonly store: Store;
  constructor(quads: Iterable<RdfQuad>) {
    this.store = new Store();
    for (const q of quads) this.store.addQuad(q as Quad);
  }
  objects(s: string, p: string): Term[] {
    return this.store.getObjects(s, p, null);
  }
  subjects(p: string, o: string): string[] {
    return this.store.getSubjects(p, o, null).map((t) => t.value);
  }
  iris(s: string, p: string): string[] {
    return [
      ...new Set(
        this.objects(s, p)
          .filter((t) => t.termType === 'NamedNode')
          .map((t) => t.value),
      ),
    ].sort();
  }
  value(s: string, p: string): string | undefined {
    return this.objects(s, p).find((t) => t.termType === 'Literal')?.value;
  }
  number(s: string, p: string): number | undefined {
    const v = this.value(s, p);
    return v === undefined ? undefined : Number(v);
  }
  /** The literal in `language`, else an untagged one when `untagged` is allowed. */
  text(s: string, p: string, language: string, untagged = false): string | undefined {
    const literals = this.objects(s, p).filter((t) => t.termType === 'Literal') as Array<Term & { language: string }>;
    return (literals.find((l) => l.language === language) ?? (untagged ? literals.find((l) => l.language === '') : undefined))?.value;
  }
  languages(s: string, p: string): string[] {
    return (this.objects(s, p).filter((t) => t.termType === 'Literal') as Array<Term & { language: string }>).map((l) => l.language).filter(Boolean);
  }
  has(s: string, p: string, o: string): boolean {
    return this.store.countQuads(s, p, o, null) > 0;
  }
}

const byPosition = (g: Graph) => (a: string, b: string) =>
  (g.number(a, `${U}position`) ?? 0) - (g.number(b, `${U}position`) ?? 0) || (a < b ? -1 : a > b ? 1 : 0);

function partsOfType(g: Graph, parent: string, type: string): string[] {
  return g
    .iris(parent, PART)
    .filter((p) => g.has(p, RDF_TYPE, type))
    .sort(byPosition(g));
}

/** Every paragraph and footnote of the document, sub-paragraphs included. */
function textParts(g: Graph, iri: string): string[] {
  const out: string[] = [];
  const visit = (p: string) => {
    out.push(p);
    for (const s of partsOfType(g, p, `${U}SubParagraph`)) visit(s);
  };
  for (const type of ['PreambularParagraph', 'OperativeParagraph', 'Footnote']) for (const p of partsOfType(g, iri, `${U}${type}`)) visit(p);
  return out;
}

function languagesOf(g: Graph, iri: string): { original: string; available: string[] } {
  const parts = textParts(g, iri);
  const original = g.value(iri, `${NS.dcterms}language`) ?? g.languages(parts[0] ?? iri, TEXT)[0] ?? '';
  const counts = new Map<string, number>();
  for (const p of parts) for (const l of new Set(g.languages(p, TEXT))) counts.set(l, (counts.get(l) ?? 0) + 1);
  const available = [...counts].filter(([, n]) => n === parts.length).map(([l]) => l);
  available.sort((a, b) => Number(b === original) - Number(a === original) || a.localeCompare(b));
  return { original, available };
}

interface RawSpan {
  start: number;
  end: number;
  relation: 'cites' | 'mentions';
  target: string;
}

/** A readable, unique eId for the TLC entry of `iri`. */
function entityEId(g: Graph, iri: string, taken: Set<string>): string {
  const symbol = g.value(iri, `${NS.eli}id_local`);
  const segments = iri
    .replace(/[#?].*$/, '')
    .split('/')
    .filter(Boolean);
  let stem: string;
  if (symbol) stem = symbol;
  else if (iri.startsWith(NS.sdg)) stem = `sdg-${segments[segments.length - 1]}`;
  else if (segments.includes('unts')) stem = `unts-${segments.slice(-2).join('-')}`;
  else stem = segments[segments.length - 1] ?? 'entity';
  stem = stem.replace(/[^A-Za-z0-9._-]+/g, '-');
  let eId = stem;
  for (let k = 2; taken.has(eId); k++) eId = `${stem}-${k}`;
  taken.add(eId);
  return eId;
}

function showAs(g: Graph, iri: string, language: string, fallback: string): string {
  return (
    g.text(iri, `${NS.skos}prefLabel`, language) ??
    g.text(iri, `${NS.rdfs}label`, language) ??
    g.value(iri, `${NS.eli}id_local`) ??
    g.text(iri, `${NS.skos}prefLabel`, 'en') ??
    g.value(iri, `${NS.rdfs}label`) ??
    g.value(iri, `${NS.skos}prefLabel`) ??
    fallback
  );
}

/** One resolution's quads, indexed once: whether they hold its text, in which languages, and
 *  each language's expression. */
export interface ResolutionGraph {
  /** True when the quads hold the resolution's text (its operative paragraphs). */
  readonly isText: boolean;
  /** The language it was adopted in, and the languages the graph holds the whole text in
   *  (every paragraph and footnote), the original first. */
  readonly original: string;
  readonly languages: string[];
  /** The expression in `language` (default: the original). Throws AknReadError when the
   *  quads hold no text of it in that language. */
  read(language?: string): AknResolution;
}

export function resolutionGraph(quads: Iterable<RdfQuad>, iri: string): ResolutionGraph {
  const g = new Graph(quads);
  const isText = partsOfType(g, iri, `${U}OperativeParagraph`).length > 0;
  const { original, available } = isText ? languagesOf(g, iri) : { original: '', available: [] };
  return { isText, original, languages: available, read: (language) => read(g, iri, isText, original, available, language) };
}

/** The expression of the resolution `iri` in `language` (default: its original language). */
export function readResolution(quads: Iterable<RdfQuad>, iri: string, language?: string): AknResolution {
  return resolutionGraph(quads, iri).read(language);
}

function read(g: Graph, iri: string, isText: boolean, original: string, available: string[], language: string | undefined): AknResolution {
  if (!isText) throw new AknReadError(`<${iri}> has no operative paragraphs in the graph: it is not a resolution text`);
  const lang = language ?? original;
  if (!available.includes(lang)) throw new AknReadError(`<${iri}> has no complete text in ${JSON.stringify(lang)}; it has ${available.join(', ') || 'none'}`);

  let unplaced = 0;
  const firstUse: Array<{ target: string; matched: string }> = [];
  const cited = new Set<string>();

  /** The evidence found in the text of `subject` itself (not through its footnotes). */
  const spansOf = (subject: string, text: string): RawSpan[] => {
    const out: RawSpan[] = [];
    for (const ref of g.subjects(CITING, subject).sort()) {
      const citation = g.has(ref, RDF_TYPE, `${U}Citation`);
      if (!citation && !g.has(ref, RDF_TYPE, `${U}Mention`)) continue; // similarity links are not stated in the text
      if (g.iris(ref, `${U}viaFootnote`).length) continue; // placed in the footnote's own text
      const target = g.iris(ref, CITED)[0];
      const start = g.number(ref, `${U}startOffset`);
      const end = g.number(ref, `${U}endOffset`);
      const matched = g.value(ref, `${U}matchedText`);
      if (!target || start === undefined || end === undefined || matched === undefined) continue;
      if (citation) cited.add(target);
      firstUse.push({ target, matched });
      if (text.slice(start, end) !== matched) {
        // Evidence read from another language's text: its offsets do not hold here.
        unplaced++;
        continue;
      }
      out.push({ start, end, relation: citation ? 'cites' : 'mentions', target });
    }
    return out.sort((a, b) => a.start - b.start || b.end - a.end);
  };

  const markersOf = (para: string, text: string): AknMarker[] =>
    g
      .iris(para, `${U}hasFootnote`)
      .map((fn): AknMarker => {
        const n = g.number(fn, `${U}position`) ?? Number(g.value(fn, `${NS.eli}number`));
        // The graph keeps a marker's place on the evidence of the citations made through it;
        // a footnote that carries no citation has its note at the end of the paragraph.
        const offsets = g
          .subjects(`${U}viaFootnote`, fn)
          .filter((ref) => g.has(ref, CITING, para))
          .map((ref) => g.number(ref, `${U}markerOffset`))
          .filter((o): o is number => o !== undefined);
        const offset = offsets.length ? Math.min(...offsets) : text.length;
        return { n, offset: Math.min(offset, text.length) };
      })
      .sort((a, b) => a.offset - b.offset || a.n - b.n);

  const pending: Array<{ spans: RawSpan[]; into: AknSpan[] }> = [];
  /** The clause verb of the paragraph's first act ("recalling"). */
  const phraseOf = (p: string): string | undefined => {
    const acts = g.iris(p, `${U}clauseAct`).sort((a, b) => (g.number(a, `${U}startOffset`) ?? 0) - (g.number(b, `${U}startOffset`) ?? 0));
    const verb = (acts.length ? g.iris(acts[0], `${U}verb`) : g.iris(p, `${U}clauseVerb`))[0];
    return verb?.startsWith(NS.clause) ? verb.slice(NS.clause.length) : undefined;
  };

  const paragraph = (p: string, kind: AknParagraph['kind']): AknParagraph => {
    const text = g.text(p, TEXT, lang)!;
    const raw = spansOf(p, text);
    const node: AknParagraph = {
      iri: p,
      kind,
      number: g.value(p, `${NS.eli}number`) ?? '',
      phrase: phraseOf(p),
      text,
      spans: [],
      markers: markersOf(p, text),
      subparagraphs: partsOfType(g, p, `${U}SubParagraph`).map((s) => paragraph(s, 'subparagraph')),
    };
    pending.push({ spans: raw, into: node.spans });
    return node;
  };

  const preambular = partsOfType(g, iri, `${U}PreambularParagraph`).map((p) => paragraph(p, 'preambular'));
  const operative = partsOfType(g, iri, `${U}OperativeParagraph`).map((p) => paragraph(p, 'operative'));
  const footnotes = partsOfType(g, iri, `${U}Footnote`).map((f): AknFootnote => {
    const text = g.text(f, TEXT, lang)!;
    const node: AknFootnote = { iri: f, n: g.number(f, `${U}position`) ?? Number(g.value(f, `${NS.eli}number`)), text, spans: [] };
    pending.push({ spans: spansOf(f, text), into: node.spans });
    return node;
  });

  // One TLC entry per thing, the adopting organ first, then in order of first use.
  // 'unkg' is the publisher's entry (resolutionToAkn, the service): never an entity's.
  const taken = new Set<string>(['unkg']);
  const entities = new Map<string, AknEntity>();
  const entity = (target: string, matched: string): AknEntity => {
    let e = entities.get(target);
    if (!e) {
      const types = g.iris(target, RDF_TYPE);
      const mention = MENTION_KINDS.find(([type]) => types.includes(type));
      const citedName = CITED_NAMES.find(([type]) => types.includes(type))?.[1] ?? (target.startsWith(NS.sdg) ? 'sdgTarget' : 'reference');
      const [kind, name]: [AknEntityKind, string] = cited.has(target) || !mention ? ['reference', citedName] : [mention[1], mention[2]];
      e = { iri: target, eId: entityEId(g, target, taken), kind, name, showAs: showAs(g, target, lang, matched) };
      entities.set(target, e);
    }
    return e;
  };
  const organIri = g.iris(iri, `${NS.eli}passed_by`)[0];
  const organ = organIri ? entity(organIri, organIri) : undefined;
  for (const { target, matched } of firstUse) entity(target, matched);
  for (const { spans, into } of pending)
    for (const s of spans) into.push({ start: s.start, end: s.end, relation: s.relation, entity: entities.get(s.target)! });

  return {
    iri,
    symbol: g.value(iri, `${NS.eli}id_local`) ?? iri,
    number: g.value(iri, `${U}resolutionNumber`) ?? '',
    language: lang,
    originalLanguage: original,
    languages: available,
    title: g.text(iri, `${NS.dcterms}title`, lang, true),
    date: g.value(iri, `${NS.eli}date_document`),
    distributionDate: g.value(iri, `${U}distributionDate`),
    session: g.text(iri, `${U}session`, lang, true),
    agendaItem: g.value(iri, `${U}agendaItem`),
    plenaryMeeting: g.number(iri, `${U}plenaryMeeting`),
    organ,
    enactingFormula: g.text(iri, `${U}enactingFormula`, lang, true),
    preambular,
    operative,
    footnotes,
    entities: [...entities.values()],
    unplaced,
  };
}

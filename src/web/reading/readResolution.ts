/** A resolution as a reader meets it: its header, its preamble and operative part in document
 *  order (by position, numerically: op/2 before op/10) with sub-paragraphs, its footnotes, and
 *  for every part its texts in each language, the clause verbs, and the links found in it with
 *  their evidence (matched text and offsets, the footnote they came through). */
import { Parser, type Literal, type Quad } from 'n3';
import type { GraphStore } from '../../graph';
import { TripleIndex, pickLiteral, resourceLabels, sparqlIri, type Label } from '../../linkeddata';
import { NS, readerKind, type ReaderKind } from '../../vocab';

export interface PartText {
  value: string;
  language: string;
}

export interface LinkEvidence {
  iri: string;
  kind: 'citation' | 'mention' | 'similarity' | 'reference';
  target: string;
  matchedText?: string;
  start?: number;
  end?: number;
  /** Where the footnote marker sits in the paragraph's text, for links found in a footnote. */
  markerOffset?: number;
  footnote?: string;
  extractor?: string;
  score?: number;
}

export interface ClauseVerbSpan {
  start: number;
  end: number;
  text: string;
}

export interface DocumentPart {
  iri: string;
  kind: ReaderKind;
  /** eli:number: "3", "a", "ii". */
  number: string;
  position: number;
  texts: PartText[];
  evidence: LinkEvidence[];
  clauseVerbs: ClauseVerbSpan[];
  footnotes: string[];
  children: DocumentPart[];
}

export interface ResolutionReading {
  iri: string;
  symbol: string;
  titles: PartText[];
  /** The language of the source text (dcterms:language), when stated. */
  sourceLanguage?: string;
  date?: string;
  distributionDate?: string;
  session: PartText[];
  agendaItem?: string;
  plenaryMeeting?: string;
  enactingFormula: PartText[];
  organ?: string;
  recommendedBy?: string;
  basedOn?: string;
  preamble: DocumentPart[];
  operative: DocumentPart[];
  footnotes: DocumentPart[];
  /** Names and types of every resource the reading links to. */
  labels: Map<string, Label & { types: string[] }>;
}

const P = {
  isPartOf: `${NS.eli}is_part_of`,
  number: `${NS.eli}number`,
  position: `${NS.unkg}position`,
  text: `${NS.schema}text`,
  type: `${NS.rdf}type`,
  citing: `${NS.cito}hasCitingEntity`,
  cited: `${NS.cito}hasCitedEntity`,
  clauseAct: `${NS.unkg}clauseAct`,
  hasFootnote: `${NS.unkg}hasFootnote`,
};
const EVIDENCE_KIND: ReadonlyArray<readonly [string, LinkEvidence['kind']]> = [
  [`${NS.unkg}Citation`, 'citation'],
  [`${NS.unkg}Mention`, 'mention'],
  [`${NS.unkg}SimilarityLink`, 'similarity'],
];

async function construct(store: GraphStore, sparql: string): Promise<Quad[]> {
  const { body } = await store.query(sparql, { graphFormat: 'application/n-triples' });
  return new Parser({ format: 'N-Triples' }).parse(body);
}

const texts = (literals: readonly Literal[]): PartText[] => {
  const seen = new Set<string>();
  return literals
    .map((l) => ({ value: l.value, language: l.language.toLowerCase() }))
    .filter((t) => !seen.has(`${t.language}\u0000${t.value}`) && seen.add(`${t.language}\u0000${t.value}`));
};

/** Sorts numbered things as a reader counts them: by position, then number (numeric first). */
export const documentOrder = (a: { position: number; number: string; iri: string }, b: { position: number; number: string; iri: string }): number =>
  a.position - b.position || a.number.localeCompare(b.number, 'en', { numeric: true }) || (a.iri < b.iri ? -1 : a.iri > b.iri ? 1 : 0);

/** The reading of the resolution `iri`, or undefined when the store holds no part of it. */
export async function readResolution(store: GraphStore, iri: string, languages: readonly string[], base: string): Promise<ResolutionReading | undefined> {
  const doc = sparqlIri(iri);
  const partOf = `?part ${sparqlIri(P.isPartOf)}+ ${doc}`;
  const [own, parts, evidence] = await Promise.all([
    construct(store, `CONSTRUCT { ${doc} ?p ?o } WHERE { ${doc} ?p ?o }`),
    construct(store, `CONSTRUCT { ?part ?p ?o } WHERE { ${partOf} . ?part ?p ?o }`),
    construct(store, `CONSTRUCT { ?e ?p ?o } WHERE { ${partOf} . { ?e ${sparqlIri(P.citing)} ?part } UNION { ?part ${sparqlIri(P.clauseAct)} ?e } ?e ?p ?o }`),
  ]);
  const index = new TripleIndex([...own, ...parts, ...evidence]);
  const partIris = index.subjects().filter((s) => index.iris(s, P.isPartOf).length > 0 && s !== iri);
  if (partIris.length === 0) return undefined;
  const literal = (s: string, p: string) => pickLiteral(index.literals(s, p), languages)?.value;
  const number = (s: string, p: string) => {
    const value = Number(literal(s, p));
    return Number.isFinite(value) ? value : undefined;
  };

  const evidenceOf = (part: string): LinkEvidence[] =>
    index
      .subjectsWith(P.citing, part)
      .map((e): LinkEvidence | undefined => {
        const target = index.iris(e, P.cited)[0];
        if (!target) return undefined;
        const types = index.iris(e, P.type);
        const view: LinkEvidence = { iri: e, kind: EVIDENCE_KIND.find(([t]) => types.includes(t))?.[1] ?? 'reference', target };
        const matched = literal(e, `${NS.unkg}matchedText`);
        if (matched !== undefined) view.matchedText = matched;
        const start = number(e, `${NS.unkg}startOffset`);
        const end = number(e, `${NS.unkg}endOffset`);
        if (start !== undefined && end !== undefined) Object.assign(view, { start, end });
        const marker = number(e, `${NS.unkg}markerOffset`);
        if (marker !== undefined) view.markerOffset = marker;
        const footnote = index.iris(e, `${NS.unkg}viaFootnote`)[0];
        if (footnote) view.footnote = footnote;
        const extractor = literal(e, `${NS.unkg}extractor`);
        if (extractor !== undefined) view.extractor = extractor;
        const score = number(e, `${NS.unkg}score`);
        if (score !== undefined) view.score = score;
        return view;
      })
      .filter((e): e is LinkEvidence => e !== undefined)
      .sort((a, b) => (a.start ?? 0) - (b.start ?? 0) || (a.iri < b.iri ? -1 : 1));

  const byIri = new Map<string, DocumentPart>();
  for (const part of partIris) {
    byIri.set(part, {
      iri: part,
      kind: readerKind(part, index.iris(part, P.type)),
      number: literal(part, P.number) ?? '',
      position: number(part, P.position) ?? Number.MAX_SAFE_INTEGER,
      texts: texts(index.literals(part, P.text)),
      evidence: evidenceOf(part),
      clauseVerbs: index
        .iris(part, P.clauseAct)
        .map((act) => ({
          start: number(act, `${NS.unkg}startOffset`),
          end: number(act, `${NS.unkg}endOffset`),
          text: literal(act, `${NS.unkg}verbText`) ?? '',
        }))
        .filter((v): v is ClauseVerbSpan => v.start !== undefined && v.end !== undefined),
      footnotes: index.iris(part, P.hasFootnote),
      children: [],
    });
  }
  const top: DocumentPart[] = [];
  for (const part of byIri.values()) {
    const parent = index.iris(part.iri, P.isPartOf).find((p) => byIri.has(p));
    if (parent) byIri.get(parent)!.children.push(part);
    else top.push(part);
  }
  for (const part of byIri.values()) part.children.sort(documentOrder);
  top.sort(documentOrder);

  const mentioned = new Set<string>();
  for (const part of byIri.values()) for (const e of part.evidence) mentioned.add(e.target);
  const organ = index.iris(iri, `${NS.eli}passed_by`)[0];
  const recommendedBy = index.iris(iri, `${NS.unkg}recommendedBy`)[0];
  const basedOn = index.iris(iri, `${NS.eli}based_on`)[0];
  for (const extra of [organ, recommendedBy, basedOn]) if (extra) mentioned.add(extra);
  const labels = await resourceLabels(store, [...mentioned].sort(), languages, base);

  const reading: ResolutionReading = {
    iri,
    symbol: literal(iri, `${NS.eli}id_local`) ?? iri,
    titles: texts(index.literals(iri, `${NS.dcterms}title`)),
    session: texts(index.literals(iri, `${NS.unkg}session`)),
    enactingFormula: texts(index.literals(iri, `${NS.unkg}enactingFormula`)),
    preamble: top.filter((p) => p.kind === 'preambular'),
    operative: top.filter((p) => p.kind === 'operative'),
    footnotes: top.filter((p) => p.kind === 'footnote'),
    labels,
  };
  const optional: Array<[keyof ResolutionReading, string | undefined]> = [
    ['sourceLanguage', literal(iri, `${NS.dcterms}language`)],
    ['date', literal(iri, `${NS.eli}date_document`)],
    ['distributionDate', literal(iri, `${NS.unkg}distributionDate`)],
    ['agendaItem', literal(iri, `${NS.unkg}agendaItem`)],
    ['plenaryMeeting', literal(iri, `${NS.unkg}plenaryMeeting`)],
    ['organ', organ],
    ['recommendedBy', recommendedBy],
    ['basedOn', basedOn],
  ];
  for (const [key, value] of optional) if (value !== undefined) (reading as unknown as Record<string, unknown>)[key] = value;
  // Parts of no known kind (a paragraph typed only eli:LegalResourceSubdivision) read as operative.
  const placed = new Set([...reading.preamble, ...reading.operative, ...reading.footnotes]);
  reading.operative.push(...top.filter((p) => !placed.has(p)));
  return reading;
}

/** Every paragraph and sub-paragraph of a reading, in document order (footnotes apart). */
export function readingOrder(reading: ResolutionReading): DocumentPart[] {
  const out: DocumentPart[] = [];
  const walk = (parts: DocumentPart[]) => parts.forEach((p) => (out.push(p), walk(p.children)));
  walk([...reading.preamble, ...reading.operative]);
  return out;
}

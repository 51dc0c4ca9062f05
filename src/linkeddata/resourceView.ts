/** What a page about a resource shows, built from its description: a label in the reader's
 *  language, types, text, every property with labelled links, clause acts, the evidence of
 *  each extracted link, and backlinks with a snippet of the citing text. Plain data, rendered
 *  as HTML by renderResourcePage and sent as JSON to the explorer's side panel. */
import type { Literal } from 'n3';
import { NS } from '../vocab';
import { CITING_PREDICATES, type ResourceDescription } from './describeResource';
import { labelOf as labelIn, pickLiteral, prefixedName } from './labels';
import { SNIPPET_LENGTH } from './limits';
import { hrefForIri } from './resourcePaths';
import { TripleIndex, byCodeUnits } from './tripleIndex';

export interface LinkTerm {
  iri: string;
  label: string;
  /** Where to follow it: its page on this service, or the IRI itself. */
  href?: string;
}
export interface LiteralValue {
  value: string;
  language?: string;
  /** Absent for plain strings and language-tagged text. */
  datatype?: string;
}
export type Value = ({ kind: 'iri' } & LinkTerm) | ({ kind: 'literal' } & LiteralValue);

export interface PropertyView {
  predicate: LinkTerm;
  values: Value[];
}
export interface ClauseActView {
  iri: string;
  verb?: LinkTerm;
  verbText?: string;
  addressees: LinkTerm[];
}
export interface EvidenceView {
  iri: string;
  /** 'citation' (eli:cites), 'mention' (schema:mentions), 'similarity' (unkg:echoesTarget). */
  kind: 'citation' | 'mention' | 'similarity' | 'reference';
  target?: LinkTerm;
  matchedText?: string;
  footnote?: LinkTerm;
  extractor?: string;
  score?: number;
  characterization?: LinkTerm;
}
export interface Snippet {
  before: string;
  match: string;
  after: string;
  language?: string;
}
export interface BacklinkView {
  subject: LinkTerm;
  predicate: LinkTerm;
  snippet?: Snippet;
  evidence: EvidenceView[];
}
export interface ResourceView {
  iri: string;
  /** The resource's page (on this service, or its own IRI). */
  href?: string;
  label: string;
  /** Language of the label, when it is tagged. */
  language?: string;
  types: LinkTerm[];
  /** schema:text, the preferred language first. */
  texts: LiteralValue[];
  properties: PropertyView[];
  clauseActs: ClauseActView[];
  evidence: EvidenceView[];
  backlinks: { items: BacklinkView[]; total: number; page: number; pageSize: number; hasNext: boolean };
}

const RDF_TYPE = `${NS.rdf}type`;
const TEXT = `${NS.schema}text`;
/** Properties listed first on a page, in this order; the others follow by prefixed name. */
const PROPERTY_ORDER = [
  `${NS.eli}id_local`,
  `${NS.dcterms}title`,
  `${NS.skos}prefLabel`,
  `${NS.rdfs}label`,
  `${NS.eli}date_document`,
  `${NS.eli}is_part_of`,
  `${NS.eli}number`,
  `${NS.unkg}clauseVerb`,
  `${NS.eli}cites`,
  `${NS.schema}mentions`,
  `${NS.unkg}echoesTarget`,
  `${NS.unkg}hasFootnote`,
  `${NS.eli}has_part`,
];
/** Properties shown in their own sections rather than in the property table. */
const SHOWN_APART = new Set([RDF_TYPE, TEXT]);
const EVIDENCE_KINDS: ReadonlyArray<readonly [string, EvidenceView['kind']]> = [
  [`${NS.unkg}Citation`, 'citation'],
  [`${NS.unkg}Mention`, 'mention'],
  [`${NS.unkg}SimilarityLink`, 'similarity'],
];
const STRING_DATATYPES = new Set([`${NS.xsd}string`, `${NS.rdf}langString`]);

function toLiteralValue(l: Literal): LiteralValue {
  const value: LiteralValue = { value: l.value };
  if (l.language) value.language = l.language;
  else if (!STRING_DATATYPES.has(l.datatype.value)) value.datatype = l.datatype.value;
  return value;
}

function snippetAround(text: string, match: string | undefined): Omit<Snippet, 'language'> {
  const at = match ? text.indexOf(match) : -1;
  if (at < 0 || match === undefined) {
    return text.length > SNIPPET_LENGTH ? { before: `${text.slice(0, SNIPPET_LENGTH - 1)}…`, match: '', after: '' } : { before: text, match: '', after: '' };
  }
  const room = Math.max(0, SNIPPET_LENGTH - match.length);
  const start = Math.max(0, at - Math.floor(room / 2));
  const end = Math.min(text.length, at + match.length + Math.ceil(room / 2));
  return {
    before: (start > 0 ? '…' : '') + text.slice(start, at),
    match,
    after: text.slice(at + match.length, end) + (end < text.length ? '…' : ''),
  };
}

export function resourceView(description: ResourceDescription, languages: readonly string[], base: string): ResourceView {
  const { iri } = description;
  const index = new TripleIndex(description.quads);
  const texts = new TripleIndex(description.snippets);
  const labelOf = (node: string) => labelIn(index, node, languages, base);
  const link = (node: string): LinkTerm => {
    const href = hrefForIri(node, base);
    return { iri: node, label: labelOf(node).label, ...(href !== undefined ? { href } : {}) };
  };
  const predicateLink = (predicate: string): LinkTerm => {
    const href = hrefForIri(predicate, base);
    return { iri: predicate, label: prefixedName(predicate), ...(href !== undefined ? { href } : {}) };
  };
  const valuesOf = (subject: string, predicate: string): Value[] => {
    const iris = index.iris(subject, predicate).map((o): Value => ({ kind: 'iri', ...link(o) }));
    const literals = index.literals(subject, predicate);
    const preferred = pickLiteral(literals, languages);
    const ordered = preferred ? [preferred, ...literals.filter((l) => l !== preferred)] : literals;
    return [
      ...iris.sort((a, b) => byCodeUnits((a as LinkTerm).label, (b as LinkTerm).label)),
      ...ordered.map((l): Value => ({ kind: 'literal', ...toLiteralValue(l) })),
    ];
  };
  const firstLiteral = (subject: string, predicate: string): string | undefined => pickLiteral(index.literals(subject, predicate), languages)?.value;
  const evidenceOf = (node: string): EvidenceView => {
    const types = index.iris(node, RDF_TYPE);
    const kind = EVIDENCE_KINDS.find(([type]) => types.includes(type))?.[1] ?? 'reference';
    const target = index.iris(node, `${NS.cito}hasCitedEntity`)[0];
    const footnote = index.iris(node, `${NS.unkg}viaFootnote`)[0];
    const characterization = index.iris(node, `${NS.cito}hasCitationCharacterization`)[0];
    const score = firstLiteral(node, `${NS.unkg}score`);
    const view: EvidenceView = { iri: node, kind };
    if (target !== undefined) view.target = link(target);
    const matchedText = firstLiteral(node, `${NS.unkg}matchedText`);
    if (matchedText !== undefined) view.matchedText = matchedText;
    if (footnote !== undefined) view.footnote = link(footnote);
    const extractor = firstLiteral(node, `${NS.unkg}extractor`);
    if (extractor !== undefined) view.extractor = extractor;
    if (score !== undefined && Number.isFinite(Number(score))) view.score = Number(score);
    if (characterization !== undefined) view.characterization = predicateLink(characterization);
    return view;
  };
  const positionOf = (node: string): number => Number(firstLiteral(node, `${NS.unkg}startOffset`) ?? Number.MAX_SAFE_INTEGER);

  const rank = (p: string): number => (PROPERTY_ORDER.includes(p) ? PROPERTY_ORDER.indexOf(p) : PROPERTY_ORDER.length);
  const properties = index
    .predicates(iri)
    .filter((p) => !SHOWN_APART.has(p))
    .sort((a, b) => rank(a) - rank(b) || byCodeUnits(prefixedName(a), prefixedName(b)))
    .map((p) => ({ predicate: predicateLink(p), values: valuesOf(iri, p) }));

  const clauseActs = index
    .iris(iri, `${NS.unkg}clauseAct`)
    .sort((a, b) => positionOf(a) - positionOf(b) || byCodeUnits(a, b))
    .map((act): ClauseActView => {
      const verb = index.iris(act, `${NS.unkg}verb`)[0];
      const verbText = firstLiteral(act, `${NS.unkg}verbText`);
      return {
        iri: act,
        ...(verb !== undefined ? { verb: link(verb) } : {}),
        ...(verbText !== undefined ? { verbText } : {}),
        addressees: index.iris(act, `${NS.unkg}addressee`).map(link),
      };
    });

  const evidence = index
    .subjectsWith(`${NS.cito}hasCitingEntity`, iri)
    .sort((a, b) => positionOf(a) - positionOf(b) || byCodeUnits(a, b))
    .map(evidenceOf);

  const textPreference = (subject: string): Literal[] => {
    const all = texts.literals(subject, TEXT);
    const preferred = pickLiteral(all, languages);
    return preferred ? [preferred, ...all.filter((l) => l !== preferred)] : all;
  };
  const backlinkItems = description.backlinks.items.map((b): BacklinkView => {
    const support = CITING_PREDICATES.includes(b.predicate)
      ? index
          .subjectsWith(`${NS.cito}hasCitingEntity`, b.subject)
          .filter((e) => index.iris(e, `${NS.cito}hasCitedEntity`).includes(iri))
          .sort((x, y) => positionOf(x) - positionOf(y) || byCodeUnits(x, y))
          .map(evidenceOf)
      : [];
    const text = textPreference(b.subject)[0];
    const view: BacklinkView = { subject: link(b.subject), predicate: predicateLink(b.predicate), evidence: support };
    if (text)
      view.snippet = {
        ...snippetAround(text.value, support.find((e) => e.matchedText && text.value.includes(e.matchedText))?.matchedText),
        ...(text.language ? { language: text.language } : {}),
      };
    return view;
  });

  const own = index.literals(iri, TEXT);
  const preferredText = pickLiteral(own, languages);
  const { backlinks } = description;
  const href = hrefForIri(iri, base);
  return {
    iri,
    ...(href !== undefined ? { href } : {}),
    ...labelOf(iri),
    types: index.iris(iri, RDF_TYPE).map(link),
    texts: (preferredText ? [preferredText, ...own.filter((l) => l !== preferredText)] : own).map(toLiteralValue),
    properties,
    clauseActs,
    evidence,
    backlinks: {
      items: backlinkItems,
      total: backlinks.total,
      page: backlinks.page,
      pageSize: backlinks.pageSize,
      hasNext: backlinks.page * backlinks.pageSize < backlinks.total,
    },
  };
}

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

/** The literals with the one best in the reader's languages first. */
function preferredFirst(literals: Literal[], languages: readonly string[]): Literal[] {
  const preferred = pickLiteral(literals, languages);
  return preferred ? [preferred, ...literals.filter((l) => l !== preferred)] : literals;
}

/** What every stage of a view reads: the description's triples and snippets, indexed, and
 *  how to show a node in the reader's languages. */
interface ViewContext {
  iri: string;
  index: TripleIndex;
  texts: TripleIndex;
  languages: readonly string[];
  base: string;
  /** A node with its label and the page to follow. */
  link(node: string): LinkTerm;
  /** A predicate (or a characterization) with its prefixed name. */
  predicateLink(predicate: string): LinkTerm;
  /** The value of the best literal of `subject`'s `predicate`. */
  firstLiteral(subject: string, predicate: string): string | undefined;
  /** Where an act or a link starts in its paragraph's text (unknown ones last). */
  positionOf(node: string): number;
}

function viewContext(description: ResourceDescription, languages: readonly string[], base: string): ViewContext {
  const index = new TripleIndex(description.quads);
  const withHref = (term: LinkTerm): LinkTerm => {
    const href = hrefForIri(term.iri, base);
    return href !== undefined ? { ...term, href } : term;
  };
  const firstLiteral = (subject: string, predicate: string) => pickLiteral(index.literals(subject, predicate), languages)?.value;
  return {
    iri: description.iri,
    index,
    texts: new TripleIndex(description.snippets),
    languages,
    base,
    link: (node) => withHref({ iri: node, label: labelIn(index, node, languages, base).label }),
    predicateLink: (predicate) => withHref({ iri: predicate, label: prefixedName(predicate) }),
    firstLiteral,
    positionOf: (node) => Number(firstLiteral(node, `${NS.unkg}startOffset`) ?? Number.MAX_SAFE_INTEGER),
  };
}

/** In the order of the text, then by IRI. */
const inTextOrder = (context: ViewContext) => (a: string, b: string) => context.positionOf(a) - context.positionOf(b) || byCodeUnits(a, b);

/** The values of one property: linked resources by label, then literals, the preferred first. */
function valuesOf(context: ViewContext, subject: string, predicate: string): Value[] {
  const iris = context.index.iris(subject, predicate).map((o): Value => ({ kind: 'iri', ...context.link(o) }));
  return [
    ...iris.sort((a, b) => byCodeUnits((a as LinkTerm).label, (b as LinkTerm).label)),
    ...preferredFirst(context.index.literals(subject, predicate), context.languages).map((l): Value => ({ kind: 'literal', ...toLiteralValue(l) })),
  ];
}

/** The property table: the usual properties first (PROPERTY_ORDER), then by prefixed name. */
function propertiesOf(context: ViewContext): PropertyView[] {
  const rank = (p: string): number => (PROPERTY_ORDER.includes(p) ? PROPERTY_ORDER.indexOf(p) : PROPERTY_ORDER.length);
  return context.index
    .predicates(context.iri)
    .filter((p) => !SHOWN_APART.has(p))
    .sort((a, b) => rank(a) - rank(b) || byCodeUnits(prefixedName(a), prefixedName(b)))
    .map((p) => ({ predicate: context.predicateLink(p), values: valuesOf(context, context.iri, p) }));
}

/** The clause acts of a paragraph, in the order of its text. */
function clauseActsOf(context: ViewContext): ClauseActView[] {
  const { index, link } = context;
  return index
    .iris(context.iri, `${NS.unkg}clauseAct`)
    .sort(inTextOrder(context))
    .map((act): ClauseActView => {
      const verb = index.iris(act, `${NS.unkg}verb`)[0];
      const verbText = context.firstLiteral(act, `${NS.unkg}verbText`);
      return {
        iri: act,
        ...(verb !== undefined ? { verb: link(verb) } : {}),
        ...(verbText !== undefined ? { verbText } : {}),
        addressees: index.iris(act, `${NS.unkg}addressee`).map(link),
      };
    });
}

/** One extracted link: its kind, target, matched text, footnote, extractor, score. */
function evidenceView(context: ViewContext, node: string): EvidenceView {
  const { index, link, firstLiteral } = context;
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
  if (characterization !== undefined) view.characterization = context.predicateLink(characterization);
  return view;
}

/** The links extracted from the resource's own text, in the order of the text. */
function evidenceOf(context: ViewContext): EvidenceView[] {
  return context.index
    .subjectsWith(`${NS.cito}hasCitingEntity`, context.iri)
    .sort(inTextOrder(context))
    .map((node) => evidenceView(context, node));
}

/** One page of backlinks: who points here, the evidence of a citation, and a snippet of the
 *  citing text around the matched words. */
function backlinkViews(context: ViewContext, backlinks: ResourceDescription['backlinks']): BacklinkView[] {
  const { index, iri } = context;
  return backlinks.items.map((b): BacklinkView => {
    const support = CITING_PREDICATES.includes(b.predicate)
      ? index
          .subjectsWith(`${NS.cito}hasCitingEntity`, b.subject)
          .filter((e) => index.iris(e, `${NS.cito}hasCitedEntity`).includes(iri))
          .sort(inTextOrder(context))
          .map((node) => evidenceView(context, node))
      : [];
    const text = preferredFirst(context.texts.literals(b.subject, TEXT), context.languages)[0];
    const view: BacklinkView = { subject: context.link(b.subject), predicate: context.predicateLink(b.predicate), evidence: support };
    if (text)
      view.snippet = {
        ...snippetAround(text.value, support.find((e) => e.matchedText && text.value.includes(e.matchedText))?.matchedText),
        ...(text.language ? { language: text.language } : {}),
      };
    return view;
  });
}

export function resourceView(description: ResourceDescription, languages: readonly string[], base: string): ResourceView {
  const context = viewContext(description, languages, base);
  const { iri, index } = context;
  const { backlinks } = description;
  const href = hrefForIri(iri, base);
  return {
    iri,
    ...(href !== undefined ? { href } : {}),
    ...labelIn(index, iri, languages, base),
    types: index.iris(iri, RDF_TYPE).map(context.link),
    texts: preferredFirst(index.literals(iri, TEXT), languages).map(toLiteralValue),
    properties: propertiesOf(context),
    clauseActs: clauseActsOf(context),
    evidence: evidenceOf(context),
    backlinks: {
      items: backlinkViews(context, backlinks),
      total: backlinks.total,
      page: backlinks.page,
      pageSize: backlinks.pageSize,
      hasNext: backlinks.page * backlinks.pageSize < backlinks.total,
    },
  };
}

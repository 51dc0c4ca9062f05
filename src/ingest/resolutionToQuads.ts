/** Analysis → RDF quads in the document's own named graph (the vocabulary is in
 *  ontology/README.md and ontology/unkg.ttl). */
import { DataFactory } from 'n3';
import type { Literal, NamedNode, Quad, Quad_Object } from '@rdfjs/types';
import { CLAUSE_VERBS } from './lexicon/clauseVerbs';
import { NS } from '../vocab';
import type { AnalysedFootnote, AnalysedParagraph, ResolutionAnalysis } from './analyseResolution';
import type { ExtractedLink } from './links';
import type { Language } from './model';

const { namedNode, literal, quad } = DataFactory;

const n = (prefix: keyof typeof NS, local: string): NamedNode => namedNode(NS[prefix] + local);
const RDF_TYPE = n('rdf', 'type');
const DC_LANGUAGE = n('dcterms', 'language');
const XSD_DATE = n('xsd', 'date');
const XSD_INTEGER = n('xsd', 'integer');
const LANG3: Record<Language, string> = { fr: 'fra', en: 'eng' };
const EU_LANGUAGE = 'http://publications.europa.eu/resource/authority/language/';
const ORGAN_SLUGS: Record<string, string> = { ecosoc: 'ecosoc', unga: 'unga', unsc: 'unsc', hrc: 'hrc' };
const CITO_BY_VERB = new Map(CLAUSE_VERBS.map((v) => [v.slug, v.cito ?? 'cites']));

export interface MappingContext {
  /** `{base}org/{slug}` for an organ slug. */
  organisation(slug: string): string;
  /** Set when the document is built from several language versions: the evidence of each
   *  version (clause acts, citations, mentions, echoes) is its own, under
   *  `{para}/act/{lang}/{n}` and `{para}/ref/{lang}/{n}`, with its dcterms:language. */
  evidenceLanguage?: Language;
}

/** What every stage writes with: the quads go to the document's graph, in the order added. */
interface Writer {
  add: Add;
  /** IRI of the `n`th piece of evidence (citation, mention, echo or clause act) of `owner`. */
  evidence(owner: string, kind: 'ref' | 'act', n: number): string;
  /** A literal in the document's language. */
  text(s: string): Literal;
  int(v: number): Literal;
  date(v: string): Literal;
  ctx: MappingContext;
}

export function resolutionToQuads(a: ResolutionAnalysis, ctx: MappingContext): Quad[] {
  const g = namedNode(a.iri);
  const out: Quad[] = [];
  const scope = ctx.evidenceLanguage;
  const add: Add = (s, p, o) => {
    out.push(quad(typeof s === 'string' ? namedNode(s) : s, p, typeof o === 'string' ? namedNode(o) : o, g));
    // Every evidence node says which language version it was read from.
    if (scope && p === RDF_TYPE && typeof s === 'string' && /\/(?:ref|act)\/[a-z]{2}\/\d+$/.test(s))
      out.push(quad(namedNode(s), DC_LANGUAGE, literal(scope), g));
  };
  const lang = a.tree.language;
  const w: Writer = {
    add,
    evidence: (owner, kind, n) => (scope ? `${owner}/${kind}/${scope}/${n}` : `${owner}/${kind}/${n}`),
    text: (s) => literal(s, lang),
    int: (v) => literal(String(v), XSD_INTEGER),
    date: (v) => literal(v, XSD_DATE),
    ctx,
  };
  resolutionQuads(a, w);
  for (const f of a.footnotes) footnoteQuads(a.iri, f, w);
  for (const p of a.paragraphs) paragraphQuads(a.iri, p, w);
  return out;
}

/** The resolution (its header facts, what it is based on) and its expression in the text's language. */
function resolutionQuads(a: ResolutionAnalysis, { add, text, int, date, ctx }: Writer): void {
  const t = a.tree;
  const doc = a.iri;
  const lang = t.language;
  add(doc, RDF_TYPE, n('eli', 'LegalResource'));
  add(doc, RDF_TYPE, n('unkg', 'Resolution'));
  add(doc, n('eli', 'id_local'), literal(t.symbol));
  add(doc, n('unkg', 'resolutionNumber'), literal(t.number));
  if (t.header.adoptionDate ?? t.closing?.date) add(doc, n('eli', 'date_document'), date((t.header.adoptionDate ?? t.closing?.date)!));
  if (t.header.distributionDate) add(doc, n('unkg', 'distributionDate'), date(t.header.distributionDate));
  if (ORGAN_SLUGS[t.organ]) add(doc, n('eli', 'passed_by'), ctx.organisation(ORGAN_SLUGS[t.organ]));
  if (t.header.session) add(doc, n('unkg', 'session'), text(t.header.session));
  if (t.header.agendaItem) add(doc, n('unkg', 'agendaItem'), literal(t.header.agendaItem));
  if (t.closing?.meeting) add(doc, n('unkg', 'plenaryMeeting'), int(t.closing.meeting));
  if (a.basedOn) {
    add(doc, n('eli', 'based_on'), a.basedOn.iri);
    add(a.basedOn.iri, RDF_TYPE, n('eli', 'LegalResource'));
    add(a.basedOn.iri, n('eli', 'id_local'), literal(a.basedOn.symbol));
  }
  if (a.recommendedBy) add(doc, n('unkg', 'recommendedBy'), a.recommendedBy);
  if (t.title) add(doc, n('dcterms', 'title'), text(t.title));
  add(doc, n('dcterms', 'language'), literal(lang));
  add(doc, n('unkg', 'enactingFormula'), text(t.enactingFormula));
  add(doc, n('rdfs', 'seeAlso'), `https://undocs.org/${t.symbol.replace(/ /g, '%20')}`);
  const expr = `${doc}/${LANG3[lang]}`;
  add(doc, n('eli', 'is_realized_by'), expr);
  add(expr, RDF_TYPE, n('eli', 'LegalExpression'));
  add(expr, n('eli', 'realizes'), doc);
  if (t.title) add(expr, n('eli', 'title'), text(t.title));
  add(expr, n('eli', 'language'), `${EU_LANGUAGE}${LANG3[lang].toUpperCase()}`);
  add(expr, n('unkg', 'sourceSha256'), literal(t.source.sha256));
}

/** A footnote: a part of the document, with what it cites and mentions. */
function footnoteQuads(doc: string, f: AnalysedFootnote, w: Writer): void {
  const { add, text, int } = w;
  add(doc, n('eli', 'has_part'), f.iri);
  add(f.iri, RDF_TYPE, n('eli', 'LegalResourceSubdivision'));
  add(f.iri, RDF_TYPE, n('unkg', 'Footnote'));
  add(f.iri, n('eli', 'is_part_of'), doc);
  add(f.iri, n('eli', 'number'), literal(String(f.n)));
  add(f.iri, n('unkg', 'position'), int(f.n));
  add(f.iri, n('schema', 'text'), text(f.text));
  linkQuads(f.iri, f.links, [], add, w.ctx.organisation, (i) => w.evidence(f.iri, 'ref', i));
}

/** A paragraph or sub-paragraph: its place, text and footnotes, then its clause acts, its
 *  citations and mentions, and its echoes of other texts. */
function paragraphQuads(doc: string, p: AnalysedParagraph, w: Writer): void {
  const { add, text, int } = w;
  const kind = p.node.kind === 'preambular' ? 'PreambularParagraph' : p.node.kind === 'operative' ? 'OperativeParagraph' : 'SubParagraph';
  add(p.parent, n('eli', 'has_part'), p.iri);
  add(p.iri, RDF_TYPE, n('eli', 'LegalResourceSubdivision'));
  add(p.iri, RDF_TYPE, n('unkg', kind));
  add(p.iri, n('eli', 'is_part_of'), p.parent);
  add(p.iri, n('eli', 'number'), literal(p.node.number));
  add(p.iri, n('unkg', 'position'), int(p.node.position));
  add(p.iri, n('schema', 'text'), text(p.node.text));
  for (const m of p.node.markers) add(p.iri, n('unkg', 'hasFootnote'), `${doc}/fn/${m.n}`);
  p.acts.forEach((act, k) => {
    const verb = NS.clause + act.verb.slug;
    const actIri = w.evidence(p.iri, 'act', k + 1);
    add(p.iri, n('unkg', 'clauseAct'), actIri);
    add(p.iri, n('unkg', 'clauseVerb'), verb);
    add(actIri, RDF_TYPE, n('unkg', 'ClauseAct'));
    add(actIri, n('unkg', 'verb'), verb);
    add(actIri, n('unkg', 'verbText'), text(act.text));
    add(actIri, n('unkg', 'startOffset'), int(act.start));
    add(actIri, n('unkg', 'endOffset'), int(act.end));
    if (act.addressee) add(actIri, n('unkg', 'addressee'), act.addressee);
  });
  linkQuads(p.iri, p.links, p.acts, add, w.ctx.organisation, (i) => w.evidence(p.iri, 'ref', i));
  p.echoes.forEach((e, k) => {
    const ref = w.evidence(p.iri, 'ref', p.links.length + k + 1);
    add(p.iri, n('unkg', 'echoesTarget'), e.target);
    add(ref, RDF_TYPE, n('unkg', 'SimilarityLink'));
    add(ref, n('cito', 'hasCitingEntity'), p.iri);
    add(ref, n('cito', 'hasCitedEntity'), e.target);
    add(ref, n('unkg', 'score'), literal(e.score.toFixed(3), n('xsd', 'decimal')));
    add(ref, n('unkg', 'matchedText'), literal(e.matchedText));
    add(ref, n('unkg', 'startOffset'), int(e.start));
    add(ref, n('unkg', 'endOffset'), int(e.end));
    add(ref, n('unkg', 'extractor'), literal('text-similarity'));
    add(ref, n('prov', 'wasDerivedFrom'), p.iri);
  });
}

type Add = (s: string | NamedNode, p: NamedNode, o: Quad_Object | string) => void;

/** eli:cites / schema:mentions, one per distinct target, and one evidence node per finding. */
function linkQuads(
  subject: string,
  links: ExtractedLink[],
  acts: AnalysedParagraph['acts'],
  add: Add,
  organisation: (slug: string) => string,
  evidenceIri: (n: number) => string,
): void {
  const targets = new Set<string>();
  links.forEach((l, i) => {
    const prop = l.relation === 'cites' ? n('eli', 'cites') : n('schema', 'mentions');
    const key = `${l.relation} ${l.target}`;
    if (!targets.has(key)) {
      targets.add(key);
      add(subject, prop, l.target);
      describeTarget(l, add, organisation);
    }
    const ref = evidenceIri(i + 1);
    add(ref, RDF_TYPE, n('unkg', l.relation === 'cites' ? 'Citation' : 'Mention'));
    if (l.relation === 'cites') add(ref, RDF_TYPE, n('cito', 'Citation'));
    add(ref, n('cito', 'hasCitingEntity'), subject);
    add(ref, n('cito', 'hasCitedEntity'), l.target);
    add(ref, n('unkg', 'matchedText'), literal(l.matchedText));
    add(ref, n('unkg', 'startOffset'), literal(String(l.start), n('xsd', 'integer')));
    add(ref, n('unkg', 'endOffset'), literal(String(l.end), n('xsd', 'integer')));
    add(ref, n('unkg', 'extractor'), literal(l.extractor));
    add(ref, n('prov', 'wasDerivedFrom'), subject);
    if (l.viaFootnote !== undefined) {
      const doc = subject.replace(/\/(?:pp|op|fn)\/.*$/, '');
      add(ref, n('unkg', 'viaFootnote'), `${doc}/fn/${l.viaFootnote}`);
      add(ref, n('unkg', 'markerOffset'), literal(String(l.markerOffset ?? 0), n('xsd', 'integer')));
    }
    if (l.relation === 'cites') {
      const at = l.markerOffset ?? l.start;
      const act = [...acts].reverse().find((x) => x.start <= at);
      add(ref, n('cito', 'hasCitationCharacterization'), n('cito', CITO_BY_VERB.get(act?.verb.slug ?? '') ?? 'cites'));
    }
  });
}

/** What the text itself says about a cited or mentioned thing (kept in the citing document's graph). */
function describeTarget(l: ExtractedLink, add: Add, organisation: (slug: string) => string): void {
  const f = l.facts;
  if (l.kind === 'resolution' || l.kind === 'decision' || l.kind === 'document') {
    add(l.target, RDF_TYPE, n('eli', 'LegalResource'));
    if (l.kind === 'resolution') add(l.target, RDF_TYPE, n('unkg', 'Resolution'));
    if (f?.symbol) add(l.target, n('eli', 'id_local'), literal(f.symbol));
    if (f?.date) add(l.target, n('eli', 'date_document'), literal(f.date, XSD_DATE));
    if (l.kind !== 'document' && f?.organ && ORGAN_SLUGS[f.organ]) add(l.target, n('eli', 'passed_by'), organisation(ORGAN_SLUGS[f.organ]));
  } else if (l.kind === 'treaty' && l.minted && f?.untsVolume && f.untsNumber) {
    add(l.target, RDF_TYPE, n('unkg', 'Treaty'));
    add(l.target, n('unkg', 'untsVolume'), literal(f.untsVolume, XSD_INTEGER));
    add(l.target, n('unkg', 'untsNumber'), literal(f.untsNumber, XSD_INTEGER));
  } else if (l.minted && l.kind === 'event' && f) {
    add(l.target, RDF_TYPE, n('schema', 'Event'));
    add(l.target, RDF_TYPE, n('unkg', 'Meeting'));
    if (f.label) add(l.target, n('rdfs', 'label'), literal(f.label));
    if (f.startDate) add(l.target, n('schema', 'startDate'), literal(f.startDate, XSD_DATE));
    if (f.endDate) add(l.target, n('schema', 'endDate'), literal(f.endDate, XSD_DATE));
  }
}

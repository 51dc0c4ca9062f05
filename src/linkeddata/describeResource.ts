/** The concise bounded description of one resource, read from the store with SPARQL: its own
 *  triples, the evidence of its own links and clause acts (the {para}/ref/n and {para}/act/n
 *  resources minted under it), one page of backlinks (what cites, mentions or otherwise points
 *  at it) with the evidence of each, and the names and types of every resource these mention,
 *  so a reader can label every link without another request. */
import { DataFactory, Parser, type Quad } from 'n3';
import { VALUES_BATCH_SIZE, type GraphStore } from '../graph';
import { EVIDENCE_CLASSES, NS } from '../vocab';
import { BACKLINK_PAGE_SIZE, MAX_OWN_TRIPLES } from './limits';
import { sparqlIri, sparqlValues } from './sparqlIri';

/** Evidence resources are shown with the link they support, never as backlinks of their own. */
export const EVIDENCE_TYPES = EVIDENCE_CLASSES;

/** Backlinks through these predicates are what cites or mentions a resource: listed first. */
export const CITING_PREDICATES: readonly string[] = [`${NS.eli}cites`, `${NS.schema}mentions`, `${NS.unkg}echoesTarget`, `${NS.eli}based_on`];

/** What names a resource or says what it is: fetched for every resource a description mentions. */
export const NAMING_PREDICATES: readonly string[] = [
  `${NS.rdf}type`,
  `${NS.skos}prefLabel`,
  `${NS.rdfs}label`,
  `${NS.dcterms}title`,
  `${NS.eli}id_local`,
  `${NS.eli}number`,
  `${NS.skos}notation`,
];

export interface Backlink {
  subject: string;
  predicate: string;
}

export interface ResourceDescription {
  iri: string;
  /** The description as RDF, the resource's own triples first. */
  quads: Quad[];
  /** schema:text of the resources on this page of backlinks, for snippets next to each
   *  (not part of the RDF description: it is another resource's content). */
  snippets: Quad[];
  backlinks: {
    /** This page, the citing links first. */
    items: Backlink[];
    /** Backlinks of the resource in all. */
    total: number;
    /** 1-based. */
    page: number;
    pageSize: number;
  };
  /** False when the store has no triple with the resource as subject or object. */
  exists: boolean;
}

export interface DescribeOptions {
  /** 1-based page of backlinks (default 1). */
  page?: number;
  pageSize?: number;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

async function construct(store: GraphStore, sparql: string): Promise<Quad[]> {
  const { body } = await store.query(sparql, { graphFormat: 'application/n-triples' });
  return new Parser({ format: 'N-Triples' }).parse(body);
}

const notEvidence = (variable: string): string => `FILTER NOT EXISTS { ?${variable} a ?evidenceType . ${sparqlValues('evidenceType', EVIDENCE_TYPES)} }`;

function backlinkPattern(resource: string): string {
  return `?s ?p ${resource} . FILTER(isIRI(?s)) ${notEvidence('s')}`;
}

async function countBacklinks(store: GraphStore, resource: string): Promise<number> {
  const result = await store.select(`SELECT (COUNT(*) AS ?total) WHERE { SELECT DISTINCT ?s ?p WHERE { ${backlinkPattern(resource)} } }`);
  return Number(result.results.bindings[0]?.total?.value ?? 0);
}

async function backlinkPage(store: GraphStore, resource: string, page: number, pageSize: number): Promise<Backlink[]> {
  const citing = CITING_PREDICATES.map(sparqlIri).join(', ');
  const result = await store.select(
    `SELECT DISTINCT ?s ?p WHERE { ${backlinkPattern(resource)} } ORDER BY (IF(?p IN (${citing}), 0, 1)) ?p ?s LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  );
  return result.results.bindings.map((row) => ({ subject: row.s.value, predicate: row.p.value }));
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function constructForEach(store: GraphStore, iris: readonly string[], query: (values: string) => string): Promise<Quad[]> {
  const parts = await Promise.all(chunks(iris, VALUES_BATCH_SIZE).map((batch) => construct(store, query(sparqlValues('n', batch)))));
  return parts.flat();
}

function unique(quads: Iterable<Quad>): Quad[] {
  const seen = new Map<string, Quad>();
  for (const q of quads) seen.set(`${q.subject.id} ${q.predicate.id} ${q.object.id}`, q);
  return [...seen.values()];
}

/** The resource's own triples first, then by subject, predicate and object. */
function ordered(quads: Quad[], iri: string): Quad[] {
  return quads.sort(
    (a, b) =>
      Number(a.subject.value !== iri) - Number(b.subject.value !== iri) ||
      byCodeUnits(a.subject.id, b.subject.id) ||
      byCodeUnits(a.predicate.id, b.predicate.id) ||
      byCodeUnits(a.object.id, b.object.id),
  );
}

export async function describeResource(store: GraphStore, iri: string, options: DescribeOptions = {}): Promise<ResourceDescription> {
  const resource = sparqlIri(iri);
  const page = options.page ?? 1;
  const pageSize = options.pageSize ?? BACKLINK_PAGE_SIZE;
  const clauseAct = sparqlIri(`${NS.unkg}clauseAct`);
  const citing = sparqlIri(`${NS.cito}hasCitingEntity`);
  const cited = sparqlIri(`${NS.cito}hasCitedEntity`);

  const [own, evidence, total, backlinks] = await Promise.all([
    construct(store, `CONSTRUCT { ${resource} ?p ?o } WHERE { ${resource} ?p ?o } LIMIT ${MAX_OWN_TRIPLES}`),
    construct(store, `CONSTRUCT { ?e ?p ?o } WHERE { { ${resource} ${clauseAct} ?e } UNION { ?e ${citing} ${resource} } ?e ?p ?o } LIMIT ${MAX_OWN_TRIPLES}`),
    countBacklinks(store, resource),
    backlinkPage(store, resource, page, pageSize),
  ]);

  const subjects = [...new Set(backlinks.map((b) => b.subject))];
  const backlinkEvidence = await constructForEach(
    store,
    subjects,
    (values) => `CONSTRUCT { ?e ?p ?o } WHERE { ${values} ?e ${citing} ?n ; ${cited} ${resource} ; ?p ?o }`,
  );

  const mentioned = new Set<string>(subjects);
  for (const q of [...own, ...evidence, ...backlinkEvidence]) if (q.object.termType === 'NamedNode') mentioned.add(q.object.value);
  mentioned.delete(iri);
  const [names, snippets] = await Promise.all([
    constructForEach(
      store,
      [...mentioned].sort(byCodeUnits),
      (values) => `CONSTRUCT { ?n ?p ?o } WHERE { ${values} ${sparqlValues('p', NAMING_PREDICATES)} ?n ?p ?o }`,
    ),
    constructForEach(
      store,
      subjects,
      (values) => `CONSTRUCT { ?n ${sparqlIri(`${NS.schema}text`)} ?o } WHERE { ${values} ?n ${sparqlIri(`${NS.schema}text`)} ?o }`,
    ),
  ]);

  const backlinkQuads = backlinks.map((b) =>
    DataFactory.quad(DataFactory.namedNode(b.subject), DataFactory.namedNode(b.predicate), DataFactory.namedNode(iri)),
  );
  return {
    iri,
    quads: ordered(unique([...own, ...evidence, ...backlinkQuads, ...backlinkEvidence, ...names]), iri),
    snippets: unique(snippets),
    backlinks: { items: backlinks, total, page, pageSize },
    exists: own.length > 0 || total > 0,
  };
}

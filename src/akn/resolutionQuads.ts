/** What the store holds about one resolution's text: the document, its paragraphs,
 *  sub-paragraphs and footnotes, their clause acts, the evidence of their links, and the
 *  types and names of what they link to (often in the reference data's graph). Read from the
 *  default graph, the union of all graphs, so it does not depend on how the graphs are named.
 *  Six simple CONSTRUCTs run side by side: one query joining them by UNION is planned ten
 *  times slower. */
import { Parser, type Quad } from 'n3';
import type { GraphStore, QueryOptions } from '../graph';
import { NS, isIriRefText } from '../vocab';

const PREFIXES = `PREFIX eli: <${NS.eli}>
PREFIX cito: <${NS.cito}>
PREFIX rdf: <${NS.rdf}>
PREFIX rdfs: <${NS.rdfs}>
PREFIX skos: <${NS.skos}>
PREFIX unkg: <${NS.unkg}>
`;

const NAMES = 'VALUES ?p { rdf:type skos:prefLabel rdfs:label eli:id_local }';

export function resolutionQueries(iri: string): string[] {
  if (!isIriRefText(iri)) throw new Error(`not an IRI: ${JSON.stringify(iri)}`);
  const doc = `<${iri}>`;
  return [
    `CONSTRUCT { ${doc} ?p ?o } WHERE { ${doc} ?p ?o }`,
    `CONSTRUCT { ?s ?p ?o } WHERE { ${doc} eli:has_part+ ?s . ?s ?p ?o }`,
    `CONSTRUCT { ?s ?p ?o } WHERE { ${doc} eli:has_part+ ?part . ?s cito:hasCitingEntity ?part . ?s ?p ?o }`,
    `CONSTRUCT { ?s ?p ?o } WHERE { ${doc} eli:has_part+ ?part . ?ref cito:hasCitingEntity ?part ; cito:hasCitedEntity ?s . ${NAMES} ?s ?p ?o }`,
    `CONSTRUCT { ?s ?p ?o } WHERE { ${doc} eli:passed_by ?s . ${NAMES} ?s ?p ?o }`,
    `CONSTRUCT { ?s ?p ?o } WHERE { ${doc} eli:has_part+ ?part . ?part unkg:clauseAct ?s . ?s ?p ?o }`,
  ].map((q) => PREFIXES + q);
}

export async function resolutionQuads(store: GraphStore, iri: string, options: Pick<QueryOptions, 'signal' | 'deadline' | 'clientId'> = {}): Promise<Quad[]> {
  const bodies = await Promise.all(resolutionQueries(iri).map(async (q) => (await store.query(q, { ...options, graphFormat: 'application/n-triples' })).body));
  return bodies.flatMap((body) => new Parser({ format: 'N-Triples' }).parse(body));
}

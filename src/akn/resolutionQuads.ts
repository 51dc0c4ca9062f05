/** What the store holds about one resolution's text, in one CONSTRUCT: the document, its
 *  expression, its paragraphs, sub-paragraphs and footnotes, the evidence of their links, and
 *  the types and names of what they link to (often in the reference data's graph). Read from
 *  the default graph, the union of all graphs, so it does not depend on how the graphs are
 *  named. */
import { Parser, type Quad } from 'n3';
import type { GraphStore, QueryOptions } from '../graph';
import { NS } from '../vocab';

const NAMES = ['rdf:type', 'skos:prefLabel', 'rdfs:label', 'eli:id_local'];

export function resolutionQuery(iri: string): string {
  if (/[\u0000-\u0020<>"{}|^`\\]/.test(iri)) throw new Error(`not an IRI: ${JSON.stringify(iri)}`);
  const doc = `<${iri}>`;
  return `PREFIX eli: <${NS.eli}>
PREFIX cito: <${NS.cito}>
PREFIX rdf: <${NS.rdf}>
PREFIX rdfs: <${NS.rdfs}>
PREFIX skos: <${NS.skos}>
CONSTRUCT { ?s ?p ?o } WHERE {
  {
    { BIND(${doc} AS ?s) ?s ?p ?o }
    UNION { ${doc} eli:has_part+|eli:is_realized_by ?s . ?s ?p ?o }
    UNION { ${doc} eli:has_part+ ?part . ?s cito:hasCitingEntity ?part . ?s ?p ?o }
  }
  UNION
  {
    { ${doc} eli:has_part+ ?part . ?ref cito:hasCitingEntity ?part ; cito:hasCitedEntity ?s }
    UNION { ${doc} eli:passed_by ?s }
    VALUES ?p { ${NAMES.join(' ')} }
    ?s ?p ?o
  }
}`;
}

export async function resolutionQuads(store: GraphStore, iri: string, options: Pick<QueryOptions, 'signal' | 'deadline' | 'clientId'> = {}): Promise<Quad[]> {
  const { body } = await store.query(resolutionQuery(iri), { ...options, graphFormat: 'application/n-triples' });
  return new Parser({ format: 'N-Triples' }).parse(body);
}

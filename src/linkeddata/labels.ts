/** How a resource is named for a reader: its label in the preferred language, else its
 *  symbol or title, else a name read from its IRI. */
import { Parser, type Literal } from 'n3';
import { VALUES_BATCH_SIZE, type GraphStore } from '../graph';
import { NS, PREFIXES } from '../vocab';
import { NAMING_PREDICATES } from './describeResource';
import { sparqlValues } from './sparqlIri';
import { TripleIndex } from './tripleIndex';

/** Label sources, best first: documents go by their symbol, their title is a property. */
export const LABEL_PREDICATES: readonly string[] = [`${NS.skos}prefLabel`, `${NS.rdfs}label`, `${NS.eli}id_local`, `${NS.dcterms}title`, `${NS.skos}notation`];

/** The literal in the first preferred language ('en' also takes 'en-GB'), else an untagged
 *  one, else the first. */
export function pickLiteral(literals: readonly Literal[], languages: readonly string[]): Literal | undefined {
  for (const want of languages) {
    const hit = literals.find((l) => l.language === want) ?? literals.find((l) => l.language.startsWith(`${want}-`));
    if (hit) return hit;
  }
  return literals.find((l) => l.language === '') ?? literals[0];
}

/** `eli:cites` for http://data.europa.eu/eli/ontology#cites; the IRI when no prefix fits. */
export function prefixedName(iri: string): string {
  let best: [string, string] | undefined;
  for (const [prefix, ns] of Object.entries(PREFIXES))
    if (iri.startsWith(ns) && iri.length > ns.length && (!best || ns.length > best[1].length)) best = [prefix, ns];
  return best ? `${best[0]}:${iri.slice(best[1].length)}` : iri;
}

/** "E/RES/2017/18 op/2" for a paragraph IRI, read from the public IRI scheme. */
function subdivisionName(iri: string, base: string): string | undefined {
  const documents = `${base}eli/un/`;
  const match = iri.startsWith(documents) ? /^(.+?)\/((?:pp|op|fn)\/.+)$/.exec(iri.slice(documents.length)) : null;
  return match ? `${match[1]} ${match[2]}` : undefined;
}

const localName = (iri: string): string => iri.slice(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1) || iri;

export interface Label {
  label: string;
  /** Language of the label, when it is tagged. */
  language?: string;
}

export function labelOf(index: TripleIndex, iri: string, languages: readonly string[], base: string): Label {
  for (const predicate of LABEL_PREDICATES) {
    const pick = pickLiteral(index.literals(iri, predicate), languages);
    if (pick) return pick.language ? { label: pick.value, language: pick.language } : { label: pick.value };
  }
  // Vocabulary terms without a label here (eli:LegalResource) go by their prefixed name, never the raw IRI.
  if (iri.startsWith(NS.unkg) || (!iri.startsWith(base) && prefixedName(iri) !== iri && !iri.startsWith(NS.sdg))) return { label: prefixedName(iri) };
  // Names minted here read well from their last segment; another site's IRI is shown whole.
  const minted = iri.startsWith(base) || iri.startsWith(NS.clause);
  return { label: subdivisionName(iri, base) ?? (minted ? localName(iri) : iri) };
}

/** Names and rdf:types of resources, read from the store in VALUES batches. */
export async function resourceLabels(
  store: GraphStore,
  iris: readonly string[],
  languages: readonly string[],
  base: string,
): Promise<Map<string, Label & { types: string[] }>> {
  const quads = [];
  for (let i = 0; i < iris.length; i += VALUES_BATCH_SIZE) {
    const batch = iris.slice(i, i + VALUES_BATCH_SIZE);
    const { body } = await store.query(`CONSTRUCT { ?n ?p ?o } WHERE { ${sparqlValues('n', batch)} ${sparqlValues('p', NAMING_PREDICATES)} ?n ?p ?o }`, {
      graphFormat: 'application/n-triples',
    });
    quads.push(...new Parser({ format: 'N-Triples' }).parse(body));
  }
  const index = new TripleIndex(quads);
  return new Map(iris.map((iri) => [iri, { ...labelOf(index, iri, languages, base), types: index.iris(iri, `${NS.rdf}type`) }]));
}

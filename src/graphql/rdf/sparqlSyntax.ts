import { NS, iriRef, isAbsoluteIri, stringLiteral, valuesClause } from '../../vocab';

/** SPARQL text building. Every IRI and string that reaches a query goes through iri() or
 *  literal(): no client input is ever pasted into SPARQL as it is. */

const USED_PREFIXES = ['rdf', 'rdfs', 'xsd', 'eli', 'unkg', 'clause', 'schema', 'skos', 'dcterms', 'cito', 'org', 'sdgo', 'prov'] as const;

/** The PREFIX header every query of the GraphQL layer starts with. */
export const PREFIXES = USED_PREFIXES.map((prefix) => `PREFIX ${prefix}: <${NS[prefix]}>`).join('\n');

const PREFIXED_NAME = new RegExp(`(?<![\\w<:/#.-])(${USED_PREFIXES.join('|')}):`, 'g');

/** The PREFIX lines of the prefixes `text` uses (a shorter query to scan and to parse). */
export function prefixesOf(text: string): string {
  const used = new Set([...text.replace(/<[^>]*>|"(?:[^"\\]|\\.)*"/g, '').matchAll(PREFIXED_NAME)].map((match) => match[1]));
  return USED_PREFIXES.filter((prefix) => used.has(prefix))
    .map((prefix) => `PREFIX ${prefix}: <${NS[prefix]}>`)
    .join('\n');
}

/** IRIs and strings are written by src/vocab's rdfTerms (a TypeError for anything that is not
 *  an absolute IRI). */
export { isAbsoluteIri };

/** `<iri>`, or throws for anything that is not an absolute IRI. */
export const iri = (value: string): string => iriRef(value);

/** A quoted SPARQL string literal with every special character escaped. */
export const literal = stringLiteral;

/** `VALUES ?variable { <a> <b> }` */
export const valuesOf = (variable: string, iris: readonly string[]): string => valuesClause(variable, iris);

import { NS } from '../../vocab';

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

/** Characters an IRIREF may not hold (SPARQL 1.1, production IRIREF), and controls. */
const NOT_IN_IRI = /[\u0000-\u0020<>"{}|^`\\]/;
const ABSOLUTE = /^[A-Za-z][A-Za-z0-9+.-]*:/;

export const isAbsoluteIri = (value: string): boolean => ABSOLUTE.test(value) && !NOT_IN_IRI.test(value);

/** `<iri>`, or throws for anything that is not an absolute IRI. */
export function iri(value: string): string {
  if (!isAbsoluteIri(value)) throw new TypeError(`not an absolute IRI: ${JSON.stringify(value)}`);
  return `<${value}>`;
}

/** A quoted SPARQL string literal with every special character escaped. */
export function literal(value: string): string {
  return `"${value.replace(/[\\"\n\r\t]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c] as string)}"`;
}

/** `VALUES ?variable { <a> <b> }` */
export const valuesOf = (variable: string, iris: readonly string[]): string => `VALUES ?${variable} { ${iris.map(iri).join(' ')} }`;

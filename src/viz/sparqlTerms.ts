/** Safe SPARQL terms for the queries graph views send: IRIs come from requests, so they
 *  are checked (src/vocab's rdfTerms) before they are written into a query. */
import { iriRef as checkedIriRef, valuesClause as checkedValuesClause } from '../vocab';
import { InvalidIriError } from './errors';

const invalid = (iri: string) => new InvalidIriError(iri);

/** `<iri>`, or InvalidIriError. */
export const iriRef = (iri: string): string => checkedIriRef(iri, invalid);

/** `VALUES ?name { <a> <b> }` */
export const valuesClause = (variable: string, iris: readonly string[]): string => checkedValuesClause(variable, iris, invalid);

/** Split a list into consecutive batches of at most `size`. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

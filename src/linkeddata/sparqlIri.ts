/** IRIs written into SPARQL text: requests supply them, so each is checked (src/vocab's
 *  rdfTerms) and one that is not an absolute IRI is the client's error. */
import { BadRequestError } from '../http';
import { iriRef, valuesClause } from '../vocab';

const notAnIri = (iri: string) => new BadRequestError(`not an absolute IRI: ${JSON.stringify(iri)}`);

/** `<iri>`; a string that cannot be an absolute IRI is a 400. */
export const sparqlIri = (iri: string): string => iriRef(iri, notAnIri);

export const sparqlValues = (variable: string, iris: readonly string[]): string => valuesClause(variable, iris, notAnIri);

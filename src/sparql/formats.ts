import { RESULTS_MEDIA_TYPES, type QueryForm, type RdfMediaType, type ResultsMediaType } from '../graph';

/** The media types each kind of answer is offered in; the first is the default. */
export const SOLUTION_TYPES: readonly ResultsMediaType[] = RESULTS_MEDIA_TYPES;
export const GRAPH_RESULT_TYPES: readonly RdfMediaType[] = [
  'text/turtle',
  'application/n-triples',
  'application/n-quads',
  'application/ld+json',
  'application/rdf+xml',
  'application/trig',
];
/** Service description and VoID documents. */
export const DESCRIPTION_TYPES: readonly RdfMediaType[] = ['text/turtle', 'application/ld+json', 'application/n-triples', 'application/rdf+xml'];

/** Names clients use for the same formats. */
export const SOLUTION_ALIASES: Readonly<Record<string, ResultsMediaType>> = {
  'application/json': 'application/sparql-results+json',
  'application/xml': 'application/sparql-results+xml',
  'text/xml': 'application/sparql-results+xml',
};
export const RDF_ALIASES: Readonly<Record<string, RdfMediaType>> = {
  'application/x-turtle': 'text/turtle',
  'application/json': 'application/ld+json',
  'application/xml': 'application/rdf+xml',
  'text/xml': 'application/rdf+xml',
};

/** Values of the `format` / `output` request parameters (as Fuseki, Virtuoso and
 *  SPARQLWrapper send them), per kind of answer. */
const SOLUTION_FORMAT_NAMES: Record<string, ResultsMediaType> = {
  json: 'application/sparql-results+json',
  xml: 'application/sparql-results+xml',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
};
const RDF_FORMAT_NAMES: Record<string, RdfMediaType> = {
  turtle: 'text/turtle',
  ttl: 'text/turtle',
  ntriples: 'application/n-triples',
  nt: 'application/n-triples',
  'n-triples': 'application/n-triples',
  nquads: 'application/n-quads',
  nq: 'application/n-quads',
  'n-quads': 'application/n-quads',
  jsonld: 'application/ld+json',
  'json-ld': 'application/ld+json',
  json: 'application/ld+json',
  rdfxml: 'application/rdf+xml',
  'rdf/xml': 'application/rdf+xml',
  xml: 'application/rdf+xml',
  trig: 'application/trig',
};

export const isGraphForm = (form: QueryForm | undefined): boolean => form === 'CONSTRUCT' || form === 'DESCRIBE';

/** The media type a `format` parameter asks for, when it names one this kind of answer has;
 *  anything else is ignored (the Accept header decides). */
export function formatOverride(value: string | undefined, form: QueryForm | undefined): string | undefined {
  if (!value) return undefined;
  const name = value.trim().toLowerCase();
  const types: readonly string[] = isGraphForm(form) ? GRAPH_RESULT_TYPES : SOLUTION_TYPES;
  if (types.includes(name)) return name;
  return (isGraphForm(form) ? RDF_FORMAT_NAMES : SOLUTION_FORMAT_NAMES)[name];
}

/** W3C format IRIs (https://www.w3.org/ns/formats/) for the service description. */
export const FORMAT_IRIS: Readonly<Record<string, string>> = {
  'application/sparql-results+json': 'http://www.w3.org/ns/formats/SPARQL_Results_JSON',
  'application/sparql-results+xml': 'http://www.w3.org/ns/formats/SPARQL_Results_XML',
  'text/csv': 'http://www.w3.org/ns/formats/SPARQL_Results_CSV',
  'text/tab-separated-values': 'http://www.w3.org/ns/formats/SPARQL_Results_TSV',
  'text/turtle': 'http://www.w3.org/ns/formats/Turtle',
  'application/n-triples': 'http://www.w3.org/ns/formats/N-Triples',
  'application/n-quads': 'http://www.w3.org/ns/formats/N-Quads',
  'application/ld+json': 'http://www.w3.org/ns/formats/JSON-LD',
  'application/rdf+xml': 'http://www.w3.org/ns/formats/RDF_XML',
  'application/trig': 'http://www.w3.org/ns/formats/TriG',
};

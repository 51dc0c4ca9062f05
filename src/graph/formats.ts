import type { RdfMediaType, ResultsMediaType } from './GraphStore';

/** Everything the engine serialises, in the order of preference used as defaults.
 *  oxigraph 0.5.11 writes every one of these itself (checked: CONSTRUCT to Turtle,
 *  N-Triples, N-Quads, TriG, JSON-LD and RDF/XML; SELECT/ASK to JSON, XML, CSV and TSV,
 *  ASK included), so no second serialiser is needed. */
export const RESULTS_MEDIA_TYPES: readonly ResultsMediaType[] = [
  'application/sparql-results+json',
  'application/sparql-results+xml',
  'text/csv',
  'text/tab-separated-values',
];

export const RDF_MEDIA_TYPES: readonly RdfMediaType[] = [
  'text/turtle',
  'application/n-triples',
  'application/n-quads',
  'application/ld+json',
  'application/rdf+xml',
  'application/trig',
];

/** Formats that carry graph names (a whole dataset). */
export const DATASET_MEDIA_TYPES: readonly RdfMediaType[] = ['application/n-quads', 'application/trig', 'application/ld+json'];

/** Formats that carry one graph. */
export const TRIPLE_MEDIA_TYPES: readonly RdfMediaType[] = ['text/turtle', 'application/n-triples', 'application/ld+json', 'application/rdf+xml'];

export const isRdfMediaType = (value: string): value is RdfMediaType => (RDF_MEDIA_TYPES as readonly string[]).includes(value);
export const isResultsMediaType = (value: string): value is ResultsMediaType => (RESULTS_MEDIA_TYPES as readonly string[]).includes(value);
export const isDatasetMediaType = (value: string): boolean => (DATASET_MEDIA_TYPES as readonly string[]).includes(value);

/** The one registry of the formats the service reads and writes: each media type with the
 *  other media types clients send for it, the names `?format=` takes, its file extension and
 *  its W3C format IRI; and, per operation, the media types it is offered in (in the server's
 *  order of preference, the first being the default). SPARQL results, graph results, Graph
 *  Store bodies and dumps, service descriptions and resource pages all negotiate among these
 *  offers (src/http's negotiation), so a media type means the same everywhere. */

/** What SELECT and ASK answer in. */
export type ResultsMediaType = 'application/sparql-results+json' | 'application/sparql-results+xml' | 'text/csv' | 'text/tab-separated-values';
/** What the store reads and writes RDF in. */
export type RdfMediaType = 'text/turtle' | 'application/n-triples' | 'application/n-quads' | 'application/trig' | 'application/ld+json' | 'application/rdf+xml';
/** Akoma Ntoso 3.0 XML (src/akn). */
export const AKN_MEDIA_TYPE = 'application/akn+xml';
/** Graph exports for visualisation tools (src/viz): GraphML, GEXF, Graphviz DOT. */
export type ExportMediaType = 'application/graphml+xml' | 'application/gexf+xml' | 'text/vnd.graphviz';
export type FormatMediaType = ResultsMediaType | RdfMediaType | ExportMediaType | 'text/html' | typeof AKN_MEDIA_TYPE;

export interface Format {
  /** The short name links use (`?format=ttl`). */
  readonly name: string;
  /** Every value `?format=` takes for it, the short name first. */
  readonly names: readonly string[];
  /** Other media types a client's Accept header may name it by. */
  readonly aliases: readonly string[];
  /** File extension, without the dot. */
  readonly extension: string;
  /** https://www.w3.org/ns/formats/ name, for service descriptions. */
  readonly iri?: string;
}

const W3C = 'http://www.w3.org/ns/formats/';

export const FORMATS: Readonly<Record<FormatMediaType, Format>> = {
  'application/sparql-results+json': { name: 'json', names: ['json'], aliases: ['application/json'], extension: 'srj', iri: `${W3C}SPARQL_Results_JSON` },
  'application/sparql-results+xml': {
    name: 'xml',
    names: ['xml'],
    aliases: ['application/xml', 'text/xml'],
    extension: 'srx',
    iri: `${W3C}SPARQL_Results_XML`,
  },
  'text/csv': { name: 'csv', names: ['csv'], aliases: [], extension: 'csv', iri: `${W3C}SPARQL_Results_CSV` },
  'text/tab-separated-values': { name: 'tsv', names: ['tsv'], aliases: [], extension: 'tsv', iri: `${W3C}SPARQL_Results_TSV` },
  'text/turtle': { name: 'ttl', names: ['ttl', 'turtle'], aliases: ['application/x-turtle'], extension: 'ttl', iri: `${W3C}Turtle` },
  'application/n-triples': { name: 'nt', names: ['nt', 'ntriples', 'n-triples'], aliases: [], extension: 'nt', iri: `${W3C}N-Triples` },
  'application/n-quads': { name: 'nq', names: ['nq', 'nquads', 'n-quads'], aliases: [], extension: 'nq', iri: `${W3C}N-Quads` },
  'application/trig': { name: 'trig', names: ['trig'], aliases: [], extension: 'trig', iri: `${W3C}TriG` },
  'application/ld+json': { name: 'jsonld', names: ['jsonld', 'json-ld', 'json'], aliases: ['application/json'], extension: 'jsonld', iri: `${W3C}JSON-LD` },
  'application/rdf+xml': {
    name: 'rdf',
    names: ['rdf', 'rdfxml', 'rdf/xml', 'xml'],
    aliases: ['application/xml', 'text/xml'],
    extension: 'rdf',
    iri: `${W3C}RDF_XML`,
  },
  'text/html': { name: 'html', names: ['html'], aliases: ['application/xhtml+xml'], extension: 'html' },
  [AKN_MEDIA_TYPE]: { name: 'akn', names: ['akn', 'akomantoso'], aliases: [], extension: 'xml' },
  'application/graphml+xml': { name: 'graphml', names: ['graphml'], aliases: [], extension: 'graphml' },
  'application/gexf+xml': { name: 'gexf', names: ['gexf'], aliases: [], extension: 'gexf' },
  'text/vnd.graphviz': { name: 'dot', names: ['dot', 'graphviz', 'gv'], aliases: [], extension: 'dot' },
};

/** What one operation answers in. */
export interface FormatOffer<T extends string = string> {
  /** In the server's order of preference. */
  readonly types: readonly T[];
  /** The answer to a request without Accept (the first of `types`). */
  readonly fallback: T;
  /** Other media types standing for one of `types` (empty when only the types themselves count). */
  readonly aliases: Readonly<Record<string, T>>;
  /** `?format=` values (short names and the media types themselves) and the type each names. */
  readonly names: Readonly<Record<string, T>>;
}

function offer<T extends FormatMediaType>(types: readonly T[], { aliases }: { aliases: boolean }): FormatOffer<T> {
  const aliasMap: Record<string, T> = Object.create(null);
  const names: Record<string, T> = Object.create(null);
  for (const type of types) {
    if (aliases) for (const alias of FORMATS[type].aliases) aliasMap[alias] = type;
    for (const name of [...FORMATS[type].names, type]) names[name] = type;
  }
  return { types, fallback: types[0], aliases: aliasMap, names };
}

export const RESULTS_MEDIA_TYPES: readonly ResultsMediaType[] = [
  'application/sparql-results+json',
  'application/sparql-results+xml',
  'text/csv',
  'text/tab-separated-values',
];

/** Everything the engine serialises. oxigraph 0.5.11 writes every one of these itself
 *  (checked: CONSTRUCT to Turtle, N-Triples, N-Quads, TriG, JSON-LD and RDF/XML; SELECT/ASK
 *  to JSON, XML, CSV and TSV, ASK included), so no second serialiser is needed. */
export const RDF_MEDIA_TYPES: readonly RdfMediaType[] = [
  'text/turtle',
  'application/n-triples',
  'application/n-quads',
  'application/ld+json',
  'application/rdf+xml',
  'application/trig',
];

/** Formats that carry graph names (a whole dataset), N-Quads first: it streams and diffs well. */
export const DATASET_MEDIA_TYPES: readonly RdfMediaType[] = ['application/n-quads', 'application/trig', 'application/ld+json'];

/** Formats that carry one graph. */
export const TRIPLE_MEDIA_TYPES: readonly RdfMediaType[] = ['text/turtle', 'application/n-triples', 'application/ld+json', 'application/rdf+xml'];

const DESCRIPTION_TYPES: readonly RdfMediaType[] = ['text/turtle', 'application/ld+json', 'application/n-triples', 'application/rdf+xml'];

/** A resource's representations. A client that accepts anything (curl's `*\/*`, or no Accept
 *  at all) is a program and gets Turtle; browsers name text/html and get the page. */
const RESOURCE_TYPES = ['text/turtle', 'text/html', 'application/ld+json', 'application/n-triples', 'application/rdf+xml'] as const;

/** The offer of each operation. Client names (`application/json`, `text/xml`) count where
 *  clients send them for results; the Graph Store Protocol and the service descriptions
 *  answer only to the RDF media types themselves (a browser's application/xml is not a
 *  request for RDF/XML). */
export const OFFERS = {
  /** SELECT and ASK results (the SPARQL endpoint and the named queries alike). */
  solutions: offer(RESULTS_MEDIA_TYPES, { aliases: true }),
  /** CONSTRUCT and DESCRIBE results. */
  graphResults: offer(RDF_MEDIA_TYPES, { aliases: true }),
  /** Service description and VoID documents. */
  description: offer(DESCRIPTION_TYPES, { aliases: false }),
  /** The SPARQL endpoint without a query: its description, or the query page for a browser. */
  descriptionOrPage: offer([...DESCRIPTION_TYPES, 'text/html'], { aliases: false }),
  /** One graph of the Graph Store Protocol, read or written. */
  graph: offer(TRIPLE_MEDIA_TYPES, { aliases: false }),
  /** The whole dataset of the Graph Store Protocol. */
  dataset: offer(DATASET_MEDIA_TYPES, { aliases: false }),
  /** A resource's page and RDF descriptions. */
  resource: offer(RESOURCE_TYPES, { aliases: true }),
  /** A resolution whose text the graph holds: the same, and its Akoma Ntoso document. */
  document: offer([...RESOURCE_TYPES, AKN_MEDIA_TYPE], { aliases: true }),
} as const;

export const isRdfMediaType = (value: string): value is RdfMediaType => (RDF_MEDIA_TYPES as readonly string[]).includes(value);
export const isResultsMediaType = (value: string): value is ResultsMediaType => (RESULTS_MEDIA_TYPES as readonly string[]).includes(value);
export const isDatasetMediaType = (value: string): boolean => (DATASET_MEDIA_TYPES as readonly string[]).includes(value);

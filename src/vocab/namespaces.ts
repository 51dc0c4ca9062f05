/** RDF namespaces used across the product. The `unkg:` vocabulary and the clause-verb
 *  concept scheme are fixed (they are the ontology's own names); data IRIs hang off the
 *  configurable base (see iris.ts). */
export const NS = {
  unkg: 'https://w3id.org/unkg/ontology#',
  clause: 'https://w3id.org/unkg/clause/',
  eli: 'http://data.europa.eu/eli/ontology#',
  schema: 'http://schema.org/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  dcterms: 'http://purl.org/dc/terms/',
  prov: 'http://www.w3.org/ns/prov#',
  cito: 'http://purl.org/spar/cito/',
  org: 'http://www.w3.org/ns/org#',
  sdgo: 'http://metadata.un.org/sdg/ontology#',
  sdg: 'http://metadata.un.org/sdg/',
  undo: 'https://w3id.org/un/ontology/undo/',
  fabio: 'http://purl.org/spar/fabio/',
  owl: 'http://www.w3.org/2002/07/owl#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  sh: 'http://www.w3.org/ns/shacl#',
  void: 'http://rdfs.org/ns/void#',
  sd: 'http://www.w3.org/ns/sparql-service-description#',
  dcat: 'http://www.w3.org/ns/dcat#',
  time: 'http://www.w3.org/2006/time#',
} as const;

export type Prefix = keyof typeof NS;

/** The ontology document IRI (the namespace without its '#'). */
export const ONTOLOGY_IRI = NS.unkg.slice(0, -1);
/** The clause-verb SKOS concept scheme. */
export const CLAUSE_SCHEME_IRI = NS.clause.slice(0, -1);

/** Classes of the resources that record how a link or a clause verb was extracted
 *  (evidence): shown with the link they support, not as things of their own. */
export const EVIDENCE_CLASSES: readonly string[] = [
  `${NS.unkg}ClauseAct`,
  `${NS.unkg}Reference`,
  `${NS.unkg}Citation`,
  `${NS.unkg}Mention`,
  `${NS.unkg}SimilarityLink`,
  `${NS.cito}Citation`,
];

/** Default base of every IRI the service mints. */
export const DEFAULT_BASE = 'https://w3id.org/unkg/';

/** Prefix map for Turtle writers (the base prefixes are added per deployment). */
export const PREFIXES: Record<string, string> = { ...NS };

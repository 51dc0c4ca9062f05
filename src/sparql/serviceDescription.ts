import { DataFactory, type Quad, type Quad_Object, type Quad_Subject } from 'n3';
import { FORMATS, NS } from '../vocab';
import type { DatasetStatistics } from './datasetStatistics';
import { GRAPH_RESULT_TYPES, SOLUTION_TYPES } from './formats';

const { namedNode, blankNode, literal, quad } = DataFactory;
const sd = (name: string) => namedNode(`${NS.sd}${name}`);
const voidTerm = (name: string) => namedNode(`${NS.void}${name}`);
const a = namedNode(`${NS.rdf}type`);
const integer = (n: number) => literal(String(n), namedNode(`${NS.xsd}integer`));

export interface ServiceDescriptionInput {
  /** The URL the endpoint answers at (sd:endpoint). */
  endpoint: string;
  updateEnabled: boolean;
  /** Absent when the counts could not be computed: the description is then given without them. */
  statistics?: DatasetStatistics;
}

export const DESCRIPTION_PREFIXES = { sd: NS.sd, void: NS.void, rdfs: NS.rdfs, xsd: NS.xsd, dcterms: NS.dcterms };

/** The SPARQL 1.1 Service Description of the endpoint (https://www.w3.org/TR/sparql11-service-description/). */
export function describeService({ endpoint, updateEnabled, statistics }: ServiceDescriptionInput): Quad[] {
  const service = blankNode('service');
  const quads: Quad[] = [];
  const add = (s: Quad_Subject, p: string | ReturnType<typeof namedNode>, o: Quad_Object) => quads.push(quad(s, typeof p === 'string' ? namedNode(p) : p, o));

  add(service, a, sd('Service'));
  add(service, sd('endpoint'), namedNode(endpoint));
  add(service, sd('supportedLanguage'), sd('SPARQL11Query'));
  if (updateEnabled) add(service, sd('supportedLanguage'), sd('SPARQL11Update'));
  for (const mediaType of [...SOLUTION_TYPES, ...GRAPH_RESULT_TYPES]) add(service, sd('resultFormat'), namedNode(FORMATS[mediaType].iri as string));
  add(service, sd('feature'), sd('UnionDefaultGraph'));
  add(
    service,
    `${NS.rdfs}comment`,
    literal(
      'The default graph of a query or update without FROM or USING is the RDF merge of all graphs: each triple once, however many graphs state it. The Graph Store Protocol serves the same graph at ?default. SERVICE (federated query) is not available.',
      'en',
    ),
  );

  const dataset = blankNode('dataset');
  add(service, sd('defaultDataset'), dataset);
  add(dataset, a, sd('Dataset'));
  const defaultGraph = blankNode('defaultGraph');
  add(dataset, sd('defaultGraph'), defaultGraph);
  add(defaultGraph, a, sd('Graph'));
  if (statistics) {
    add(defaultGraph, voidTerm('triples'), integer(statistics.triples));
    statistics.graphs.forEach((graph, index) => {
      const named = blankNode(`namedGraph${index + 1}`);
      const description = blankNode(`graph${index + 1}`);
      add(dataset, sd('namedGraph'), named);
      add(named, a, sd('NamedGraph'));
      add(named, sd('name'), namedNode(graph.iri));
      add(named, sd('graph'), description);
      add(description, a, sd('Graph'));
      add(description, voidTerm('triples'), integer(graph.triples));
    });
  }
  return quads;
}

import { DataFactory, type Quad, type Quad_Object, type Quad_Subject } from 'n3';
import { NS } from '../vocab';
import type { DatasetStatistics } from './datasetStatistics';

const { namedNode, blankNode, literal, quad } = DataFactory;
const v = (name: string) => namedNode(`${NS.void}${name}`);
const a = namedNode(`${NS.rdf}type`);
const integer = (n: number) => literal(String(n), namedNode(`${NS.xsd}integer`));

export interface VoidInput {
  /** The URL of the VoID document: the dataset and linkset IRIs are fragments of it. */
  documentUrl: string;
  endpoint: string;
  /** Where the whole dataset can be downloaded (N-Quads), when it is served. */
  dataDump?: string;
  base: string;
  statistics: DatasetStatistics;
}

export const VOID_PREFIXES: Record<string, string> = { ...NS };

/** Namespaces of the known vocabularies whose terms the data uses as classes or properties. */
function vocabulariesUsed(statistics: DatasetStatistics): string[] {
  const terms = [...statistics.classes.map((c) => c.iri), ...statistics.properties.map((p) => p.iri)];
  return Object.values(NS)
    .filter((namespace) => namespace !== NS.sdg && terms.some((term) => term.startsWith(namespace)))
    .sort();
}

/** The VoID description of the dataset (https://www.w3.org/TR/void/), served at
 *  /.well-known/void: size, partitions by class and property, vocabularies, access points,
 *  and the linkset of citations to the UN SDG goals and targets. */
export function describeDataset({ documentUrl, endpoint, dataDump, base, statistics }: VoidInput): Quad[] {
  const dataset = namedNode(`${documentUrl}#dataset`);
  const sdg = namedNode(`${documentUrl}#un-sdg`);
  const linkset = namedNode(`${documentUrl}#sdg-links`);
  const quads: Quad[] = [];
  const add = (s: Quad_Subject, p: ReturnType<typeof namedNode>, o: Quad_Object) => quads.push(quad(s, p, o));

  add(dataset, a, v('Dataset'));
  add(dataset, namedNode(`${NS.dcterms}title`), literal('UN resolutions knowledge graph', 'en'));
  add(dataset, v('sparqlEndpoint'), namedNode(endpoint));
  add(dataset, v('uriSpace'), literal(base));
  if (dataDump) add(dataset, v('dataDump'), namedNode(dataDump));
  add(dataset, v('triples'), integer(statistics.triples));
  add(dataset, v('distinctSubjects'), integer(statistics.distinctSubjects));
  add(dataset, v('distinctObjects'), integer(statistics.distinctObjects));
  add(dataset, v('classes'), integer(statistics.classes.length));
  add(dataset, v('properties'), integer(statistics.properties.length));
  for (const vocabulary of vocabulariesUsed(statistics)) add(dataset, v('vocabulary'), namedNode(vocabulary));
  for (const example of statistics.exampleResources) add(dataset, v('exampleResource'), namedNode(example));
  statistics.classes.forEach(({ iri, entities }, index) => {
    const partition = blankNode(`class${index + 1}`);
    add(dataset, v('classPartition'), partition);
    add(partition, v('class'), namedNode(iri));
    add(partition, v('entities'), integer(entities));
  });
  statistics.properties.forEach(({ iri, triples }, index) => {
    const partition = blankNode(`property${index + 1}`);
    add(dataset, v('propertyPartition'), partition);
    add(partition, v('property'), namedNode(iri));
    add(partition, v('triples'), integer(triples));
  });

  add(sdg, a, v('Dataset'));
  add(sdg, namedNode(`${NS.dcterms}title`), literal('UN Sustainable Development Goals, targets and indicators', 'en'));
  add(sdg, v('uriSpace'), literal(NS.sdg));

  add(dataset, v('subset'), linkset);
  add(linkset, a, v('Linkset'));
  add(linkset, v('subjectsTarget'), dataset);
  add(linkset, v('objectsTarget'), sdg);
  add(linkset, v('target'), dataset);
  add(linkset, v('target'), sdg);
  add(linkset, v('linkPredicate'), namedNode(`${NS.eli}cites`));
  add(linkset, v('triples'), integer(statistics.sdgLinks));
  return quads;
}

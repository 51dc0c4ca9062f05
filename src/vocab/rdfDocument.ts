import type { Quad } from 'n3';

import type { RdfMediaType } from './formats';

/** Writes a small generated RDF document (service description, VoID, a resource's
 *  description). Turtle and TriG get prefixes through the n3 writer; JSON-LD and RDF/XML are
 *  written by oxigraph from the N-Triples text. Both libraries are loaded on first use, so
 *  importing the vocabulary stays cheap (the store's worker thread imports it). */
export async function writeRdf(quads: Quad[], mediaType: RdfMediaType, prefixes: Record<string, string> = {}): Promise<string> {
  if (mediaType === 'application/ld+json' || mediaType === 'application/rdf+xml') {
    const oxigraph = await import('oxigraph');
    const store = new oxigraph.Store();
    store.load(await writeWithN3(quads, 'application/n-triples', {}), { format: 'application/n-triples' });
    return store.dump({ format: mediaType, from_graph_name: oxigraph.defaultGraph() });
  }
  return writeWithN3(quads, mediaType, prefixes);
}

/** Quads of one subject together, subjects in order of first appearance, so Turtle writes
 *  each subject once. */
function groupBySubject(quads: Quad[]): Quad[] {
  const groups = new Map<string, Quad[]>();
  for (const quad of quads) {
    const key = `${quad.graph.value} ${quad.subject.termType} ${quad.subject.value}`;
    const group = groups.get(key);
    if (group) group.push(quad);
    else groups.set(key, [quad]);
  }
  return [...groups.values()].flat();
}

async function writeWithN3(quads: Quad[], format: string, prefixes: Record<string, string>): Promise<string> {
  const { Writer } = await import('n3');
  const writer = new Writer({ format, prefixes });
  writer.addQuads(groupBySubject(quads));
  return new Promise((resolve, reject) => writer.end((error, result) => (error ? reject(error) : resolve(result))));
}

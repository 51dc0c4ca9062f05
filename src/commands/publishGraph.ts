import { readFileSync } from 'node:fs';
import * as oxigraph from 'oxigraph';
import type { GraphStore, StoreSource } from '../graph';
import { rebaseIris } from '../vocab';

export interface PublishResult {
  /** Named graphs replaced, in order. */
  graphs: string[];
  quads: number;
  /** Quads stated in the sources' default graph (added to the store's default graph). */
  defaultGraphQuads: number;
  ms: number;
}

/** Publishes built graphs to a store: every named graph of the sources replaces the graph of
 *  the same name in the store, one graph at a time, each in one atomic write (Graph Store PUT
 *  on a remote store), so a reader sees each document either as it was or as it is now. Files
 *  that add to the same graph (the ontology's Turtle files) are merged first. Statements in
 *  the sources' default graph are added to the store's. */
export async function publishGraph(
  store: GraphStore,
  sources: StoreSource[],
  onProgress: (done: number, total: number, graph: string) => void = () => {},
): Promise<PublishResult> {
  const started = Date.now();
  const scratch = new oxigraph.Store();
  for (const source of sources) {
    let data = source.data ?? readFileSync(source.path!, 'utf8');
    if (source.rebase) data = rebaseIris(data, source.rebase.from, source.rebase.to);
    scratch.load(data, {
      format: source.format,
      ...(source.baseIri ? { base_iri: source.baseIri } : {}),
      ...(source.graph ? { to_graph_name: oxigraph.namedNode(source.graph) } : {}),
    });
  }
  const graphs = (scratch.query('SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }') as Map<string, oxigraph.Term>[]).map((row) => row.get('g')!.value).sort();
  for (const [index, graph] of graphs.entries()) {
    await store.replace(scratch.dump({ format: 'application/n-triples', from_graph_name: oxigraph.namedNode(graph) }), 'application/n-triples', graph);
    onProgress(index + 1, graphs.length, graph);
  }
  const defaults = scratch.dump({ format: 'application/n-triples', from_graph_name: oxigraph.defaultGraph() });
  if (defaults) await store.load(defaults, 'application/n-triples');
  return { graphs, quads: scratch.size, defaultGraphQuads: defaults ? defaults.trim().split('\n').length : 0, ms: Date.now() - started };
}

/** An in-process oxigraph store over the built graph, the ontology and the reference data,
 *  for the command line (`unkg query`, `unkg validate`). Its stored default graph is the
 *  merge of all graphs, as the service's is: query it without a union option. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oxigraph from 'oxigraph';
import { createEngine, finishLoading } from '../graph';
import { ONTOLOGY_IRI } from '../vocab';
import { turtleFiles } from './readReference';
import { toNQuads } from '../ingest';
import { readReference } from './readReference';

export interface LocalStoreOptions {
  graphDir: string;
  root: string;
  base: string;
  /** Curated reference data (default: {root}/data/reference). */
  referenceDir?: string;
}

export function localStore(o: LocalStoreOptions): oxigraph.Store {
  const store = createEngine();
  for (const f of readdirSync(o.graphDir)
    .filter((x) => x.endsWith('.nq'))
    .sort()) {
    store.load(readFileSync(join(o.graphDir, f), 'utf8'), { format: 'application/n-quads' });
  }
  for (const f of turtleFiles(join(o.root, 'ontology'))) {
    store.load(readFileSync(f, 'utf8'), { format: 'text/turtle', to_graph_name: oxigraph.namedNode(ONTOLOGY_IRI) });
  }
  const reference = readReference(o.referenceDir ?? join(o.root, 'data/reference'), o.base);
  store.load(toNQuads(reference), { format: 'application/n-triples', to_graph_name: oxigraph.namedNode(`${o.base}graph/reference`) });
  finishLoading(store);
  return store;
}

/** `unkg export --akn DIR`: every resolution whose text the graph holds, as Akoma Ntoso XML,
 *  one file per language it is held in ({symbol}.{fra|eng|...}.xml). Nothing is written
 *  unless every document renders. */
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { aknLanguage, publisherOf, renderAkn, resolutionGraph } from '../akn';
import { NS } from '../vocab';
import { graphFileStem } from './buildGraph';
import { writeAtomically } from './writeAtomically';

export interface AknExportResult {
  documents: Array<{ iri: string; symbol: string; files: string[]; unplaced: number }>;
}

/** `graphQuads`: the resolution graphs (each document in its own named graph); `reference`:
 *  the reference data that names what they link to. */
export function exportAkn(graphQuads: readonly Quad[], reference: readonly Quad[], outDir: string): AknExportResult {
  const byGraph = new Map<string, Quad[]>();
  for (const q of graphQuads) {
    const list = byGraph.get(q.graph.value) ?? [];
    list.push(q);
    byGraph.set(q.graph.value, list);
  }
  const files = new Map<string, string>();
  const documents: AknExportResult['documents'] = [];
  for (const [graph, quads] of [...byGraph].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const isResolution = quads.some((q) => q.subject.value === graph && q.predicate.value === `${NS.unkg}enactingFormula`);
    if (!isResolution) continue;
    const resolution = resolutionGraph([...quads, ...reference], graph);
    if (!resolution.isText) continue;
    const written: string[] = [];
    let unplaced = 0;
    let symbol = graph;
    for (const language of resolution.languages) {
      const model = resolution.read(language);
      symbol = model.symbol;
      unplaced += model.unplaced;
      const file = join(outDir, `${graphFileStem(model.symbol)}.${aknLanguage(language)}.xml`);
      files.set(file, renderAkn(model, { publisher: publisherOf(graph) }));
      written.push(file);
    }
    documents.push({ iri: graph, symbol, files: written, unplaced });
  }
  writeAtomically(files);
  return { documents };
}

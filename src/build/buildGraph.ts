/** `unkg build`: source documents → one named graph per document (N-Quads and Turtle),
 *  plus the generated clause-verb scheme. Nothing is written unless every input parses. */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { clauseSchemeQuads, echoCandidatesFromQuads, gazetteerFromQuads, ingestBytes, sortQuads, toNQuads, toTurtle, type IngestContext, type ResolutionAnalysis } from '../ingest';
import { createIriScheme, NS } from '../vocab';
import { DataFactory } from 'n3';
import { parseTurtleFile, readReference } from './readReference';

/** Named graph of the UN SDG vocabulary, when the build is given it: its concept scheme. */
export const SDG_GRAPH = 'http://metadata.un.org/sdg';

/** The published vocabulary has trailing spaces in some labels. */
function trimLiteral(q: Quad): Quad {
  if (q.object.termType !== 'Literal' || q.object.value.trim() === q.object.value) return q;
  const o = q.object.language ? DataFactory.literal(q.object.value.trim(), q.object.language) : DataFactory.literal(q.object.value.trim(), q.object.datatype);
  return DataFactory.quad(q.subject, q.predicate, o, q.graph);
}
import { writeAtomically } from './writeAtomically';

export interface BuildOptions {
  inputs: string[];
  outDir: string;
  referenceDir: string;
  /** Where the generated clause-verb scheme goes (ontology/clauses.ttl). */
  clausesFile?: string;
  base: string;
  /** The UN SDG vocabulary (goals, targets, indicators; sdg-kos-goals-targets-indicators.ttl):
   *  its targets' wording is compared with paragraphs, and it is written as a graph of its own. */
  sdgFile?: string;
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface BuildResult {
  documents: Array<{ file: string; symbol: string; iri: string; quads: number; outputs: string[]; warnings: string[] }>;
  files: string[];
}

/** File stem of a document's graph: its symbol with '/' and spaces as '-'. */
export const graphFileStem = (symbol: string): string => symbol.replace(/[/\s()]+/g, '-').replace(/-+$/, '');

export function turtlePrefixes(base: string): Record<string, string> {
  const { unkg, clause, eli, schema, skos, dcterms, prov, cito, org, sdg, rdfs, xsd } = NS;
  return { unkg, clause, eli, schema, skos, dcterms, prov, cito, org, sdg, rdfs, xsd, res: `${base}eli/un/`, ref: base };
}

/** The UN SDG vocabulary of a build, when it is given one. */
export const readSdg = (sdgFile: string | undefined): Quad[] => (sdgFile ? parseTurtleFile(sdgFile).map(trimLiteral) : []);

/** What every document of a build is ingested with (the reference data and the SDG wording). */
export function buildContext(options: Pick<BuildOptions, 'referenceDir' | 'base'>, sdg: Quad[]): IngestContext {
  const reference = readReference(options.referenceDir, options.base);
  return { iris: createIriScheme(options.base), gazetteer: gazetteerFromQuads(reference), echoCandidates: echoCandidatesFromQuads([...reference, ...sdg]) };
}

/** One document's graph, as the build writes it: its N-Quads and its Turtle. */
export function buildDocument(file: string, context: IngestContext, base: string) {
  const { analysis, quads: raw } = ingestBytes(readFileSync(file), file, context);
  const quads = sortQuads(raw);
  const stem = graphFileStem(analysis.tree.symbol);
  const nq = toNQuads(quads);
  const ttl = turtleHeader(analysis) + toTurtle(quads, turtlePrefixes(base));
  return { symbol: analysis.tree.symbol, iri: analysis.iri, quads: quads.length, stem, nq, ttl, warnings: analysis.warnings };
}

/** The error of a second document with the same symbol (file stem). */
export const duplicateDocument = (file: string, symbol: string, first: string): Error => new Error(`${file}: ${symbol} was already read from ${first}`);

export function buildGraph(options: BuildOptions): BuildResult {
  const sdg = readSdg(options.sdgFile);
  const context = buildContext(options, sdg);
  const files = new Map<string, string>();
  const documents: BuildResult['documents'] = [];
  const seen = new Map<string, string>();
  options.inputs.forEach((file, i) => {
    const { symbol, iri, quads, stem, nq: nqText, ttl: ttlText, warnings } = buildDocument(file, context, options.base);
    if (seen.has(stem)) throw duplicateDocument(file, symbol, seen.get(stem)!);
    seen.set(stem, file);
    const nq = join(options.outDir, `${stem}.nq`);
    const ttl = join(options.outDir, `${stem}.ttl`);
    files.set(nq, nqText);
    files.set(ttl, ttlText);
    documents.push({ file, symbol, iri, quads, outputs: [nq, ttl], warnings });
    options.onProgress?.(i + 1, options.inputs.length, file);
  });
  for (const [path, text] of sharedOutputs(options, sdg)) files.set(path, text);
  writeAtomically(files);
  return { documents, files: [...files.keys()] };
}

/** The files a build writes besides the documents' graphs: the SDG vocabulary's graph and the
 *  clause-verb scheme. */
export function sharedOutputs(options: Pick<BuildOptions, 'outDir' | 'clausesFile'>, sdg: Quad[]): Map<string, string> {
  const files = new Map<string, string>();
  if (sdg.length) {
    const graph = DataFactory.namedNode(SDG_GRAPH);
    files.set(join(options.outDir, 'sdg-kos.nq'), toNQuads(sdg.map((q) => DataFactory.quad(q.subject, q.predicate, q.object, graph))));
  }
  if (options.clausesFile) {
    files.set(options.clausesFile, '# Generated by `unkg build` from src/ingest/lexicon/clauseVerbs.ts: edit the lexicon, not this file.\n' + toTurtle(clauseSchemeQuads(), { skos: NS.skos, clause: NS.clause, unkg: NS.unkg, cito: NS.cito, dcterms: NS.dcterms, rdf: NS.rdf }));
  }
  return files;
}

function turtleHeader(a: ResolutionAnalysis): string {
  return `# ${a.tree.symbol}: generated by \`unkg build\` from ${basename(a.tree.source.file)} (sha256 ${a.tree.source.sha256.slice(0, 16)}); named graph <${a.iri}>\n`;
}

export type { Quad };

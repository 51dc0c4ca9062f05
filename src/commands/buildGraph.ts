/** `unkg build`: source documents → one named graph per document (N-Quads and Turtle),
 *  plus the generated clause-verb scheme. Nothing is written unless every input parses. */
import { basename, join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import {
  analyseResolution,
  clauseSchemeQuads,
  compareLanguageVersions,
  echoCandidatesFromQuads,
  gazetteerFromQuads,
  languageVersionsToQuads,
  parseResolution,
  sortQuads,
  toNQuads,
  toTurtle,
  type ResolutionAnalysis,
} from '../ingest';
import { fileReport, type DocumentReport, type FileReport } from './buildReport';
import { readSource } from './readSource';
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
  /** One per resolution: its language versions are merged (see languageVersions.ts). */
  documents: DocumentReport[];
  files: string[];
}

/** File stem of a document's graph: its symbol with '/' and spaces as '-'. */
export const graphFileStem = (symbol: string): string => symbol.replace(/[/\s()]+/g, '-').replace(/-+$/, '');

export function turtlePrefixes(base: string): Record<string, string> {
  const { unkg, clause, eli, schema, skos, dcterms, prov, cito, org, sdg, rdfs, xsd } = NS;
  return { unkg, clause, eli, schema, skos, dcterms, prov, cito, org, sdg, rdfs, xsd, res: `${base}eli/un/`, ref: base };
}

export async function buildGraph(options: BuildOptions): Promise<BuildResult> {
  const iris = createIriScheme(options.base);
  const reference = readReference(options.referenceDir, options.base);
  const gazetteer = gazetteerFromQuads(reference);
  const sdg = options.sdgFile ? parseTurtleFile(options.sdgFile).map(trimLiteral) : [];
  const echoCandidates = echoCandidatesFromQuads([...reference, ...sdg]);
  const files = new Map<string, string>();
  // Read and analyse every input; files that give the same symbol are one resolution's language versions.
  const bySymbol = new Map<string, Array<{ analysis: ResolutionAnalysis; report: FileReport }>>();
  for (const [i, file] of options.inputs.entries()) {
    const started = process.hrtime.bigint();
    const source = await readSource(file);
    const analysis = analyseResolution(parseResolution(source.text, { file }), { iris, gazetteer, echoCandidates });
    const versions = bySymbol.get(analysis.tree.symbol) ?? [];
    const same = versions.find((v) => v.analysis.tree.language === analysis.tree.language);
    if (same) throw new Error(`${file}: ${analysis.tree.symbol} in ${analysis.tree.language} was already read from ${same.analysis.tree.source.file}`);
    versions.push({ analysis, report: fileReport(analysis, source, Number(process.hrtime.bigint() - started) / 1e6) });
    bySymbol.set(analysis.tree.symbol, versions);
    options.onProgress?.(i + 1, options.inputs.length, file);
  }
  const documents: BuildResult['documents'] = [];
  for (const [symbol, versions] of bySymbol) {
    const analyses = versions.map((v) => v.analysis);
    const quads = sortQuads(languageVersionsToQuads(analyses, { organisation: (slug) => iris.organisation(slug) }));
    const stem = graphFileStem(symbol);
    const nq = join(options.outDir, `${stem}.nq`);
    const ttl = join(options.outDir, `${stem}.ttl`);
    files.set(nq, toNQuads(quads));
    files.set(ttl, turtleHeader(analyses) + toTurtle(quads, turtlePrefixes(options.base)));
    documents.push({
      symbol,
      iri: analyses[0].iri,
      file: versions[0].report.file,
      languages: versions.map((v) => v.report.language).sort(),
      quads: quads.length,
      outputs: [nq, ttl],
      warnings: versions.flatMap((v) => v.report.warnings),
      mismatches: compareLanguageVersions(analyses).map((m) => m.message),
      sources: versions.map((v) => v.report),
    });
  }
  if (sdg.length) {
    const graph = DataFactory.namedNode(SDG_GRAPH);
    files.set(join(options.outDir, 'sdg-kos.nq'), toNQuads(sdg.map((q) => DataFactory.quad(q.subject, q.predicate, q.object, graph))));
  }
  if (options.clausesFile) {
    files.set(
      options.clausesFile,
      '# Generated by `unkg build` from src/ingest/lexicon/clauseVerbs.ts: edit the lexicon, not this file.\n' +
        toTurtle(clauseSchemeQuads(), { skos: NS.skos, clause: NS.clause, unkg: NS.unkg, cito: NS.cito, dcterms: NS.dcterms, rdf: NS.rdf }),
    );
  }
  writeAtomically(files);
  return { documents, files: [...files.keys()] };
}

function turtleHeader(versions: ResolutionAnalysis[]): string {
  const sources = [...versions]
    .sort((a, b) => a.tree.language.localeCompare(b.tree.language))
    .map((a) => `${basename(a.tree.source.file)} (sha256 ${a.tree.source.sha256.slice(0, 16)})`)
    .join(', ');
  return `# ${versions[0].tree.symbol}: generated by \`unkg build\` from ${sources}; named graph <${versions[0].iri}>\n`;
}

export type { Quad };

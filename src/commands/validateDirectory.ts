/** `unkg validate`: the built graphs, with the clause-verb scheme and the reference data
 *  they point to, checked against ontology/shapes.ttl. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import { formatReport, validateGraph, type ValidationReport } from '../validate';
import { parseTurtleFile, readReference } from './readReference';

export interface ValidateOptions {
  graphDir: string;
  root: string;
  base: string;
  /** Curated reference data the graphs point to (default: {root}/data/reference). */
  referenceDir?: string;
}

/** What was checked, counted apart: the graph files (the figure `unkg stats` reports) and the
 *  clause-verb scheme and reference data loaded with them so links to them resolve. */
export interface ValidatedCounts {
  graphQuads: number;
  clauseQuads: number;
  referenceQuads: number;
}

export async function validateDirectory(o: ValidateOptions): Promise<ValidationReport & { text: string; files: string[]; counts: ValidatedCounts }> {
  if (!existsSync(o.graphDir)) throw new Error(`${o.graphDir} does not exist: run \`unkg build\` first`);
  const files = readdirSync(o.graphDir)
    .filter((f) => f.endsWith('.nq'))
    .sort();
  if (files.length === 0) throw new Error(`${o.graphDir} holds no .nq graph: run \`unkg build\` first`);
  const quads: Quad[] = [];
  for (const f of files) quads.push(...new Parser({ format: 'N-Quads' }).parse(readFileSync(join(o.graphDir, f), 'utf8')));
  const clauses = parseTurtleFile(join(o.root, 'ontology/clauses.ttl'));
  const reference = readReference(o.referenceDir ?? join(o.root, 'data/reference'), o.base);
  const counts: ValidatedCounts = { graphQuads: quads.length, clauseQuads: clauses.length, referenceQuads: reference.length };
  quads.push(...clauses, ...reference);
  const report = await validateGraph(quads);
  const head =
    `${files.length} graph file(s), ${counts.graphQuads} quads (as \`unkg stats\` counts them), checked together with the clause-verb scheme ` +
    `(${counts.clauseQuads} quads) and the reference data (${counts.referenceQuads} quads) against ontology/shapes.ttl: ` +
    (report.conforms ? 'conforms' : `${report.results.length} violation(s)`);
  return { ...report, files, counts, text: report.conforms ? head : `${head}\n${formatReport(report)}` };
}

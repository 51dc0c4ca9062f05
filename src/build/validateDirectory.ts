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
}

export async function validateDirectory(o: ValidateOptions): Promise<ValidationReport & { text: string; files: string[] }> {
  if (!existsSync(o.graphDir)) throw new Error(`${o.graphDir} does not exist: run \`unkg build\` first`);
  const files = readdirSync(o.graphDir).filter((f) => f.endsWith('.nq')).sort();
  if (files.length === 0) throw new Error(`${o.graphDir} holds no .nq graph: run \`unkg build\` first`);
  const quads: Quad[] = [];
  for (const f of files) quads.push(...new Parser({ format: 'N-Quads' }).parse(readFileSync(join(o.graphDir, f), 'utf8')));
  quads.push(...parseTurtleFile(join(o.root, 'ontology/clauses.ttl')));
  quads.push(...readReference(join(o.root, 'data/reference'), o.base));
  const report = await validateGraph(quads);
  const head = `${files.length} graph file(s), ${quads.length} quads checked against ontology/shapes.ttl: ${report.conforms ? 'conforms' : `${report.results.length} violation(s)`}`;
  return { ...report, files, text: report.conforms ? head : `${head}\n${formatReport(report)}` };
}

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IngestContext } from '../../ingest';
import { buildDocument } from '../buildGraph';

/** What a build worker is started with. */
export interface WorkerInit {
  referenceDir: string;
  base: string;
  sdgFile?: string;
  outDir: string;
}

/** One document to build: the `index`th input. */
export interface BuildJob {
  index: number;
  file: string;
  /** Appended to each output's path while it is not yet in place. */
  tempSuffix: string;
}

export interface BuiltDocument {
  symbol: string;
  iri: string;
  quads: number;
  stem: string;
  warnings: string[];
  /** Byte sizes of the N-Quads and Turtle written. */
  sizes: [number, number];
}

export type WorkerAnswer = { index: number; document: BuiltDocument } | { index: number; error: { name: string; message: string; file?: string; line?: number } };

/** Builds one document and writes its two outputs under their temporary names. */
export function buildOneDocument(job: BuildJob, context: IngestContext, init: Pick<WorkerInit, 'base' | 'outDir'>): BuiltDocument {
  const { symbol, iri, quads, stem, nq, ttl, warnings } = buildDocument(job.file, context, init.base);
  const nqBytes = Buffer.from(nq, 'utf8');
  const ttlBytes = Buffer.from(ttl, 'utf8');
  writeFileSync(join(init.outDir, `${stem}.nq${job.tempSuffix}`), nqBytes);
  writeFileSync(join(init.outDir, `${stem}.ttl${job.tempSuffix}`), ttlBytes);
  return { symbol, iri, quads, stem, warnings, sizes: [nqBytes.length, ttlBytes.length] };
}

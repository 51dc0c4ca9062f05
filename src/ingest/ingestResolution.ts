/** Source text → analysis → quads: the whole pipeline for one document. */
import type { Quad } from '@rdfjs/types';
import type { IriScheme } from '../vocab';
import { analyseResolution, type ResolutionAnalysis } from './analyseResolution';
import { decodeSource } from './decodeSource';
import type { EchoCandidate } from './extract';
import type { Gazetteer } from './gazetteer';
import { parseResolution } from './parseResolution';
import { resolutionToQuads } from './resolutionToQuads';

export interface IngestContext {
  iris: IriScheme;
  gazetteer: Gazetteer;
  echoCandidates?: readonly EchoCandidate[];
}

export interface IngestResult {
  analysis: ResolutionAnalysis;
  quads: Quad[];
}

export function ingestText(text: string, file: string, ctx: IngestContext): IngestResult {
  const tree = parseResolution(text, { file });
  const analysis = analyseResolution(tree, ctx);
  const quads = resolutionToQuads(analysis, { organisation: (slug) => ctx.iris.organisation(slug) });
  return { analysis, quads };
}

export function ingestBytes(bytes: Uint8Array, file: string, ctx: IngestContext): IngestResult {
  return ingestText(decodeSource(bytes, file), file, ctx);
}

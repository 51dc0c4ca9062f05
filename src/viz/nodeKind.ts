/** The kind of a node in the graph views: the reader's kind (src/vocab/readerKind.ts), with the
 *  preamble and the operative part drawn alike as paragraphs. */
import { readerKind } from '../vocab';
import type { NodeKind } from './model';

export function nodeKind(iri: string, types: readonly string[]): NodeKind {
  const kind = readerKind(iri, types);
  return kind === 'operative' || kind === 'preambular' ? 'paragraph' : kind;
}

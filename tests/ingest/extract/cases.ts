/** Runs one extractor on a table of cases: each case is a text and the links expected in it,
 *  written "kind target [matched text]". */
import type { Extractor } from '../../../src/ingest';
import { gazetteer, iris, short } from '../fixtures';

export type Case = readonly [text: string, expected: readonly string[]];

export function found(extractor: Extractor, text: string, previousFootnoteWasTreatySeries = false): string[] {
  return extractor.extract(text, { iris, gazetteer, previousFootnoteWasTreatySeries }).map((l) => `${l.kind} ${short(l.target)} [${l.matchedText}]`);
}

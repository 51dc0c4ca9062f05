/** The registry of extractors, in the order they run (see Extractor.ts). */
import type { Extractor, ExtractionContext } from './Extractor';
import { documentReferences } from './documentReferences';
import { meetings } from './meetings';
import { namedEntities } from './namedEntities';
import { sdgTargets } from './sdgTargets';
import { treatySeries } from './treatySeries';
import type { ExtractedLink } from '../links';

export const EXTRACTORS: readonly Extractor[] = [documentReferences, treatySeries, sdgTargets, namedEntities, meetings];

export const byPosition = (a: ExtractedLink, b: ExtractedLink): number => a.start - b.start || a.end - b.end || a.target.localeCompare(b.target);

/** Every link the registered extractors find in one piece of text, in the order of the text. */
export function runExtractors(text: string, ctx: ExtractionContext, extractors: readonly Extractor[] = EXTRACTORS): ExtractedLink[] {
  const links: ExtractedLink[] = [];
  for (const x of extractors) {
    const found = x.extract(text, ctx);
    links.push(...(x.overlap === 'yield' ? found.filter((f) => !links.some((l) => f.start < l.end && f.end > l.start)) : found));
  }
  return links.sort(byPosition);
}

/** One kind of reference found in text: every extractor has this shape, and the registry
 *  (extractors.ts) lists them in the order they run. A new kind of reference is one new file
 *  exporting an Extractor, one line in the registry, and its table of cases in
 *  tests/ingest/extract/. */
import type { IriScheme, TargetKind } from '../../vocab';
import type { Gazetteer } from '../gazetteer';
import type { ExtractedLink } from '../links';

export interface ExtractionContext {
  iris: IriScheme;
  gazetteer: Gazetteer;
  /** In a footnote: the footnote before cited the Treaty Series ("Ibid., vol. 2237, No. 39574" continues it). */
  previousFootnoteWasTreatySeries?: boolean;
}

export interface Extractor {
  /** What it finds, in words (for the registry's listing and tests). */
  name: string;
  /** The kinds of target its links point to. */
  kinds: readonly TargetKind[];
  /** 'yield': a link of this extractor is dropped where it overlaps a link an earlier
   *  extractor found (a meeting named by its full name is that name, not a meeting by date). */
  overlap: 'keep' | 'yield';
  extract(text: string, ctx: ExtractionContext): ExtractedLink[];
}

/** What the extractors find: links from a piece of text to things, with their evidence. */

import type { TargetKind } from '../vocab';

/** The kinds of link target are listed once, in src/vocab (targetKinds.ts). */
export type { TargetKind };

/** Explicit references (by number, symbol, UNTS volume, target number, treaty name) are
 *  citations; named organisations, events, publications and plans are mentions. */
export type LinkRelation = 'cites' | 'mentions';

export interface TargetFacts {
  symbol?: string;
  /** Organ slug that adopted a cited resolution or decision. */
  organ?: string;
  /** Date given next to the reference ("résolution 64/293 du 30 juillet 2010"). */
  date?: string;
  /** For minted entities (not in the reference data): a label and dates. */
  label?: string;
  startDate?: string;
  endDate?: string;
  untsVolume?: string;
  untsNumber?: string;
}

export interface ExtractedLink {
  relation: LinkRelation;
  target: string;
  kind: TargetKind;
  /** Offsets in the text the link was found in (the paragraph's, or the footnote's). */
  start: number;
  end: number;
  matchedText: string;
  extractor: string;
  /** Set when the link comes from a footnote the paragraph points to. */
  viaFootnote?: number;
  /** Where the footnote marker stands in the paragraph. */
  markerOffset?: number;
  facts?: TargetFacts;
  /** True when the target is not in the reference data and must be described by the document graph. */
  minted?: boolean;
}

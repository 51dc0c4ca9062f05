/** The document tree of a resolution, as the parser reads it from the text. Offsets are
 *  character offsets (UTF-16 units) in the cleaned paragraph text. */
import type { FootnoteMarker } from './text';

export type Language = 'fr' | 'en';
export type ParagraphKind = 'preambular' | 'operative' | 'subparagraph';

export interface SourceLocation {
  file: string;
  /** 1-based line of the first line of the block. */
  line: number;
}

export interface ParagraphNode {
  kind: ParagraphKind;
  /** "5" for pp/5 and op/5, "a" for a sub-paragraph, "i" for a second-degree one. */
  number: string;
  /** 1-based position among its siblings. */
  position: number;
  /** The paragraph's own text (without its sub-paragraphs, footnote markers or markup). */
  text: string;
  markers: FootnoteMarker[];
  subparagraphs: ParagraphNode[];
  location: SourceLocation;
}

export interface FootnoteNode {
  n: number;
  text: string;
  location: SourceLocation;
}

export interface ResolutionHeader {
  /** Organ as written ("Conseil économique et social"). */
  organName?: string;
  distributionDate?: string;
  session?: string;
  agendaItem?: string;
  adoptionDate?: string;
  /** "[sur recommandation de la Commission ... (E/2017/30)]", without brackets. */
  recommendation?: { text: string; symbol?: string; bodyText?: string };
  /** A document symbol printed in the header ("A/RES/71/287"). */
  symbol?: string;
}

export interface ResolutionTree {
  language: Language;
  /** UN symbol, e.g. "E/RES/2017/18". */
  symbol: string;
  /** Organ slug: ecosoc | unga | unsc | hrc. */
  organ: string;
  /** "2017/18". */
  number: string;
  title: string;
  header: ResolutionHeader;
  enactingFormula: string;
  preambular: ParagraphNode[];
  operative: ParagraphNode[];
  footnotes: FootnoteNode[];
  closing?: { meeting?: number; date?: string; text: string };
  source: { file: string; sha256: string };
  warnings: string[];
}

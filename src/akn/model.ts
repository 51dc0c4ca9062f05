/** A resolution as one Akoma Ntoso expression needs it: one language, the paragraphs in
 *  order with their text, the spans the graph's evidence marks in that text, and the
 *  footnotes with the places of their markers. Read from the graph (readResolution), written
 *  as XML (renderAkn). */

/** How an entity named or cited in the text is marked up, and which TLC entry lists it. */
export type AknEntityKind = 'organization' | 'role' | 'event' | 'concept' | 'reference';

/** A thing the text cites or names, listed once in <references>. */
export interface AknEntity {
  iri: string;
  /** eId of its TLC entry (unique in the document). */
  eId: string;
  kind: AknEntityKind;
  /** What kind of thing it is, in the product's words (resolution, treaty, sdgTarget, plan, ...). */
  name: string;
  showAs: string;
}

/** One piece of evidence placed on the text: a citation (<ref>) or a mention (<organization>,
 *  <event>, <entity>, ...), with offsets in the text it was found in. */
export interface AknSpan {
  start: number;
  end: number;
  relation: 'cites' | 'mentions';
  entity: AknEntity;
}

export interface AknMarker {
  /** Footnote number. */
  n: number;
  /** Offset of the marker in the paragraph text. */
  offset: number;
}

export interface AknParagraph {
  iri: string;
  kind: 'preambular' | 'operative' | 'subparagraph';
  /** "7" for op/7 and pp/7, "a" or "i" for a sub-paragraph. */
  number: string;
  /** The clause verb that opens it ("recalling"), when the graph names one. */
  phrase?: string;
  text: string;
  spans: AknSpan[];
  markers: AknMarker[];
  subparagraphs: AknParagraph[];
}

export interface AknFootnote {
  iri: string;
  n: number;
  text: string;
  spans: AknSpan[];
}

export interface AknResolution {
  iri: string;
  /** UN symbol, "E/RES/2017/18". */
  symbol: string;
  /** Resolution number as printed, "2017/18". */
  number: string;
  /** ISO 639-1 code of this expression ("fr"). */
  language: string;
  /** The language the resolution was adopted and first parsed in. */
  originalLanguage: string;
  /** Languages the graph holds a complete text in (every paragraph and footnote). */
  languages: string[];
  title?: string;
  /** Adoption date (xsd:date). */
  date?: string;
  distributionDate?: string;
  session?: string;
  agendaItem?: string;
  plenaryMeeting?: number;
  /** The organ that adopted it. */
  organ?: AknEntity;
  enactingFormula?: string;
  preambular: AknParagraph[];
  operative: AknParagraph[];
  footnotes: AknFootnote[];
  /** Every entity cited or named, in first-use order, the organ first. */
  entities: AknEntity[];
  /** Evidence that could not be placed on this expression's text (its matched text is not
   *  at its offsets): listed in <references>, not marked inline. */
  unplaced: number;
}

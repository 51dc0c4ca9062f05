/** How paragraphs relate to the thing a nested paragraph list hangs off (the key, bound by
 *  VALUES). Each relation is one pattern over ?key and ?p, put in front of the paragraph index
 *  (see paragraphIndex), or `document`, which restricts ?doc itself. */
export interface ParagraphRelation {
  readonly name: string;
  /** The pattern, with `?key` standing for the key; absent for `documentParagraphs`. */
  readonly pattern?: string;
  /** A FILTER applied once the index is bound (it may use ?doc, ?kind ...). */
  readonly filter?: string;
  /** False to list top-level paragraphs only. */
  readonly subParagraphs?: boolean;
}

export const PARAGRAPH_RELATIONS = {
  /** The paragraphs and sub-paragraphs of a document. */
  documentParagraphs: { name: 'documentParagraphs' },
  /** The preambular and operative paragraphs of a document. */
  documentTopLevelParagraphs: { name: 'documentTopLevelParagraphs', subParagraphs: false },
  /** Paragraphs citing the key (eli:cites). */
  citing: { name: 'citing', pattern: '?p eli:cites ?key .' },
  /** Paragraphs of other documents citing the key, a document. */
  citingFromOtherDocuments: { name: 'citingFromOtherDocuments', pattern: '?p eli:cites ?key .', filter: 'FILTER(?doc != ?key)' },
  /** Paragraphs citing the key, an SDG goal, or one of its targets. */
  citingGoal: { name: 'citingGoal', pattern: '?key sdgo:hasTarget? ?cited . ?p eli:cites ?cited .' },
  /** Paragraphs naming the key (schema:mentions). */
  mentioning: { name: 'mentioning', pattern: '?p schema:mentions ?key .' },
  /** Paragraphs carrying the marker of the key, a footnote (unkg:hasFootnote). */
  markingFootnote: { name: 'markingFootnote', pattern: '?p unkg:hasFootnote ?key .' },
  /** Paragraphs with a clause act of the key, a clause verb. */
  usingVerb: { name: 'usingVerb', pattern: '?p unkg:clauseVerb ?key .' },
} as const satisfies Record<string, ParagraphRelation>;

import type { SparqlJsonResults } from '../../graph';

/** The reading order of paragraphs, as a SPARQL pattern. It binds, for each paragraph ?p:
 *  ?kind (its class), ?doc (its document), ?rank (0 preamble, 1 operative part), ?topPos
 *  (the position of its top-level paragraph) and ?sub (its own position if it is a
 *  sub-paragraph, else 0). Ordered by ORDER_KEYS, paragraphs come in the order a reader meets
 *  them: by document (by IRI, which is by symbol: document IRIs are the base followed by the
 *  symbol), preamble before operative part, each paragraph followed by its sub-paragraphs.
 *  (Sub-paragraphs of sub-paragraphs sort among their parent's siblings by their own position;
 *  the seed data has none.)
 *
 *  `restriction` is placed at the head of each branch, where it binds ?p or ?doc first, so the
 *  engine starts from the few paragraphs asked about rather than from all of them (the order of
 *  the patterns was measured: the kinds' VALUES last is fastest). Without sub-paragraphs, the
 *  pattern is the first branch alone. */
export function paragraphIndex(restriction: string, { subParagraphs = true } = {}): string {
  const topLevel = `
    ${restriction}
    ?p eli:is_part_of ?doc ; a ?kind ; unkg:position ?topPos .
    ${TOP_LEVEL_KINDS('?kind')}
    BIND(0 AS ?sub)`;
  if (!subParagraphs) return topLevel;
  return `{${topLevel}
  } UNION {
    ${restriction}
    ?p eli:is_part_of ?top ; a unkg:SubParagraph ; unkg:position ?sub .
    ?top eli:is_part_of ?doc ; a ?topKind ; unkg:position ?topPos .
    ${TOP_LEVEL_KINDS('?topKind')}
    BIND(unkg:SubParagraph AS ?kind)
  }`;
}

const TOP_LEVEL_KINDS = (variable: string): string => `VALUES (${variable} ?rank) { (unkg:PreambularParagraph 0) (unkg:OperativeParagraph 1) }`;

/** Variables to project for the order (with ?p and ?kind). */
export const INDEX_VARIABLES = '?p ?kind ?doc ?rank ?topPos ?sub';
/** ORDER BY keys: the reading order, then the IRI so that ties cannot reorder between runs. */
export const ORDER_KEYS = '?doc ?rank ?topPos ?sub ?p';

/** One paragraph of a list, in reading order. */
export interface ParagraphRow {
  id: string;
  kind: string;
  document: string;
}

export function paragraphRows(results: SparqlJsonResults): Array<ParagraphRow & { row: Record<string, { value: string }> }> {
  return results.results.bindings.map((row) => ({ id: row.p.value, kind: row.kind.value, document: row.doc.value, row }));
}

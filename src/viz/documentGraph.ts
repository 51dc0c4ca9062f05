/** The whole graph of one document: the document, its paragraphs, sub-paragraphs and
 *  footnotes, the clause verbs of its paragraphs and everything they cite or mention. */
import { NS } from '../vocab';
import { byCodeUnits } from './byCodeUnits';
import { buildVizGraph, type GraphViewOptions, type SelectStore } from './buildVizGraph';
import { MAX_SUBDIVISION_NESTING } from './limits';
import type { VizGraph } from './model';
import { iriRef, valuesClause } from './sparqlTerms';
import { validateViewOptions } from './validateViewOptions';

export type DocumentGraphOptions = GraphViewOptions;

/** Links from the document or its parts that bring their targets into the graph. */
export const DOCUMENT_LINK_PREDICATES: readonly string[] = [
  `${NS.eli}cites`,
  `${NS.schema}mentions`,
  `${NS.unkg}clauseVerb`,
  `${NS.unkg}echoesTarget`,
  `${NS.eli}based_on`,
  `${NS.eli}passed_by`,
  `${NS.unkg}recommendedBy`,
];

/** Order of the parts of a document: preambular paragraphs, operative paragraphs, then
 *  footnotes, each by position; sub-paragraphs right after their paragraph. */
const PART_RANKS: Readonly<Record<string, number>> = {
  [`${NS.unkg}PreambularParagraph`]: 0,
  [`${NS.unkg}OperativeParagraph`]: 1,
  [`${NS.unkg}Footnote`]: 2,
};
const UNRANKED = Object.keys(PART_RANKS).length;

interface Part {
  rank: number;
  position: number;
  whole?: string;
}

/** Sort key of a part: its enclosing part's key followed by its own rank and position. */
function partKey(iri: string, parts: ReadonlyMap<string, Part>, nesting = 0): number[] {
  const part = parts.get(iri);
  if (!part) return [];
  const own = [part.rank, part.position];
  return part.whole !== undefined && parts.has(part.whole) && nesting < MAX_SUBDIVISION_NESTING ? [...partKey(part.whole, parts, nesting + 1), ...own] : own;
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

export async function documentGraph(store: SelectStore, docIri: string, options: DocumentGraphOptions): Promise<VizGraph> {
  validateViewOptions(options, docIri);
  const doc = iriRef(docIri);
  const partOf = iriRef(`${NS.eli}is_part_of`);
  const result = await store.select(
    [
      'SELECT DISTINCT ?part ?kind ?position ?whole ?linked WHERE {',
      `  { BIND(${doc} AS ?part) } UNION {`,
      `    ?part ${partOf}+ ${doc} .`,
      `    OPTIONAL { ?part a ?kind . ${valuesClause('kind', Object.keys(PART_RANKS))} }`,
      `    OPTIONAL { ?part ${iriRef(`${NS.unkg}position`)} ?position }`,
      `    OPTIONAL { ?part ${partOf} ?whole }`,
      '  }',
      `  OPTIONAL { ?part ?link ?linked . ${valuesClause('link', DOCUMENT_LINK_PREDICATES)} FILTER(isIRI(?linked)) }`,
      '}',
    ].join('\n'),
  );
  const parts = new Map<string, Part>();
  const linked = new Set<string>();
  for (const row of result.results.bindings) {
    const iri = row.part.value;
    if (iri !== docIri && !parts.has(iri)) {
      const position = Number(row.position?.value);
      parts.set(iri, {
        rank: row.kind ? PART_RANKS[row.kind.value] : UNRANKED,
        position: Number.isFinite(position) ? position : Number.MAX_SAFE_INTEGER,
        whole: row.whole?.value,
      });
    }
    if (row.linked?.type === 'uri') linked.add(row.linked.value);
  }
  const keys = new Map([...parts.keys()].map((iri) => [iri, partKey(iri, parts)]));
  const ordered = [
    docIri,
    ...[...parts.keys()].sort((a, b) => compareKeys(keys.get(a)!, keys.get(b)!) || byCodeUnits(a, b)),
    ...[...linked].filter((iri) => iri !== docIri && !parts.has(iri)).sort(byCodeUnits),
  ];
  const kept = ordered.slice(0, options.limit);
  return buildVizGraph(store, kept, { root: docIri, truncated: kept.length < ordered.length }, options);
}

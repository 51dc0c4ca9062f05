/** Find resources by symbol, label or text: the explorer's search box. */
import type { GraphStore } from '../graph';
import { EVIDENCE_TYPES, hrefForIri, resourceLabels, sparqlIri, sparqlValues } from '../linkeddata';
import { NS } from '../vocab';

/** Hits returned when the caller names no limit, and the most it may ask for. */
export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 100;
/** Longest search text accepted. */
export const MAX_SEARCH_LENGTH = 200;
/** Characters of matched text returned with a hit. */
export const MATCH_EXCERPT_LENGTH = 160;

/** Where a match counts most: a symbol, then names, then titles, then running text. */
const SEARCHED: ReadonlyArray<readonly [string, number, SearchHit['field']]> = [
  [`${NS.eli}id_local`, 0, 'symbol'],
  [`${NS.skos}notation`, 1, 'label'],
  [`${NS.skos}prefLabel`, 1, 'label'],
  [`${NS.rdfs}label`, 1, 'label'],
  [`${NS.skos}altLabel`, 2, 'label'],
  [`${NS.dcterms}title`, 2, 'title'],
  [`${NS.schema}text`, 3, 'text'],
];

export interface SearchHit {
  iri: string;
  label: string;
  types: string[];
  /** Which kind of value matched. */
  field: 'symbol' | 'label' | 'title' | 'text';
  /** The matched value, around the match. */
  match: string;
  /** The resource's page (on this service, or its own IRI). */
  href?: string;
}

/** A SPARQL string literal (JSON's escapes are all valid SPARQL escapes). */
const sparqlString = (text: string): string => JSON.stringify(text);

function excerpt(value: string, needle: string): string {
  if (value.length <= MATCH_EXCERPT_LENGTH) return value;
  const at = Math.max(0, value.toLowerCase().indexOf(needle));
  const start = Math.max(0, Math.min(at - Math.floor((MATCH_EXCERPT_LENGTH - needle.length) / 2), value.length - MATCH_EXCERPT_LENGTH));
  return `${start > 0 ? '…' : ''}${value.slice(start, start + MATCH_EXCERPT_LENGTH)}${start + MATCH_EXCERPT_LENGTH < value.length ? '…' : ''}`;
}

/** Resources whose symbol, label, title or text contains `text` (case-insensitive), best
 *  matches first: exact before partial, symbols before labels before running text. */
export async function searchResources(
  store: GraphStore,
  text: string,
  options: { limit: number; languages: readonly string[]; base: string },
): Promise<SearchHit[]> {
  const needle = text.trim().toLowerCase();
  if (needle === '') return [];
  const fields = SEARCHED.map(([p, weight]) => `(${sparqlIri(p)} ${weight})`).join(' ');
  const contains = (v: string) => `isLiteral(?${v}) && CONTAINS(LCASE(STR(?${v})), ${sparqlString(needle)})`;
  const best = await store.select(`SELECT ?s (MIN(?r) AS ?rank) WHERE {
  VALUES (?p ?weight) { ${fields} }
  ?s ?p ?v .
  FILTER(isIRI(?s) && ${contains('v')})
  FILTER NOT EXISTS { ?s a ?evidenceType . ${sparqlValues('evidenceType', EVIDENCE_TYPES)} }
  BIND(?weight * 2 + IF(LCASE(STR(?v)) = ${sparqlString(needle)}, 0, 1) AS ?r)
} GROUP BY ?s ORDER BY ?rank ?s LIMIT ${options.limit}`);
  const subjects = best.results.bindings.map((row) => row.s.value);
  if (subjects.length === 0) return [];
  // The value that gave each resource its rank, and which field it is.
  const matches = await store.select(`SELECT ?s ?p ?v WHERE {
  ${sparqlValues('s', subjects)}
  VALUES ?p { ${SEARCHED.map(([p]) => sparqlIri(p)).join(' ')} }
  ?s ?p ?v .
  FILTER(${contains('v')})
}`);
  const rankOf = (p: string, v: string) => SEARCHED.find(([q]) => q === p)![1] * 2 + (v.toLowerCase() === needle ? 0 : 1);
  const found = new Map<string, { rank: number; p: string; v: string }>();
  for (const { s, p, v } of matches.results.bindings) {
    const rank = rankOf(p.value, v.value);
    const seen = found.get(s.value);
    if (!seen || rank < seen.rank || (rank === seen.rank && v.value < seen.v)) found.set(s.value, { rank, p: p.value, v: v.value });
  }
  const rows = subjects.filter((s) => found.has(s)).map((iri) => ({ iri, ...found.get(iri)! }));
  const labels = await resourceLabels(store, rows.map((r) => r.iri), options.languages, options.base);
  return rows.map((row) => {
    const label = labels.get(row.iri)!;
    const field = SEARCHED.find(([p]) => p === row.p)![2];
    const href = hrefForIri(row.iri, options.base);
    return { iri: row.iri, label: label.label, types: label.types, field, match: excerpt(row.v, needle), ...(href !== undefined ? { href } : {}) };
  });
}

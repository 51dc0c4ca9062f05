import type { GraphStore } from '../../graph';
import { MAX_SEARCH_LENGTH, type SearchIndex } from '../../search';
import { BadUserInputError } from '../errors';
import { MIN_SEARCH_LENGTH } from '../limits';
import { langString } from '../languages/pickLiteral';
import { nodeRef, type NodeRef } from '../NodeRef';
import { literal, PREFIXES } from '../rdf/sparqlSyntax';
import { selectAsTsv } from '../rdf/tsvResults';
import { buildConnection, type Connection, type Page } from './connection';

export interface SearchHit {
  node: NodeRef;
  matched: { value: string; language: string | null };
  offset: number;
}

/** Names (rank 0) come before texts (rank 1). */
const SEARCHED = '(skos:prefLabel 0) (skos:altLabel 0) (dcterms:title 0) (schema:text 1)';
const LANGUAGE_TAG = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;

function checkSearch(text: string, languages: readonly string[] | null | undefined): string {
  const needle = text.trim();
  if (needle.length < MIN_SEARCH_LENGTH || needle.length > MAX_SEARCH_LENGTH) {
    throw new BadUserInputError(`"text" must be ${MIN_SEARCH_LENGTH} to ${MAX_SEARCH_LENGTH} characters long; got ${needle.length}`, 'text');
  }
  for (const tag of languages ?? []) {
    if (!LANGUAGE_TAG.test(tag)) throw new BadUserInputError(`"lang" holds something that is not a language tag: ${JSON.stringify(tag)}`, 'lang');
  }
  return needle;
}

/** Search through the service's full-text index (the same as the pages' and the explorer's):
 *  words and symbols, case and accents folded, ranked best first (every word before some
 *  words), prefix matches. `lang` keeps hits whose matched value is in those languages;
 *  `preferred` picks which language's value a hit shows. */
export async function searchIndexed(
  index: SearchIndex,
  text: string,
  languages: readonly string[] | null | undefined,
  preferred: readonly string[],
  page: Page,
): Promise<Omit<Connection<SearchHit>, 'edges'> & { edges: Array<SearchHit & { cursor: string }> }> {
  const needle = checkSearch(text, languages);
  const options = { languages: preferred, ...(languages?.length ? { onlyLanguages: languages.map((l) => l.toLowerCase()) } : {}) };
  const found = page.first === 0 ? [] : await index.search(needle, { ...options, limit: page.offset + page.first + 1 });
  const hits = found
    .slice(page.offset)
    .map((hit): SearchHit => ({ node: nodeRef(hit.iri), matched: { value: hit.matched.value, language: hit.matched.language || null }, offset: hit.offset }));
  const total = async () => (await index.search(needle, { ...options, limit: Number.MAX_SAFE_INTEGER })).length;
  const connection = buildConnection(hits.slice(0, page.first), page, hits.length > page.first, total);
  return { ...connection, edges: connection.edges.map(({ cursor, node: hit }) => ({ cursor, ...hit })) };
}

/** Case-insensitive substring search over names and texts (without a search index). It scans the literals of four
 *  properties (the embedded engine has no text index): fine for thousands of resolutions, and
 *  bounded by the query timeout beyond. */
export async function search(
  store: GraphStore,
  text: string,
  languages: readonly string[] | null | undefined,
  page: Page,
  { countAlongside = false }: { countAlongside?: boolean } = {},
): Promise<Omit<Connection<SearchHit>, 'edges'> & { edges: Array<SearchHit & { cursor: string }> }> {
  const needle = text.trim().toLowerCase();
  if (needle.length < MIN_SEARCH_LENGTH || needle.length > MAX_SEARCH_LENGTH) {
    throw new BadUserInputError(`"text" must be ${MIN_SEARCH_LENGTH} to ${MAX_SEARCH_LENGTH} characters long; got ${needle.length}`, 'text');
  }
  for (const tag of languages ?? []) {
    if (!LANGUAGE_TAG.test(tag)) throw new BadUserInputError(`"lang" holds something that is not a language tag: ${JSON.stringify(tag)}`, 'lang');
  }
  const languageFilter = languages?.length ? `FILTER(${languages.map((tag) => `LANGMATCHES(LANG(?text), ${literal(tag)})`).join(' || ')})` : '';
  const where = `VALUES (?property ?r) { ${SEARCHED} } ?s ?property ?text .
    FILTER(isLiteral(?text) && CONTAINS(LCASE(STR(?text)), ${literal(needle)})) ${languageFilter}`;
  const totalCount = async (): Promise<number> => {
    const count = await selectAsTsv(store, `${PREFIXES}\nSELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ${where} }`);
    return Number(count.results.bindings[0]?.n?.value ?? 0);
  };
  // The page first: it is on the request's critical path, the count only alongside it.
  const fetched =
    page.first === 0
      ? Promise.resolve({ results: { bindings: [] } })
      : selectAsTsv(
          store,
          `${PREFIXES}\nSELECT ?s (MIN(?r) AS ?rank) (MIN(?text) AS ?match) WHERE { ${where} } GROUP BY ?s ORDER BY ?rank ?s LIMIT ${page.first + 1} OFFSET ${page.offset}`,
        );
  const counted = countAlongside ? totalCount() : undefined;
  counted?.catch(() => undefined);
  const results = await fetched;
  const hits = results.results.bindings.map((row): SearchHit => ({
    node: nodeRef(row.s.value),
    matched: langString(row.match),
    offset: Math.max(0, row.match.value.toLowerCase().indexOf(needle)),
  }));
  const connection = buildConnection(hits, page, hits.length > page.first, counted ? () => counted : totalCount);
  // A search edge carries the hit's evidence beside its node.
  return { ...connection, edges: connection.edges.map(({ cursor, node: hit }) => ({ cursor, ...hit })) };
}

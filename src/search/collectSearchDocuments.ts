/** What the search index holds, read from the store with a few SPARQL queries: every named
 *  resource of the dataset (documents, paragraphs, footnotes, treaties, organisations, SDG
 *  targets, clause verbs...) with its symbol, names, title and texts in every language, its
 *  kind, and the names of what it cites or mentions (itself or through its footnotes), so a
 *  paragraph is found by the symbol of a resolution it cites. */
import type { GraphStore } from '../graph';
import { MESSAGES, type MessageKey } from '../i18n';
import { MINTED_PATH_PREFIXES } from '../linkeddata';
import { EVIDENCE_CLASSES, NS, readerKind, type ReaderKind } from '../vocab';

export const SEARCH_FIELDS = ['symbol', 'names', 'title', 'text', 'links', 'kind'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

export interface FieldValue {
  value: string;
  /** Language tag, '' when untagged. */
  language: string;
}

export interface SearchDocument {
  iri: string;
  kind: ReaderKind;
  types: string[];
  values: Record<Exclude<SearchField, 'kind' | 'links'>, FieldValue[]>;
  /** Names of what it cites or mentions. */
  links: string[];
}

const FIELD_OF: Readonly<Record<string, Exclude<SearchField, 'kind' | 'links'>>> = {
  [`${NS.eli}id_local`]: 'symbol',
  [`${NS.skos}notation`]: 'symbol',
  [`${NS.skos}prefLabel`]: 'names',
  [`${NS.rdfs}label`]: 'names',
  [`${NS.skos}altLabel`]: 'names',
  [`${NS.dcterms}title`]: 'title',
  [`${NS.schema}text`]: 'text',
};
/** Where a link's target is named, best first. */
const NAME_FIELDS: ReadonlyArray<Exclude<SearchField, 'kind' | 'links'>> = ['symbol', 'names', 'title'];

const iriRef = (iri: string): string => `<${iri}>`;

/** Resources of the dataset, not of the vocabularies it uses (whose classes and properties
 *  are documented on the ontology page). */
function isDataResource(iri: string, base: string): boolean {
  if (iri.startsWith(base)) return MINTED_PATH_PREFIXES.some((prefix) => iri.startsWith(base + prefix));
  return iri.startsWith(NS.clause) || (iri.startsWith(NS.sdg) && !iri.startsWith(NS.sdgo));
}

/** A kind's name in every interface language ("Résolution Resolution"): indexed, so that
 *  "résolution 64/293" finds the resolution itself. */
export const kindWords = (kind: ReaderKind): string =>
  Object.values(MESSAGES)
    .map((messages) => messages[`kind.${kind}` as MessageKey])
    .join(' ');

export async function collectSearchDocuments(store: GraphStore, base: string): Promise<SearchDocument[]> {
  const predicates = Object.keys(FIELD_OF).map(iriRef).join(' ');
  const [values, types, links] = await Promise.all([
    store.select(`SELECT DISTINCT ?s ?p ?v WHERE { VALUES ?p { ${predicates} } ?s ?p ?v . FILTER(isIRI(?s) && isLiteral(?v)) }`),
    store.select(`SELECT DISTINCT ?s ?t WHERE { VALUES ?p { ${predicates} } ?s ?p ?v ; a ?t . FILTER(isIRI(?s) && isIRI(?t)) }`),
    store.select(`SELECT DISTINCT ?s ?o WHERE {
  { ?s ${iriRef(`${NS.eli}cites`)}|${iriRef(`${NS.schema}mentions`)}|${iriRef(`${NS.unkg}echoesTarget`)} ?o }
  UNION { ?s ${iriRef(`${NS.unkg}hasFootnote`)}/${iriRef(`${NS.eli}cites`)} ?o }
  FILTER(isIRI(?s) && isIRI(?o)) }`),
  ]);
  const evidence = new Set(EVIDENCE_CLASSES);
  const typesOf = new Map<string, string[]>();
  for (const row of types.results.bindings) typesOf.set(row.s.value, [...(typesOf.get(row.s.value) ?? []), row.t.value]);

  const documents = new Map<string, SearchDocument>();
  for (const row of values.results.bindings) {
    const iri = row.s.value;
    if (!isDataResource(iri, base)) continue;
    const own = typesOf.get(iri) ?? [];
    if (own.some((t) => evidence.has(t))) continue;
    let document = documents.get(iri);
    if (!document) {
      document = { iri, kind: readerKind(iri, own), types: [...own].sort(), values: { symbol: [], names: [], title: [], text: [] }, links: [] };
      documents.set(iri, document);
    }
    document.values[FIELD_OF[row.p.value]].push({ value: row.v.value, language: (row.v['xml:lang'] ?? '').toLowerCase() });
  }
  const nameOf = (iri: string): string[] => {
    const target = documents.get(iri);
    if (!target) return [];
    const field = NAME_FIELDS.find((f) => target.values[f].length > 0);
    return field ? target.values[field].map((v) => v.value) : [];
  };
  for (const row of links.results.bindings) {
    const document = documents.get(row.s.value);
    if (document) document.links.push(...nameOf(row.o.value));
  }
  const ordered = [...documents.values()].sort((a, b) => (a.iri < b.iri ? -1 : a.iri > b.iri ? 1 : 0));
  for (const d of ordered) {
    for (const field of Object.values(d.values)) field.sort((a, b) => (a.language + a.value < b.language + b.value ? -1 : 1));
    d.links = [...new Set(d.links)].sort();
  }
  return ordered;
}

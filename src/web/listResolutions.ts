/** The resolutions the store holds in full (with their paragraphs), newest first: the
 *  explorer's choice of graphs and its default. */
import type { GraphStore } from '../graph';
import { sparqlIri } from '../linkeddata';
import { NS } from '../vocab';
import { MAX_LISTED_RESOLUTIONS } from './limits';

export interface ResolutionEntry {
  iri: string;
  symbol: string;
  title?: string;
  date?: string;
}

export async function listResolutions(store: GraphStore, languages: readonly string[]): Promise<ResolutionEntry[]> {
  const iri = (name: string) => sparqlIri(name);
  const result = await store.select(`SELECT ?doc (SAMPLE(?id) AS ?symbol) (MAX(?adopted) AS ?date) WHERE {
  ?doc a ${iri(`${NS.unkg}Resolution`)} ; ${iri(`${NS.eli}has_part`)} ?part .
  OPTIONAL { ?doc ${iri(`${NS.eli}id_local`)} ?id }
  OPTIONAL { ?doc ${iri(`${NS.eli}date_document`)} ?adopted }
} GROUP BY ?doc ORDER BY DESC(?date) ?doc LIMIT ${MAX_LISTED_RESOLUTIONS}`);
  const entries = result.results.bindings.map((row) => ({ iri: row.doc.value, symbol: row.symbol?.value ?? row.doc.value, date: row.date?.value }));
  if (entries.length === 0) return [];
  const titles = await store.select(
    `SELECT ?doc ?title WHERE { VALUES ?doc { ${entries.map((e) => iri(e.iri)).join(' ')} } ?doc ${iri(`${NS.dcterms}title`)} ?title }`,
  );
  const byDoc = new Map<string, Array<{ value: string; lang: string }>>();
  for (const row of titles.results.bindings)
    byDoc.set(row.doc.value, [...(byDoc.get(row.doc.value) ?? []), { value: row.title.value, lang: (row.title['xml:lang'] ?? '').toLowerCase() }]);
  return entries.map((e) => {
    const options = byDoc.get(e.iri) ?? [];
    const title = languages.map((l) => options.find((t) => t.lang === l || t.lang.startsWith(`${l}-`))).find(Boolean) ?? options[0];
    return { iri: e.iri, symbol: e.symbol, ...(title ? { title: title.value } : {}), ...(e.date ? { date: e.date } : {}) };
  });
}

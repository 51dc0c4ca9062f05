/** What the service holds, counted in the store: the landing page's figures. Kept per store
 *  version, so a page view costs no query until the data changes. */
import type { GraphStore } from '../graph';
import { sparqlIri } from '../linkeddata';
import { NS } from '../vocab';

export interface DatasetSummary {
  resolutions: number;
  paragraphs: number;
  footnotes: number;
  links: number;
  cited: number;
}

const iri = (name: string) => sparqlIri(name);

export async function datasetSummary(store: GraphStore): Promise<DatasetSummary> {
  const count = async (where: string, what = '?x'): Promise<number> =>
    Number((await store.select(`SELECT (COUNT(DISTINCT ${what}) AS ?n) WHERE { ${where} }`)).results.bindings[0]?.n?.value ?? 0);
  const linkPredicates = `VALUES ?link { ${iri(`${NS.eli}cites`)} ${iri(`${NS.schema}mentions`)} ${iri(`${NS.unkg}echoesTarget`)} }`;
  const [resolutions, paragraphs, footnotes, links, cited] = await Promise.all([
    count(`?x a ${iri(`${NS.unkg}Resolution`)} ; ${iri(`${NS.eli}has_part`)} ?part`),
    count(`?x a ?type . VALUES ?type { ${iri(`${NS.unkg}PreambularParagraph`)} ${iri(`${NS.unkg}OperativeParagraph`)} ${iri(`${NS.unkg}SubParagraph`)} }`),
    count(`?x a ${iri(`${NS.unkg}Footnote`)}`),
    // A link is one (paragraph, property, target) triple, counted once however many graphs state it.
    Number(
      (await store.select(`SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?link ?o WHERE { ${linkPredicates} ?s ?link ?o } }`)).results.bindings[0]?.n
        ?.value ?? 0,
    ),
    count(`?s ${iri(`${NS.eli}cites`)} ?x`),
  ]);
  return { resolutions, paragraphs, footnotes, links, cited };
}

/** datasetSummary, recomputed only when the store's version has changed. */
export function cachedSummary(store: GraphStore): () => Promise<DatasetSummary> {
  let kept: { version: number; summary: Promise<DatasetSummary> } | undefined;
  return () => {
    const version = store.version();
    if (!kept || kept.version !== version) {
      const summary = datasetSummary(store);
      kept = { version, summary };
      summary.catch(() => (kept = undefined));
    }
    return kept.summary;
  };
}

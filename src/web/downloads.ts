/** The download buttons of a resolution (and of the whole network): the graph exports the
 *  service already answers, as plain links (a browser saves them; no script involved). */
import type { MessageKey } from '../i18n';
import { NS } from '../vocab';

export interface Download {
  key: MessageKey;
  href: string;
  /** File name offered to the browser. */
  file: string;
}

const SPARQL_PATH = '/sparql';
const GRAPH_API_PATH = '/api/graph';

const safeStem = (symbol: string): string => symbol.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The SPARQL of the CSV of links: one row per link of a part of the document, with its evidence. */
export function linksCsvQuery(documentIri?: string): string {
  const scope = documentIri
    ? `?paragraph <${NS.eli}is_part_of>+ <${documentIri}> .`
    : `?paragraph <${NS.eli}is_part_of>+ ?document . ?document a <${NS.unkg}Resolution> .`;
  return `SELECT ?document ?paragraph ?link ?target ?matchedText ?footnote WHERE {
  ${scope}
  ${documentIri ? `BIND(<${documentIri}> AS ?document)` : ''}
  VALUES ?link { <${NS.eli}cites> <${NS.schema}mentions> <${NS.unkg}echoesTarget> }
  ?paragraph ?link ?target .
  OPTIONAL { ?evidence <${NS.cito}hasCitingEntity> ?paragraph ; <${NS.cito}hasCitedEntity> ?target ; <${NS.unkg}matchedText> ?matchedText .
             OPTIONAL { ?evidence <${NS.unkg}viaFootnote> ?footnote } }
} ORDER BY ?document ?paragraph ?link ?target ?matchedText`;
}

/** Turtle (the document's named graph), JSON-LD and GraphML (the graph API), and a CSV of links. */
export function resolutionDownloads(documentIri: string, symbol: string): Download[] {
  const stem = safeStem(symbol);
  const sparql = (query: string, format: string) => `${SPARQL_PATH}?query=${encodeURIComponent(query)}&format=${format}`;
  return [
    { key: 'download.turtle', href: sparql(`CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <${documentIri}> { ?s ?p ?o } }`, 'turtle'), file: `${stem}.ttl` },
    { key: 'download.jsonld', href: `${GRAPH_API_PATH}?document=${encodeURIComponent(symbol)}&format=jsonld`, file: `${stem}.jsonld` },
    { key: 'download.csv', href: sparql(linksCsvQuery(documentIri), 'csv'), file: `${stem}-links.csv` },
    { key: 'download.graphml', href: `${GRAPH_API_PATH}?document=${encodeURIComponent(symbol)}&format=graphml`, file: `${stem}.graphml` },
  ];
}

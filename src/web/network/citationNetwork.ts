/** The citation network at document level: the resolutions held in full and everything their
 *  paragraphs cite (resolutions, documents, treaties, SDG targets), one edge per (resolution,
 *  cited thing) weighted by the number of citing paragraphs, each edge listing them for the
 *  drill-down. Laid out on the server with ForceAtlas2 from positions fixed by the sorted
 *  input, so the same data always gives the same picture. */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { GraphStore } from '../../graph';
import { hrefForIri, resourceLabels, sparqlIri } from '../../linkeddata';
import { NS, readerKind, type ReaderKind } from '../../vocab';
import { MAX_CITATION_ROWS } from '../limits';

/** ForceAtlas2 iterations (fixed: the layout depends on nothing else). */
export const LAYOUT_ITERATIONS = 300;

/** The box the layout is spread over (Cytoscape fits it to the screen). */
export const NETWORK_WIDTH = 640;
export const NETWORK_HEIGHT = 440;

export interface NetworkNode {
  id: string;
  label: string;
  /** The full name when the label is short (an SDG target's wording). */
  title?: string;
  kind: ReaderKind;
  /** Held in full (its paragraphs are in the store): it cites. */
  full: boolean;
  date?: string;
  href?: string;
  x: number;
  y: number;
  /** Paragraphs citing it, across resolutions. */
  citedBy: number;
}

export interface NetworkEdge {
  id: string;
  source: string;
  target: string;
  /** Number of citing paragraphs. */
  weight: number;
  /** The citing paragraphs, in IRI order. */
  paragraphs: Array<{ iri: string; label: string; href?: string }>;
}

export interface CitationNetwork {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  truncated: boolean;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export async function citationNetwork(store: GraphStore, languages: readonly string[], base: string): Promise<CitationNetwork> {
  const iri = sparqlIri;
  const rows = await store.select(`SELECT DISTINCT ?doc ?part ?target WHERE {
  ?doc a ${iri(`${NS.unkg}Resolution`)} .
  FILTER EXISTS { ?doc ${iri(`${NS.eli}has_part`)} ?any }
  ?part ${iri(`${NS.eli}is_part_of`)}+ ?doc ; ${iri(`${NS.eli}cites`)} ?target .
  FILTER NOT EXISTS { ?part a ${iri(`${NS.unkg}Footnote`)} }
  FILTER(isIRI(?target) && ?target != ?doc)
} ORDER BY ?doc ?target ?part LIMIT ${MAX_CITATION_ROWS + 1}`);
  const bindings = rows.results.bindings.slice(0, MAX_CITATION_ROWS);
  const dates = await store.select(`SELECT ?doc (MIN(?d) AS ?date) (SAMPLE(?has) AS ?full) WHERE {
  ?doc ${iri(`${NS.eli}date_document`)} ?d . OPTIONAL { ?doc ${iri(`${NS.eli}has_part`)} ?has } } GROUP BY ?doc`);
  const dateOf = new Map(dates.results.bindings.map((b) => [b.doc.value, b.date.value]));
  const edges = new Map<string, NetworkEdge>();
  const ids = new Set<string>();
  const full = new Set<string>();
  for (const b of bindings) {
    const key = `${b.doc.value} ${b.target.value}`;
    full.add(b.doc.value);
    ids.add(b.doc.value).add(b.target.value);
    const edge = edges.get(key) ?? { id: key, source: b.doc.value, target: b.target.value, weight: 0, paragraphs: [] };
    edge.paragraphs.push({ iri: b.part.value, label: '' });
    edge.weight = edge.paragraphs.length;
    edges.set(key, edge);
  }
  // Resolutions held in full that cite nothing are in the network too.
  const held = await store.select(`SELECT DISTINCT ?doc WHERE { ?doc a ${iri(`${NS.unkg}Resolution`)} ; ${iri(`${NS.eli}has_part`)} ?part }`);
  for (const b of held.results.bindings) {
    full.add(b.doc.value);
    ids.add(b.doc.value);
  }
  const sortedIds = [...ids].sort(byCodeUnits);
  const paragraphIris = [...new Set([...edges.values()].flatMap((e) => e.paragraphs.map((p) => p.iri)))].sort(byCodeUnits);
  const labels = await resourceLabels(store, [...sortedIds, ...paragraphIris], languages, base);
  for (const edge of edges.values()) {
    edge.paragraphs = edge.paragraphs.map((p) => {
      const href = hrefForIri(p.iri, base);
      return { iri: p.iri, label: labels.get(p.iri)?.label ?? p.iri, ...(href ? { href } : {}) };
    });
  }
  const citedBy = new Map<string, number>();
  for (const e of edges.values()) citedBy.set(e.target, (citedBy.get(e.target) ?? 0) + e.weight);

  // Layout: start on a circle in sorted order, then a fixed number of ForceAtlas2 iterations.
  const graph = new Graph({ type: 'directed' });
  sortedIds.forEach((id, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, sortedIds.length);
    graph.addNode(id, { x: 100 * Math.cos(angle), y: 100 * Math.sin(angle), size: 1 + Math.sqrt(citedBy.get(id) ?? 0) });
  });
  const sortedEdges = [...edges.values()].sort((a, b) => byCodeUnits(a.id, b.id));
  for (const e of sortedEdges) graph.addEdgeWithKey(e.id, e.source, e.target, { weight: e.weight });
  const positions =
    sortedIds.length > 1
      ? forceAtlas2(graph, {
          iterations: LAYOUT_ITERATIONS,
          getEdgeWeight: 'weight',
          settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: false, adjustSizes: false, scalingRatio: 20, gravity: 1 },
        })
      : Object.fromEntries(sortedIds.map((id) => [id, { x: 0, y: 0 }]));
  // Spread over a fixed box whatever the layout's own scale, so nodes never pile up.
  const xs = sortedIds.map((id) => positions[id].x);
  const ys = sortedIds.map((id) => positions[id].y);
  const spread = (value: number, min: number, max: number, size: number) => (max > min ? ((value - min) / (max - min)) * size : size / 2);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const nodes = sortedIds.map((id): NetworkNode => {
    const label = labels.get(id);
    const kind = readerKind(id, label?.types ?? []);
    const href = hrefForIri(id, base);
    const date = dateOf.get(id);
    // SDG targets go by their number ("SDG 5.2"); their wording is the node's title.
    const short =
      kind === 'sdg-target' || kind === 'sdg-goal' || (id.startsWith(NS.sdg) && !id.startsWith(NS.sdgo))
        ? `SDG ${id.slice(id.lastIndexOf('/') + 1)}`
        : undefined;
    return {
      id,
      label: short ?? label?.label ?? id,
      ...(short && label ? { title: label.label } : {}),
      kind,
      full: full.has(id),
      ...(date ? { date } : {}),
      ...(href ? { href } : {}),
      x: Math.round(spread(positions[id].x, minX, maxX, NETWORK_WIDTH)),
      y: Math.round(spread(positions[id].y, minY, maxY, NETWORK_HEIGHT)),
      citedBy: citedBy.get(id) ?? 0,
    };
  });
  return { nodes, edges: sortedEdges, truncated: rows.results.bindings.length > MAX_CITATION_ROWS };
}

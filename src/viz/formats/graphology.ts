/** graphology serialized JSON (`Graph.from(json)`), laid out on the server so Sigma.js can
 *  draw it as is: every node has x, y, size and color. */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { VizGraph } from '../model';
import { NODE_STYLES, nodeSize } from '../styles';

/** ForceAtlas2 iterations run on every export: enough for a few hundred nodes to settle. */
export const LAYOUT_ITERATIONS = 150;
/** Radius of the circle the layout starts from. */
export const LAYOUT_SEED_RADIUS = 100;
/** Decimals kept in exported coordinates. */
const COORDINATE_DECIMALS = 3;

const GRAPH_OPTIONS = { type: 'directed', multi: true, allowSelfLoops: true } as const;

export interface GraphologyNodeAttributes {
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  /** The node kind (not `type`: Sigma reads `type` as the name of a rendering program). */
  kind: string;
  degree: number;
  parent?: string;
  [attribute: string]: string | number | undefined;
}

export interface GraphologyEdgeAttributes {
  label: string;
  predicate: string;
  [attribute: string]: string;
}
export interface GraphologyGraphAttributes {
  root?: string;
  truncated: boolean;
  [attribute: string]: string | boolean | undefined;
}

type LaidOutGraph = Graph<GraphologyNodeAttributes, GraphologyEdgeAttributes, GraphologyGraphAttributes>;
/** graphology's serialization format (https://graphology.github.io/serialization). */
export type GraphologyJson = ReturnType<LaidOutGraph['export']>;

const round = (v: number): number => {
  const f = 10 ** COORDINATE_DECIMALS;
  const r = Math.round(v * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

export function toGraphology(viz: VizGraph): GraphologyJson {
  const graph: LaidOutGraph = new Graph(GRAPH_OPTIONS);
  graph.replaceAttributes(viz.root !== undefined ? { root: viz.root, truncated: viz.truncated } : { truncated: viz.truncated });
  const count = viz.nodes.length;
  viz.nodes.forEach((n, i) => {
    // Deterministic seed: the nodes on a circle in their given order.
    const angle = (2 * Math.PI * i) / Math.max(1, count);
    const attributes: GraphologyNodeAttributes = {
      ...n.attributes,
      label: n.label,
      x: LAYOUT_SEED_RADIUS * Math.cos(angle),
      y: LAYOUT_SEED_RADIUS * Math.sin(angle),
      size: nodeSize(n.type, n.degree),
      color: NODE_STYLES[n.type].color,
      kind: n.type,
      degree: n.degree,
    };
    if (n.parent !== undefined) attributes.parent = n.parent;
    graph.addNode(n.id, attributes);
  });
  for (const e of viz.edges) graph.addDirectedEdgeWithKey(e.id, e.source, e.target, { label: e.label, predicate: e.predicate });
  if (count > 1) forceAtlas2.assign(graph, { iterations: LAYOUT_ITERATIONS, settings: forceAtlas2.inferSettings(graph) });
  graph.updateEachNodeAttributes((_, a) => ({ ...a, x: round(a.x), y: round(a.y) }));
  return graph.export();
}

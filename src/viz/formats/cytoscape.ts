/** Cytoscape.js elements JSON (`cytoscape({ elements })`, also Cytoscape desktop's .cyjs). */
import type { VizGraph } from '../model';
import { NODE_KINDS } from '../model';
import { NODE_STYLES } from '../styles';

export interface CytoscapeNodeData {
  id: string;
  label: string;
  type: string;
  degree: number;
  parent?: string;
  [attribute: string]: string | number | undefined;
}

export interface CytoscapeJson {
  elements: {
    nodes: Array<{ data: CytoscapeNodeData; classes: string }>;
    edges: Array<{ data: { id: string; source: string; target: string; label: string; predicate: string } }>;
  };
}

export function toCytoscape(graph: VizGraph): CytoscapeJson {
  const ids = new Set(graph.nodes.map((n) => n.id));
  return {
    elements: {
      nodes: graph.nodes.map((n) => {
        const data: CytoscapeNodeData = { ...n.attributes, id: n.id, label: n.label, type: n.type, degree: n.degree };
        if (n.parent !== undefined && ids.has(n.parent)) data.parent = n.parent;
        return { data, classes: n.type };
      }),
      edges: graph.edges.map((e) => ({
        data: { id: e.id, source: e.source, target: e.target, label: e.label, predicate: e.predicate },
      })),
    },
  };
}

/** A Cytoscape.js stylesheet matching {@link NODE_STYLES}: one rule per node kind, keyed
 *  on the class every exported node carries. */
export function cytoscapeStylesheet(): Array<{ selector: string; style: Record<string, string | number> }> {
  return [
    { selector: 'node', style: { label: 'data(label)', 'font-size': 8, 'text-valign': 'center', 'text-halign': 'center' } },
    { selector: 'edge', style: { label: 'data(label)', 'font-size': 6, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle' } },
    ...NODE_KINDS.map((kind) => ({
      selector: `node.${kind}`,
      style: { 'background-color': NODE_STYLES[kind].color, shape: NODE_STYLES[kind].cytoscapeShape },
    })),
  ];
}

/** vis-network DataSet JSON (`new Network(el, { nodes, edges })`). */
import type { VizGraph } from '../model';
import { NODE_STYLES } from '../styles';

export interface VisJson {
  nodes: Array<{ id: string; label: string; group: string; title: string; color: string }>;
  edges: Array<{ id: string; from: string; to: string; label: string; title: string; arrows: 'to' }>;
}

export function toVis(graph: VizGraph): VisJson {
  return {
    nodes: graph.nodes.map((n) => ({
      id: n.id,
      label: n.label,
      group: n.type,
      // Tooltip, set as text (vis-network does not render string titles as HTML).
      title: `${n.label}\n${n.id}\n${NODE_STYLES[n.type].legend}, degree ${n.degree}`,
      color: NODE_STYLES[n.type].color,
    })),
    edges: graph.edges.map((e) => ({ id: e.id, from: e.source, to: e.target, label: e.label, title: e.predicate, arrows: 'to' })),
  };
}

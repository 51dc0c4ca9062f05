/** D3 force-layout JSON (`forceLink(links).id(d => d.id)`; also networkx node_link_data). */
import type { NodeKind, VizGraph } from '../model';

export interface D3Json {
  nodes: Array<{ id: string; label: string; type: NodeKind; types: string[]; degree: number; parent?: string; attributes: Record<string, string | number> }>;
  links: Array<{ id: string; source: string; target: string; label: string; predicate: string }>;
}

export function toD3(graph: VizGraph): D3Json {
  return {
    nodes: graph.nodes.map((n) => ({
      id: n.id,
      label: n.label,
      type: n.type,
      types: [...n.types],
      degree: n.degree,
      ...(n.parent !== undefined ? { parent: n.parent } : {}),
      attributes: { ...n.attributes },
    })),
    links: graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, label: e.label, predicate: e.predicate })),
  };
}

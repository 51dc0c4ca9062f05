/** Colour, shape and size of each node kind, defined once for every export format and
 *  for the legend of the explorer page. */
import type { NodeKind } from './model';

/** Graphviz node shapes used here (https://graphviz.org/doc/info/shapes.html). */
export type DotShape = 'box' | 'ellipse' | 'note' | 'folder' | 'component' | 'diamond' | 'hexagon' | 'octagon' | 'house' | 'tab' | 'cds' | 'plaintext' | 'circle';

/** Cytoscape.js node shapes used here. */
export type CytoscapeShape = 'round-rectangle' | 'rectangle' | 'ellipse' | 'diamond' | 'hexagon' | 'octagon' | 'tag' | 'barrel' | 'triangle' | 'star';

export interface NodeStyle {
  /** Legend text. */
  legend: string;
  /** `#rrggbb` */
  color: string;
  dotShape: DotShape;
  cytoscapeShape: CytoscapeShape;
  /** Base size in layout units, grown with the node's degree. */
  size: number;
}

export const NODE_STYLES: Readonly<Record<NodeKind, NodeStyle>> = {
  resolution: { legend: 'Resolution', color: '#1f4e79', dotShape: 'folder', cytoscapeShape: 'round-rectangle', size: 12 },
  document: { legend: 'Document', color: '#4a7ab5', dotShape: 'note', cytoscapeShape: 'rectangle', size: 8 },
  paragraph: { legend: 'Paragraph', color: '#7fb3e0', dotShape: 'box', cytoscapeShape: 'round-rectangle', size: 6 },
  subparagraph: { legend: 'Sub-paragraph', color: '#b9d7f0', dotShape: 'box', cytoscapeShape: 'round-rectangle', size: 4 },
  footnote: { legend: 'Footnote', color: '#c9c9c9', dotShape: 'tab', cytoscapeShape: 'tag', size: 4 },
  treaty: { legend: 'Treaty', color: '#8e44ad', dotShape: 'component', cytoscapeShape: 'barrel', size: 8 },
  'sdg-target': { legend: 'SDG target', color: '#27ae60', dotShape: 'hexagon', cytoscapeShape: 'hexagon', size: 7 },
  'sdg-goal': { legend: 'SDG goal', color: '#145a32', dotShape: 'octagon', cytoscapeShape: 'octagon', size: 9 },
  organisation: { legend: 'Organisation', color: '#e67e22', dotShape: 'house', cytoscapeShape: 'diamond', size: 7 },
  event: { legend: 'Event', color: '#c0392b', dotShape: 'diamond', cytoscapeShape: 'star', size: 6 },
  publication: { legend: 'Publication', color: '#b7950b', dotShape: 'note', cytoscapeShape: 'rectangle', size: 6 },
  plan: { legend: 'Plan', color: '#16a085', dotShape: 'cds', cytoscapeShape: 'triangle', size: 6 },
  'clause-verb': { legend: 'Clause verb', color: '#f1c40f', dotShape: 'ellipse', cytoscapeShape: 'ellipse', size: 5 },
  literal: { legend: 'Literal value', color: '#f5f5f5', dotShape: 'plaintext', cytoscapeShape: 'rectangle', size: 3 },
  other: { legend: 'Other resource', color: '#95a5a6', dotShape: 'ellipse', cytoscapeShape: 'ellipse', size: 5 },
};

/** Display size of a node: its kind's base size, grown logarithmically with its degree. */
export function nodeSize(kind: NodeKind, degree: number): number {
  return Math.round((NODE_STYLES[kind].size + Math.log2(1 + Math.max(0, degree))) * 100) / 100;
}

/** `#rrggbb` as its red, green and blue components. */
export function rgb(color: string): { r: number; g: number; b: number } {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) throw new Error(`not a #rrggbb colour: ${color}`);
  return { r: parseInt(m[1], 16), g: parseInt(m[2], 16), b: parseInt(m[3], 16) };
}

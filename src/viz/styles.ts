/** Colour, shape and size of each node kind, defined once for every export format and
 *  for the legend of the explorer page. */
import { targetKind } from '../vocab';
import type { NodeKind } from './model';

/** Legend and colour of a kind of link target: from the one list in src/vocab. */
const target = (id: Parameters<typeof targetKind>[0]) => ({ legend: targetKind(id).label.en, color: targetKind(id).color });

/** Graphviz node shapes used here (https://graphviz.org/doc/info/shapes.html). */
export type DotShape =
  'box' | 'ellipse' | 'note' | 'folder' | 'component' | 'diamond' | 'hexagon' | 'octagon' | 'house' | 'tab' | 'cds' | 'plaintext' | 'circle';

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
  resolution: { ...target('resolution'), dotShape: 'folder', cytoscapeShape: 'round-rectangle', size: 12 },
  document: { ...target('document'), dotShape: 'note', cytoscapeShape: 'rectangle', size: 8 },
  paragraph: { legend: 'Paragraph', color: '#7fb3e0', dotShape: 'box', cytoscapeShape: 'round-rectangle', size: 6 },
  subparagraph: { legend: 'Sub-paragraph', color: '#b9d7f0', dotShape: 'box', cytoscapeShape: 'round-rectangle', size: 4 },
  footnote: { legend: 'Footnote', color: '#c9c9c9', dotShape: 'tab', cytoscapeShape: 'tag', size: 4 },
  treaty: { ...target('treaty'), dotShape: 'component', cytoscapeShape: 'barrel', size: 8 },
  'sdg-target': { ...target('sdg-target'), dotShape: 'hexagon', cytoscapeShape: 'hexagon', size: 7 },
  'sdg-goal': { ...target('sdg-goal'), dotShape: 'octagon', cytoscapeShape: 'octagon', size: 9 },
  organisation: { ...target('organisation'), dotShape: 'house', cytoscapeShape: 'diamond', size: 7 },
  event: { ...target('event'), dotShape: 'diamond', cytoscapeShape: 'star', size: 6 },
  publication: { ...target('publication'), dotShape: 'note', cytoscapeShape: 'rectangle', size: 6 },
  plan: { ...target('plan'), dotShape: 'cds', cytoscapeShape: 'triangle', size: 6 },
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

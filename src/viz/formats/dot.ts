/** Graphviz DOT (`dot -Tsvg`): a digraph with quoted IRIs as node ids, shapes and fill
 *  colours by node kind, and each node linked to its IRI in SVG output. */
import type { VizGraph } from '../model';
import { NODE_STYLES, rgb } from '../styles';

/** A DOT double-quoted string. Backslashes are doubled so label text never reads as a
 *  Graphviz escape (\N, \l); line breaks become \n. */
export function dotString(value: string | number): string {
  const escaped = String(value)
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r\n?|\n/g, '\\n');
  return `"${escaped}"`;
}

/** Black or white text, whichever reads better on the fill colour. */
function fontColour(fill: string): string {
  const { r, g, b } = rgb(fill);
  return 0.299 * r + 0.587 * g + 0.114 * b < 140 ? '#ffffff' : '#000000';
}

const attributes = (pairs: Array<[string, string]>): string => pairs.map(([k, v]) => `${k}=${v}`).join(', ');

export function toDot(graph: VizGraph): string {
  const lines = ['digraph "unkg" {', '  graph [rankdir=LR];', '  node [style=filled, fontsize=10];', '  edge [fontsize=8];'];
  for (const n of graph.nodes) {
    const style = NODE_STYLES[n.type];
    const pairs: Array<[string, string]> = [
      ['label', dotString(n.label)],
      ['shape', style.dotShape],
      ['fillcolor', dotString(style.color)],
      ['fontcolor', dotString(fontColour(style.color))],
      ['tooltip', dotString(`${n.label} (${style.legend})`)],
    ];
    if (n.type !== 'literal') pairs.push(['URL', dotString(n.id)]);
    lines.push(`  ${dotString(n.id)} [${attributes(pairs)}];`);
  }
  for (const e of graph.edges) {
    lines.push(
      `  ${dotString(e.source)} -> ${dotString(e.target)} [${attributes([
        ['id', dotString(`e${e.id}`)],
        ['label', dotString(e.label)],
        ['tooltip', dotString(e.predicate)],
      ])}];`,
    );
  }
  lines.push('}', '');
  return lines.join('\n');
}

/** The typed columns of node attributes across a graph, shared by the XML writers that
 *  declare attributes before using them (GraphML <key>, GEXF <attribute>). */
import type { VizGraph } from '../model';

export type ColumnType = 'integer' | 'double' | 'string';

export interface AttributeColumn {
  name: string;
  type: ColumnType;
}

/** Every attribute name used by some node, sorted by name, typed by its values: integer
 *  when all are integers, double when all are numbers, string otherwise. */
export function attributeColumns(graph: VizGraph): AttributeColumn[] {
  const types = new Map<string, ColumnType>();
  for (const node of graph.nodes) {
    for (const [name, value] of Object.entries(node.attributes)) {
      const own: ColumnType = typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'double') : 'string';
      const seen = types.get(name);
      types.set(name, seen === undefined || seen === own ? own : seen === 'string' || own === 'string' ? 'string' : 'double');
    }
  }
  return [...types.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, type]) => ({ name, type }));
}

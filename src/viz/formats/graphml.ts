/** GraphML (http://graphml.graphdrawing.org/): yEd, Cytoscape desktop, Gephi, networkx.
 *  Node ids are positional (`n0`, `n1`: GraphML ids are NMTOKENs, which IRIs are not); the
 *  IRI is the `iri` data key. */
import type { VizGraph } from '../model';
import { attributeColumns, type ColumnType } from './attributeColumns';
import { XML_DECLARATION, escapeXml } from './xml';

const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';
const GRAPHML_SCHEMA = 'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

const GRAPHML_TYPES: Record<ColumnType, string> = { integer: 'long', double: 'double', string: 'string' };

const key = (id: string, domain: 'node' | 'edge', name: string, type: string): string =>
  `  <key id="${escapeXml(id)}" for="${domain}" attr.name="${escapeXml(name)}" attr.type="${type}"/>`;
const data = (id: string, value: string | number): string => `<data key="${escapeXml(id)}">${escapeXml(value)}</data>`;

export function toGraphml(graph: VizGraph): string {
  const columns = attributeColumns(graph).map((c, i) => ({ ...c, id: `a${i}` }));
  const nodeIds = new Map(graph.nodes.map((n, i) => [n.id, `n${i}`]));
  const lines = [
    XML_DECLARATION,
    `<graphml xmlns="${GRAPHML_NS}" xmlns:xsi="${XSI_NS}" xsi:schemaLocation="${GRAPHML_NS} ${GRAPHML_SCHEMA}">`,
    key('label', 'node', 'label', 'string'),
    key('type', 'node', 'type', 'string'),
    key('iri', 'node', 'iri', 'string'),
    key('types', 'node', 'types', 'string'),
    key('degree', 'node', 'degree', 'long'),
    key('parent', 'node', 'parent', 'string'),
    ...columns.map((c) => key(c.id, 'node', c.name, GRAPHML_TYPES[c.type])),
    key('edge_label', 'edge', 'label', 'string'),
    key('predicate', 'edge', 'predicate', 'string'),
    `  <graph id="G" edgedefault="directed">`,
  ];
  for (const n of graph.nodes) {
    const fields = [data('label', n.label), data('type', n.type), data('iri', n.id), data('types', n.types.join(' ')), data('degree', n.degree)];
    if (n.parent !== undefined) fields.push(data('parent', n.parent));
    for (const c of columns) if (c.name in n.attributes) fields.push(data(c.id, n.attributes[c.name]));
    lines.push(`    <node id="${nodeIds.get(n.id)}">${fields.join('')}</node>`);
  }
  for (const e of graph.edges) {
    const source = nodeIds.get(e.source);
    const target = nodeIds.get(e.target);
    if (source === undefined || target === undefined) throw new Error(`edge ${e.id} joins a node outside the graph`);
    lines.push(`    <edge id="e${e.id}" source="${source}" target="${target}">${data('edge_label', e.label)}${data('predicate', e.predicate)}</edge>`);
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

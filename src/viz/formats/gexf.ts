/** GEXF (https://gexf.net/): Gephi, networkx, graphology-gexf. Node ids are the IRIs;
 *  node kind, rdf:types, degree, parent and literal attributes are declared in
 *  <attributes> and set through <attvalues>.
 *
 *  Version 1.2draft is the default: it is the version every reader here accepts (Gephi,
 *  networkx 2.x and 3.x); networkx before 3.0 rejects the 1.3 namespace outright. 1.3
 *  can be asked for, and then also sets the edge `kind` so Gephi keeps parallel edges
 *  with different predicates apart. */
import type { VizGraph } from '../model';
import { NODE_STYLES, nodeSize, rgb } from '../styles';
import { attributeColumns, type ColumnType } from './attributeColumns';
import { XML_DECLARATION, escapeXml } from './xml';

export type GexfVersion = '1.2draft' | '1.3';

export const GEXF_VERSIONS: Readonly<Record<GexfVersion, { namespace: string; vizNamespace: string; version: string }>> = {
  '1.2draft': { namespace: 'http://www.gexf.net/1.2draft', vizNamespace: 'http://www.gexf.net/1.2draft/viz', version: '1.2' },
  '1.3': { namespace: 'http://gexf.net/1.3', vizNamespace: 'http://gexf.net/1.3/viz', version: '1.3' },
};

export const DEFAULT_GEXF_VERSION: GexfVersion = '1.2draft';

const GEXF_TYPES: Record<ColumnType, string> = { integer: 'long', double: 'double', string: 'string' };

const attribute = (id: string, title: string, type: string): string => `      <attribute id="${escapeXml(id)}" title="${escapeXml(title)}" type="${type}"/>`;
const attvalue = (id: string, value: string | number): string => `<attvalue for="${escapeXml(id)}" value="${escapeXml(value)}"/>`;

export function toGexf(graph: VizGraph, version: GexfVersion = DEFAULT_GEXF_VERSION): string {
  const ns = GEXF_VERSIONS[version];
  const columns = attributeColumns(graph).map((c, i) => ({ ...c, id: `a${i}` }));
  const lines = [
    XML_DECLARATION,
    `<gexf xmlns="${ns.namespace}" xmlns:viz="${ns.vizNamespace}" version="${ns.version}">`,
    '  <meta><creator>unkg</creator><description>UN resolutions knowledge graph</description></meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    '    <attributes class="node" mode="static">',
    attribute('type', 'type', 'string'),
    attribute('types', 'types', 'string'),
    attribute('degree', 'degree', 'long'),
    attribute('parent', 'parent', 'string'),
    ...columns.map((c) => attribute(c.id, c.name, GEXF_TYPES[c.type])),
    '    </attributes>',
    '    <attributes class="edge" mode="static">',
    attribute('predicate', 'predicate', 'string'),
    '    </attributes>',
    '    <nodes>',
  ];
  for (const n of graph.nodes) {
    const values = [attvalue('type', n.type), attvalue('types', n.types.join(' ')), attvalue('degree', n.degree)];
    if (n.parent !== undefined) values.push(attvalue('parent', n.parent));
    for (const c of columns) if (c.name in n.attributes) values.push(attvalue(c.id, n.attributes[c.name]));
    const { r, g, b } = rgb(NODE_STYLES[n.type].color);
    lines.push(
      `      <node id="${escapeXml(n.id)}" label="${escapeXml(n.label)}"><attvalues>${values.join('')}</attvalues>` +
        `<viz:color r="${r}" g="${g}" b="${b}"/><viz:size value="${nodeSize(n.type, n.degree)}"/></node>`,
    );
  }
  lines.push('    </nodes>', '    <edges>');
  for (const e of graph.edges) {
    const kind = version === '1.3' ? ` kind="${escapeXml(e.label)}"` : '';
    lines.push(
      `      <edge id="${e.id}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}" label="${escapeXml(e.label)}"${kind}>` +
        `<attvalues>${attvalue('predicate', e.predicate)}</attvalues></edge>`,
    );
  }
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}

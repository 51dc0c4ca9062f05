import { toGraphml } from '../../../src/viz';
import { sampleGraph } from './sampleGraph';

describe('toGraphml', () => {
  const graphml = toGraphml(sampleGraph());

  it('declares keys for label, type, iri and degree of nodes, and label and predicate of edges', () => {
    for (const key of [
      '<key id="label" for="node" attr.name="label" attr.type="string"/>',
      '<key id="type" for="node" attr.name="type" attr.type="string"/>',
      '<key id="iri" for="node" attr.name="iri" attr.type="string"/>',
      '<key id="degree" for="node" attr.name="degree" attr.type="long"/>',
      '<key id="edge_label" for="edge" attr.name="label" attr.type="string"/>',
      '<key id="predicate" for="edge" attr.name="predicate" attr.type="string"/>',
      '<key id="a3" for="node" attr.name="score" attr.type="double"/>',
    ])
      expect(graphml).toContain(key);
  });

  it('names nodes n0, n1... and keeps the IRI as data, since GraphML ids are NMTOKENs', () => {
    expect(graphml).toContain(
      '<node id="n1"><data key="label">pp/1</data><data key="type">paragraph</data><data key="iri">https://w3id.org/unkg/eli/un/E/RES/2017/18/pp/1</data>',
    );
    expect(graphml).toMatch(/<edge id="e[0-9a-f]{16}" source="n1" target="n0">/);
  });

  it('escapes labels and values', () => {
    expect(graphml).toContain('<data key="label">O&apos;Brien &amp; Co &lt;Ltd&gt;</data>');
    expect(graphml).toContain('<data key="iri">https://w3id.org/unkg/org/o%22brien&amp;co</data>');
  });

  it('refuses an edge to a node outside the graph', () => {
    const g = sampleGraph();
    g.nodes.pop();
    expect(() => toGraphml(g)).toThrow(/joins a node outside the graph/);
  });
});

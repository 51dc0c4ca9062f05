import { NODE_KINDS, NODE_STYLES, cytoscapeStylesheet, toCytoscape } from '../../../src/viz';
import { sampleGraph } from './sampleGraph';

describe('toCytoscape', () => {
  const json = toCytoscape(sampleGraph());

  it('puts id, label, kind, degree, parent and literal values in each node’s data, classed by kind', () => {
    expect(json.elements.nodes[1]).toEqual({
      data: {
        id: 'https://w3id.org/unkg/eli/un/E/RES/2017/18/pp/1',
        label: 'pp/1',
        type: 'paragraph',
        degree: 10,
        parent: 'https://w3id.org/unkg/eli/un/E/RES/2017/18',
        position: 1,
        score: 0.93,
      },
      classes: 'paragraph',
    });
  });

  it('leaves out a parent that is not in the graph', () => {
    const g = sampleGraph();
    g.nodes[1].parent = 'https://w3id.org/unkg/eli/un/E/RES/2099/1';
    expect(toCytoscape(g).elements.nodes[1].data).not.toHaveProperty('parent');
  });

  it('writes edges with id, source, target, label and predicate', () => {
    const [first] = sampleGraph().edges;
    expect(json.elements.edges[0]).toEqual({
      data: { id: first.id, source: first.source, target: first.target, label: 'is part of', predicate: first.predicate },
    });
  });
});

describe('cytoscapeStylesheet', () => {
  it('styles every node kind with its colour and shape', () => {
    const sheet = cytoscapeStylesheet();
    for (const kind of NODE_KINDS) {
      expect(sheet).toContainEqual({
        selector: `node.${kind}`,
        style: { 'background-color': NODE_STYLES[kind].color, shape: NODE_STYLES[kind].cytoscapeShape },
      });
    }
  });
});

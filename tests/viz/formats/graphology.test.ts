import Graph from 'graphology';
import { LAYOUT_ITERATIONS, NODE_STYLES, toGraphology } from '../../../src/viz';
import { sampleGraph } from './sampleGraph';

describe('toGraphology', () => {
  it('declares a directed multigraph with self-loops, as RDF needs', () => {
    expect(toGraphology(sampleGraph()).options).toEqual({ type: 'directed', multi: true, allowSelfLoops: true });
  });

  it('gives every node a label, position, size and the colour of its kind', () => {
    for (const { key, attributes } of toGraphology(sampleGraph()).nodes) {
      expect(typeof attributes!.label).toBe('string');
      expect(Number.isFinite(attributes!.x)).toBe(true);
      expect(Number.isFinite(attributes!.y)).toBe(true);
      expect(attributes!.size).toBeGreaterThan(0);
      expect(attributes!.color).toBe(NODE_STYLES[attributes!.kind as keyof typeof NODE_STYLES].color);
      // Sigma reads `type` as a rendering program: the kind must not be there.
      expect(attributes).not.toHaveProperty('type');
      expect(key).toMatch(/^https:\/\/w3id\.org\/unkg\//);
    }
  });

  it('lays the same graph out at the same positions every time', () => {
    const positions = () => toGraphology(sampleGraph()).nodes.map((n) => [n.key, n.attributes!.x, n.attributes!.y]);
    expect(positions()).toEqual(positions());
  });

  it('moves the nodes off the circle they start on', () => {
    const radii = toGraphology(sampleGraph()).nodes.map((n) => Math.hypot(n.attributes!.x, n.attributes!.y));
    expect(new Set(radii.map((r) => r.toFixed(1))).size).toBeGreaterThan(1);
    expect(LAYOUT_ITERATIONS).toBeGreaterThan(0);
  });

  it('keeps parallel edges apart under their edge ids', () => {
    const json = toGraphology(sampleGraph());
    const graph = Graph.from(json);
    const pp1 = 'https://w3id.org/unkg/eli/un/E/RES/2017/18/pp/1';
    const treaty = 'https://w3id.org/unkg/treaty/unts/2237/39574';
    expect(
      graph
        .edges(pp1, treaty)
        .map((e) => graph.getEdgeAttribute(e, 'label'))
        .sort(),
    ).toEqual(['cites', 'mentions']);
    expect(graph.getAttributes()).toEqual({ root: 'https://w3id.org/unkg/eli/un/E/RES/2017/18', truncated: false });
  });

  it('lays out a graph of one node or none', () => {
    expect(toGraphology({ nodes: [], edges: [], truncated: false }).nodes).toEqual([]);
    const [only] = toGraphology({ nodes: [sampleGraph().nodes[0]], edges: [], truncated: false }).nodes;
    expect([only.attributes!.x, only.attributes!.y]).toEqual([100, 0]);
  });
});

import { toD3 } from '../../../src/viz';
import { sampleGraph } from './sampleGraph';

describe('toD3', () => {
  const json = toD3(sampleGraph());

  it('writes nodes and links that forceLink(links).id(d => d.id) can join', () => {
    const ids = new Set(json.nodes.map((n) => n.id));
    expect(ids.size).toBe(4);
    expect(json.links).toHaveLength(5);
    expect(json.links.every((l) => ids.has(l.source) && ids.has(l.target))).toBe(true);
  });

  it('copies node data rather than sharing it, since d3 mutates what it is given', () => {
    const graph = sampleGraph();
    const out = toD3(graph);
    out.nodes[0].attributes.plenaryMeeting = 41;
    out.nodes[0].types.push('x');
    expect(graph.nodes[0].attributes.plenaryMeeting).toBe(40);
    expect(graph.nodes[0].types).toHaveLength(1);
  });
});

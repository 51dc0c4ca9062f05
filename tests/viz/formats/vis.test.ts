import { NODE_STYLES, toVis } from '../../../src/viz';
import { sampleGraph } from './sampleGraph';

describe('toVis', () => {
  const json = toVis(sampleGraph());

  it('groups nodes by kind and gives them a text tooltip', () => {
    expect(json.nodes[0]).toEqual({
      id: 'https://w3id.org/unkg/eli/un/E/RES/2017/18',
      label: 'E/RES/2017/18',
      group: 'resolution',
      title: 'E/RES/2017/18\nhttps://w3id.org/unkg/eli/un/E/RES/2017/18\nResolution, degree 15',
      color: NODE_STYLES.resolution.color,
    });
  });

  it('writes edges from, to, with an arrow and the predicate as tooltip', () => {
    expect(json.edges[2]).toMatchObject({
      from: 'https://w3id.org/unkg/eli/un/E/RES/2017/18/pp/1',
      to: 'https://w3id.org/unkg/treaty/unts/2237/39574',
      label: 'cites',
      title: 'http://data.europa.eu/eli/ontology#cites',
      arrows: 'to',
    });
  });
});

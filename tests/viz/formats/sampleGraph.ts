/** A hand-made graph whose labels and values contain every character the writers must
 *  escape, with parallel edges and a compound parent. */
import { edgeId, type VizEdge, type VizGraph } from '../../../src/viz';

const DOC = 'https://w3id.org/unkg/eli/un/E/RES/2017/18';
const PP1 = `${DOC}/pp/1`;
const TREATY = 'https://w3id.org/unkg/treaty/unts/2237/39574';
const ORG = 'https://w3id.org/unkg/org/o%22brien&co';

export const HOSTILE_LABEL = `Tom & Jerry's <"quoted"> \\N back\\slash\nsecond line`;

const edge = (source: string, predicate: string, target: string, label: string): VizEdge => ({
  id: edgeId(source, predicate, target),
  source,
  target,
  predicate,
  label,
});

export function sampleGraph(): VizGraph {
  return {
    root: DOC,
    truncated: false,
    nodes: [
      {
        id: DOC,
        label: 'E/RES/2017/18',
        type: 'resolution',
        types: ['http://data.europa.eu/eli/ontology#LegalResource'],
        degree: 15,
        attributes: { plenaryMeeting: 40, text: 'a < b && c > "d"' },
      },
      { id: PP1, label: 'pp/1', type: 'paragraph', types: [], degree: 10, attributes: { position: 1, score: 0.93 }, parent: DOC },
      { id: TREATY, label: HOSTILE_LABEL, type: 'treaty', types: [], degree: 2, attributes: {} },
      { id: ORG, label: "O'Brien & Co <Ltd>", type: 'organisation', types: [], degree: 0, attributes: { note: 'tab\there' } },
    ],
    edges: [
      edge(PP1, 'http://data.europa.eu/eli/ontology#is_part_of', DOC, 'is part of'),
      edge(DOC, 'http://data.europa.eu/eli/ontology#has_part', PP1, 'has part'),
      edge(PP1, 'http://data.europa.eu/eli/ontology#cites', TREATY, 'cites'),
      edge(PP1, 'http://schema.org/mentions', TREATY, 'mentions'),
      edge(PP1, 'http://schema.org/mentions', ORG, 'mentions'),
    ],
  };
}

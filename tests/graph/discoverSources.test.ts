import { join } from 'node:path';
import { discoverSources, referenceGraphIri } from '../../src/graph';
import { DEFAULT_BASE, ONTOLOGY_IRI } from '../../src/vocab';
import { SPARQL_FIXTURES } from '../helpers';

const layout = (base: string) => ({
  graphDir: join(SPARQL_FIXTURES, 'graph'),
  ontologyDir: join(SPARQL_FIXTURES, 'ontology'),
  referenceDir: join(SPARQL_FIXTURES, 'reference'),
  base,
});

describe('discoverSources', () => {
  it('lists resolution graphs, then the ontology and the reference data in their named graphs', () => {
    const { sources, warnings } = discoverSources(layout(DEFAULT_BASE));
    expect(warnings).toEqual([]);
    expect(sources).toEqual([
      { path: join(SPARQL_FIXTURES, 'graph', 'E-RES-2017-18.nq'), format: 'application/n-quads' },
      { path: join(SPARQL_FIXTURES, 'ontology', 'mini.ttl'), format: 'text/turtle', graph: ONTOLOGY_IRI },
      { path: join(SPARQL_FIXTURES, 'reference', 'organisations.ttl'), format: 'text/turtle', graph: `${DEFAULT_BASE}graph/reference` },
    ]);
  });

  it('rebases reference data to another base', () => {
    const base = 'https://kg.example.org/';
    const reference = discoverSources(layout(base)).sources[2];
    expect(reference).toMatchObject({ graph: referenceGraphIri(base), rebase: { from: DEFAULT_BASE, to: base } });
  });

  it('warns about a missing folder and goes on without it', () => {
    const { sources, warnings } = discoverSources({ ...layout(DEFAULT_BASE), graphDir: join(SPARQL_FIXTURES, 'absent') });
    expect(sources).toHaveLength(2);
    expect(warnings).toEqual([`${join(SPARQL_FIXTURES, 'absent')} does not exist`]);
  });
});

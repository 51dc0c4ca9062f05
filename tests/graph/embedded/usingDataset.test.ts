import { DatasetConflictError, QuerySyntaxError } from '../../../src/graph';
import { applyUsingDataset } from '../../../src/graph/embedded/usingDataset';

describe('applyUsingDataset', () => {
  it('returns the update unchanged without protocol graphs', () => {
    const text = 'INSERT { ?s ?p ?o } WHERE { ?s ?p ?o }';
    expect(applyUsingDataset(text)).toBe(text);
  });

  it('adds USING and USING NAMED to every DELETE/INSERT ... WHERE', () => {
    const rewritten = applyUsingDataset(
      'INSERT DATA { <http://a> <http://b> <http://c> } ; INSERT { GRAPH <http://out> { ?s a <http://T> } } WHERE { ?s a <http://U> }',
      ['http://g1', 'http://g2'],
      ['http://n1'],
    );
    expect(rewritten).toMatch(/USING <http:\/\/g1>\s+USING <http:\/\/g2>\s+USING NAMED <http:\/\/n1>\s+WHERE/);
    expect(rewritten.match(/USING/g)).toHaveLength(3);
  });

  it('writes DELETE WHERE out so that it can carry USING', () => {
    const rewritten = applyUsingDataset('DELETE WHERE { ?s <http://p> ?o }', ['http://g']);
    expect(rewritten.replace(/\s+/g, ' ')).toBe('DELETE { ?s <http://p> ?o. } USING <http://g> WHERE { ?s <http://p> ?o. }');
  });

  it.each([
    ['WITH', 'WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }'],
    ['USING', 'DELETE { ?s ?p ?o } USING <http://g> WHERE { ?s ?p ?o }'],
  ])('refuses an update that already has %s', (_, update) => {
    expect(() => applyUsingDataset(update, [], ['http://n'])).toThrow(DatasetConflictError);
  });

  it('reports invalid update text as a syntax error', () => {
    expect(() => applyUsingDataset('INSERT { oops', ['http://g'])).toThrow(QuerySyntaxError);
  });
});

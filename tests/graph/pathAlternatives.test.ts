import { expandPathAlternatives } from '../../src/graph/pathAlternatives';
import { createEngine, loadSources, runQuery } from '../../src/graph/embedded/worker/engine';

const E = 'http://example.org/paths/';
const DATA = [
  `<${E}a> <${E}p> <${E}b> .`,
  `<${E}a> <${E}p> <${E}c> .`,
  `<${E}b> <${E}q> <${E}d> .`,
  `<${E}c> <${E}q> <${E}d> .`,
  `<${E}a> <${E}q> <${E}b> .`,
].join('\n');

describe('alternative property paths', () => {
  const engine = createEngine();
  loadSources(engine, [{ data: DATA, format: 'application/n-triples' }]);
  const count = (pattern: string) =>
    Number(
      (
        JSON.parse(
          runQuery(engine, { sparql: `PREFIX e: <${E}> SELECT (COUNT(*) AS ?n) WHERE { ${pattern} }`, format: 'application/sparql-results+json' }),
        ) as { results: { bindings: Array<{ n: { value: string } }> } }
      ).results.bindings[0].n.value,
    );

  it.each([
    ['an alternative is the union of its branches: a pair linked by both counts twice', '?s e:p|e:q ?o', 5],
    ['an inverse inside an alternative', '?s e:p|^e:q ?o', 5],
    ['an alternative inside a sequence joins through each branch', '?s (e:p|e:q)/e:q ?o', 3],
    ['a sequence without alternatives is left to the engine', '?s e:p/e:q ?o', 2],
    ['transitive paths stay distinct', '?s (e:p|e:q)+ ?o', 5],
  ])('%s', (_name, pattern, expected) => {
    expect(count(pattern)).toBe(expected);
  });

  it('leaves queries without alternatives, and boolean ||, as written', () => {
    const query = 'SELECT * WHERE { ?s ?p ?o FILTER(?s = ?o || ?p = ?o) }';
    expect(expandPathAlternatives(query)).toBe(query);
  });

  it('leaves a triple naming a blank node whole (its branches would be separate patterns)', () => {
    const query = `PREFIX e: <${E}> SELECT ?x WHERE { [ e:p|e:q ?x ] }`;
    expect(expandPathAlternatives(query)).toBe(query);
  });

  it('hands text it cannot read to the engine unchanged', () => {
    expect(expandPathAlternatives('SELECT * WHERE { ?s e:p|e:q ?o }')).toBe('SELECT * WHERE { ?s e:p|e:q ?o }');
  });
});

import { QueryEvaluationError, QuerySyntaxError, RdfSyntaxError, SourceLoadError } from '../../../src/graph';
import {
  applyWrite,
  createEngine,
  dump,
  hasGraph,
  loadSource,
  loadSources,
  namedGraphs,
  runQuery,
  type Engine,
} from '../../../src/graph/embedded/worker/engine';
import { BOOKS, column, EX, LIBRARY, PEOPLE } from '../../helpers';

const select = (engine: Engine, sparql: string, dataset: { defaultGraphs?: string[]; namedGraphs?: string[] } = {}) =>
  runQuery(engine, { sparql, format: 'application/sparql-results+json', ...dataset });

describe('the oxigraph engine functions', () => {
  let engine: Engine;
  beforeEach(() => {
    engine = createEngine();
    loadSources(engine, [LIBRARY]);
  });

  describe('dataset of a query', () => {
    it('uses the merge of the default graph and all named graphs when the query names none', () => {
      expect(column(select(engine, 'SELECT ?t WHERE { ?s <http://purl.org/dc/terms/title> ?t } ORDER BY ?t'), 't')).toEqual([
        'Catalogue',
        'Les Miserables', // stored in two graphs: the merge holds it once
        'Les Misérables',
        'Nineteen Eighty-Four',
      ]);
    });

    it('honours FROM in the query text', () => {
      expect(column(select(engine, `SELECT ?n FROM <${PEOPLE}> WHERE { ?s <http://xmlns.com/foaf/0.1/name> ?n } ORDER BY ?n`), 'n')).toEqual([
        'George Orwell',
        'Victor Hugo',
      ]);
      expect(column(select(engine, `SELECT ?s FROM <${PEOPLE}> WHERE { ?s a <${EX}Book> }`), 's')).toEqual([]);
    });

    it('gives an empty default graph to a query with FROM NAMED only', () => {
      expect(column(select(engine, `SELECT ?s FROM NAMED <${BOOKS}> WHERE { ?s ?p ?o }`), 's')).toEqual([]);
      expect(column(select(engine, `SELECT DISTINCT ?g FROM NAMED <${BOOKS}> WHERE { GRAPH ?g { ?s ?p ?o } }`), 'g')).toEqual([BOOKS]);
    });

    it('lets protocol graphs replace FROM and FROM NAMED', () => {
      const query = `SELECT DISTINCT ?s ?g FROM <${PEOPLE}> FROM NAMED <${PEOPLE}> WHERE { { ?s a <${EX}Book> } UNION { GRAPH ?g { ?x ?y ?z } } }`;
      const json = select(engine, query, { defaultGraphs: [BOOKS], namedGraphs: [BOOKS] });
      expect(column(json, 's').filter(Boolean).sort()).toEqual([`${EX}book1`, `${EX}book2`]);
      expect(column(json, 'g').filter(Boolean)).toEqual([BOOKS]);
    });

    it('leaves the named graphs empty when only default-graph-uri is given', () => {
      expect(column(select(engine, 'SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }', { defaultGraphs: [BOOKS] }), 'g')).toEqual([]);
    });
  });

  describe('serialisation', () => {
    it.each([
      ['text/turtle', /<http:\/\/example.org\/book1>/],
      ['application/n-triples', /^<http:\/\/example.org\/book1> <http:\/\/purl.org\/dc\/terms\/title> "Les Misérables"@fr \.$/m],
      ['application/n-quads', /"Les Misérables"@fr \.$/m],
      ['application/trig', /"Les Misérables"@fr/],
      ['application/ld+json', /"@language":"fr"/],
      ['application/rdf+xml', /xml:lang="fr"/],
    ])('writes CONSTRUCT results as %s', (format, pattern) => {
      const body = runQuery(engine, { sparql: `CONSTRUCT WHERE { <${EX}book1> <http://purl.org/dc/terms/title> ?t }`, format });
      expect(body).toMatch(pattern);
    });

    it.each([
      ['application/sparql-results+xml', '<boolean>true</boolean>'],
      ['application/sparql-results+json', '{"head":{},"boolean":true}'],
      ['text/csv', 'true'],
      ['text/tab-separated-values', 'true'],
    ])('writes ASK results as %s', (format, expected) => {
      expect(runQuery(engine, { sparql: 'ASK { ?s ?p ?o }', format })).toContain(expected);
    });

    it('writes plain literals without a datatype', () => {
      const json = select(engine, `SELECT ?n WHERE { <${EX}hugo> <http://xmlns.com/foaf/0.1/name> ?n }`);
      expect(JSON.parse(json).results.bindings[0].n).toEqual({ type: 'literal', value: 'Victor Hugo' });
      const xml = runQuery(engine, { sparql: `SELECT ?n WHERE { <${EX}hugo> <http://xmlns.com/foaf/0.1/name> ?n }`, format: 'application/sparql-results+xml' });
      expect(xml).toContain('<literal>Victor Hugo</literal>');
    });
  });

  describe('errors', () => {
    it('reports a syntax error with its line and column', () => {
      let error: unknown;
      try {
        select(engine, 'SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER(?s = ) }');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(QuerySyntaxError);
      expect(error).toMatchObject({ line: 3, column: 15 });
      expect((error as Error).message).toMatch(/^SPARQL syntax error at line 3, column 15: found '\)', expected an expression/);
    });

    it('refuses SERVICE, which the embedded engine cannot run', () => {
      expect(() => select(engine, 'SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }')).toThrow(QueryEvaluationError);
    });

    it('names the file of a source that does not parse', () => {
      const broken = createEngine();
      expect(() => loadSource(broken, { data: '<http://a> <http://b> .', format: 'application/n-triples' })).toThrow(SourceLoadError);
    });
  });

  describe('writes', () => {
    const size = () => engine.size;

    it('leaves no trace of an update whose second operation fails', () => {
      const before = size();
      expect(() => applyWrite(engine, { op: 'update', sparql: `INSERT DATA { <${EX}new> <${EX}p> 1 } ; CREATE GRAPH <${BOOKS}>` })).toThrow(
        QueryEvaluationError,
      );
      expect(size()).toBe(before);
      expect(select(engine, `SELECT ?o WHERE { <${EX}new> ?p ?o }`)).not.toContain('"1"');
    });

    it('reports whether a load created its graph', () => {
      expect(applyWrite(engine, { op: 'load', data: `<${EX}a> <${EX}b> "c" .`, format: 'application/n-triples', graph: `${EX}graph/new` })).toEqual({
        changed: true,
        created: true,
      });
      expect(applyWrite(engine, { op: 'load', data: `<${EX}a> <${EX}b> "d" .`, format: 'application/n-triples', graph: `${EX}graph/new` })).toEqual({
        changed: true,
        created: false,
      });
      expect(hasGraph(engine, `${EX}graph/new`)).toBe(true);
    });

    it('replaces a graph only when the new content parses', () => {
      const before = dump(engine, 'application/n-triples', PEOPLE);
      expect(() => applyWrite(engine, { op: 'replace', data: '<http://a> <http://b>', format: 'text/turtle', graph: PEOPLE })).toThrow(RdfSyntaxError);
      expect(dump(engine, 'application/n-triples', PEOPLE)).toBe(before);
      expect(applyWrite(engine, { op: 'replace', data: `<${EX}x> <${EX}y> <${EX}z> .`, format: 'text/turtle', graph: PEOPLE })).toEqual({
        changed: true,
        created: false,
      });
      expect(dump(engine, 'application/n-triples', PEOPLE)).toBe(`<${EX}x> <${EX}y> <${EX}z> .\n`);
    });

    it('creates an empty graph when replacing with nothing', () => {
      expect(applyWrite(engine, { op: 'replace', data: '', format: 'text/turtle', graph: `${EX}graph/empty` })).toEqual({ changed: true, created: true });
      expect(namedGraphs(engine)).toContain(`${EX}graph/empty`);
    });

    it('drops a named graph and reports a missing one as unchanged', () => {
      expect(applyWrite(engine, { op: 'drop', graph: BOOKS })).toEqual({ changed: true, created: false });
      expect(namedGraphs(engine)).toEqual([PEOPLE]);
      expect(applyWrite(engine, { op: 'drop', graph: BOOKS })).toEqual({ changed: false, created: false });
    });

    it('empties the default graph of its own statements; the merge keeps the named graphs', () => {
      applyWrite(engine, { op: 'drop', graph: null });
      expect(dump(engine, 'application/n-triples', null)).not.toContain('Catalogue');
      const lines = (text: string) => text.split('\n').filter(Boolean);
      const named = new Set([...lines(dump(engine, 'application/n-triples', BOOKS)), ...lines(dump(engine, 'application/n-triples', PEOPLE))]);
      expect(lines(dump(engine, 'application/n-triples', null)).sort()).toEqual([...named].sort());
      expect(namedGraphs(engine)).toEqual([BOOKS, PEOPLE]);
    });
  });
});

import { createStore, QuerySyntaxError, type OxigraphStore } from '../../src/graph';

/** Real bad queries, as analysts mistype them, through the store: every message says the line,
 *  the column and what was expected there in words, never the parser's character ranges. */

let store: OxigraphStore;
beforeAll(async () => {
  store = await createStore({ sources: [], workers: 1 });
});
afterAll(() => store.close());

async function syntaxError(query: string): Promise<QuerySyntaxError> {
  const error = await store.query(query).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(QuerySyntaxError);
  return error as QuerySyntaxError;
}

describe('a SPARQL syntax error', () => {
  it.each([
    ['a missing operand', 'SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER(?s = ) }', "line 3, column 15: found ')', expected an expression, a variable, an IRI"],
    ['an unclosed group', 'SELECT * WHERE { ?s ?p ?o', 'line 1, column 26: found the end of the query, expected a variable, an IRI'],
    ['a stray closing brace', 'SELECT * WHERE { ?s ?p ?o } }', "line 1, column 29: found '}', expected VALUES or the end of the query"],
    ['a misspelt keyword', 'SELEC * WHERE {}', "line 1, column 1: found 'SELEC', which is not a SPARQL keyword, name or term"],
    ['ORDER without BY', 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } ORDER ?n', "line 1, column 50: found '?n', expected BY"],
    ['a LIMIT that is not a number', 'SELECT * { ?s ?p ?o . } LIMIT x', "line 1, column 31: found 'x', expected a number"],
    [
      'GROUP BY with nothing after it',
      'SELECT ?x WHERE { ?s ?p ?o } GROUP BY',
      'line 1, column 38: found the end of the query, expected an expression, a variable',
    ],
    [
      'a triple without its object',
      'PREFIX ex: <http://e/>\nSELECT * WHERE { ex:a ex:b ex:c . ex:d }',
      "line 2, column 40: found '}', expected a variable, an IRI, a prefixed name, '(' or 'a'",
    ],
    [
      'an undeclared prefix',
      'SELECT * WHERE { ?s foo:bar ?o }',
      'line 1, column 28: the prefix "foo:" is not declared (add PREFIX foo: <...> before the query)',
    ],
    [
      'a variable bound twice',
      'SELECT ?s ?s WHERE { BIND(1 AS ?s) BIND(2 AS ?s) }',
      'line 1, column 51: Two or more of the resulting columns have the same name (?s)',
    ],
    ['an empty query', '   ', 'line 1, column 4: the query is empty'],
  ])('%s: says where and what was expected, in words', async (_what, query, message) => {
    const error = await syntaxError(query);
    expect(error.message).toContain(`SPARQL syntax error at ${message}`);
    expect(error.message).not.toMatch(/\.\.=|\\u\{|\[_\]|one of/);
    expect(error.engineMessage).toMatch(/^error at \d+:\d+/);
  });
});

import { assertEvaluable, MAX_ALGEBRA_OPERATORS, MAX_NESTING_DEPTH, MAX_QUERY_CHARS, QueryTooComplexError } from '../../src/graph';

const nested = (depth: number) => `SELECT * WHERE ${'{ '.repeat(depth)}?s ?p ?o${' }'.repeat(depth)}`;

describe('assertEvaluable', () => {
  it(`accepts groups nested ${MAX_NESTING_DEPTH} deep and refuses one level more, naming where`, () => {
    expect(() => assertEvaluable(nested(MAX_NESTING_DEPTH))).not.toThrow();
    expect(() => assertEvaluable(nested(MAX_NESTING_DEPTH + 1))).toThrow(QueryTooComplexError);
    expect(() => assertEvaluable(`SELECT *\nWHERE ${'('.repeat(70)}`)).toThrow(`more than ${MAX_NESTING_DEPTH} deep (at line 2, column 71)`);
  });

  it('counts parentheses and brackets with the groups', () => {
    const filter = `SELECT * WHERE { ?s ?p ?o FILTER(${'('.repeat(MAX_NESTING_DEPTH)}1${')'.repeat(MAX_NESTING_DEPTH)}) }`;
    expect(() => assertEvaluable(filter)).toThrow(/nests groups and parentheses more than 64 deep/);
  });

  it('ignores brackets and keywords inside strings, IRIs and comments', () => {
    const text = `SELECT * WHERE { ?s ?p "${'{('.repeat(500)} UNION" . ?s ?q <http://x/{UNION}> # ${'{'.repeat(500)}\n}`;
    expect(() => assertEvaluable(text)).not.toThrow();
  });

  it(`refuses more than ${MAX_ALGEBRA_OPERATORS} operators: a long UNION or OPTIONAL chain`, () => {
    const union = (n: number) => `SELECT * WHERE { ${Array(n).fill('{ ?s ?p ?o }').join(' UNION ')} }`;
    expect(() => assertEvaluable(union(400))).not.toThrow();
    expect(() => assertEvaluable(union(600))).toThrow('The query has 1201 operators'); // 601 groups, 599 UNION, 1 SELECT;
    const optional = `SELECT * WHERE { ?s ?p ?o ${Array(600).fill('OPTIONAL { ?s ?p ?o }').join(' ')} }`;
    expect(() => assertEvaluable(optional)).toThrow(QueryTooComplexError);
    const path = `SELECT * WHERE { ?s ${Array(1200).fill('<http://e/p>').join('/')} ?o }`;
    expect(() => assertEvaluable(path)).toThrow(/operators \(groups, parentheses, UNION, OPTIONAL, FILTER, path steps/);
  });

  it('accepts a real analyst query and a long VALUES block', () => {
    const analyst = `PREFIX eli: <http://data.europa.eu/eli/ontology#>
      SELECT ?doc (COUNT(DISTINCT ?p) AS ?n) WHERE {
        ?p eli:is_part_of ?doc ; eli:cites/eli:is_part_of* ?cited .
        OPTIONAL { ?doc eli:title ?title FILTER(LANG(?title) = "en" || LANG(?title) = "") }
        FILTER NOT EXISTS { ?doc eli:repealed_by ?r }
      } GROUP BY ?doc ORDER BY DESC(?n) LIMIT 10`;
    expect(() => assertEvaluable(analyst)).not.toThrow();
    const values = `SELECT * WHERE { VALUES ?x { ${Array.from({ length: 20_000 }, (_, i) => `<http://e/${i}>`).join(' ')} } ?x ?p ?o }`;
    expect(() => assertEvaluable(values)).not.toThrow();
  });

  it('refuses a query longer than the limit before looking at it', () => {
    expect(() => assertEvaluable(`ASK {} #${'x'.repeat(MAX_QUERY_CHARS)}`)).toThrow(`this service evaluates queries of at most ${MAX_QUERY_CHARS}`);
  });
});

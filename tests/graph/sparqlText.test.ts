import { declaresDataset, freezeNow, maskLiterals, nonDeterministicCalls, queryForm } from '../../src/graph/sparqlText';

describe('maskLiterals', () => {
  it('blanks comments, strings and IRIs but keeps length and newlines', () => {
    const text = 'SELECT * # FROM here\nWHERE { ?s <http://x/FROM> "FROM" , """a\nFROM""" }';
    const masked = maskLiterals(text);
    expect(masked).toHaveLength(text.length);
    expect(masked).not.toMatch(/FROM/);
    expect(masked.split('\n')).toHaveLength(text.split('\n').length);
    expect(masked).toContain('SELECT *');
  });

  it('leaves a less-than operator alone', () => {
    expect(maskLiterals('FILTER(?a < ?b)')).toBe('FILTER(?a < ?b)');
  });
});

describe('queryForm', () => {
  it.each([
    ['SELECT * {}', 'SELECT'],
    ['ask {}', 'ASK'],
    ['PREFIX ex: <http://example.org/>\nBASE <http://b/>\nCONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }', 'CONSTRUCT'],
    ['# a comment naming SELECT\nDESCRIBE <http://x>', 'DESCRIBE'],
    ['PREFIX select: <http://s/> ASK { ?s select:p ?o }', 'ASK'],
    ['VERSION "1.2" SELECT * {}', 'SELECT'],
  ])('finds the form of %j', (query, form) => {
    expect(queryForm(query)).toBe(form);
  });

  it('finds the form after a prologue longer than the first scan', () => {
    const prefixes = Array.from({ length: 800 }, (_, i) => `PREFIX p${i}: <http://example.org/vocabulary/${i}#>`).join('\n');
    expect(prefixes.length).toBeGreaterThan(16 * 1024);
    expect(queryForm(`${prefixes}\nCONSTRUCT WHERE { ?s ?p ?o }`)).toBe('CONSTRUCT');
  });

  it.each(['', 'INSERT DATA {}', 'SELECTED * {}', 'FOO'])('finds none in %j', (query) => {
    expect(queryForm(query)).toBeUndefined();
  });
});

describe('declaresDataset', () => {
  it.each([
    ['SELECT * FROM <http://g> { ?s ?p ?o }', true],
    ['SELECT * from named <http://g> { GRAPH ?g { ?s ?p ?o } }', true],
    ['CONSTRUCT { ?s ?p ?o } FROM<http://g> WHERE { ?s ?p ?o }', true],
    ['SELECT ?from { ?from ?p "FROM" }', false],
    ['PREFIX from: <http://f/> SELECT * { ?s from:x ex:from }', false],
    ['SELECT * { ?s ?p ?o } # FROM <http://g>', false],
    ['SELECT * { ?s <http://example.org/FROM> ?o }', false],
  ])('%j declares a dataset: %s', (query, expected) => {
    expect(declaresDataset(query)).toBe(expected);
  });
});

describe('nonDeterministicCalls', () => {
  it('lists RAND, UUID and STRUUID calls once each', () => {
    expect(
      nonDeterministicCalls('INSERT { ?s <p> ?r, ?u, ?v, ?w } WHERE { BIND(RAND() AS ?r) BIND(uuid() AS ?u) BIND(STRUUID () AS ?v) BIND(RAND() AS ?w) }'),
    ).toEqual(['RAND', 'UUID', 'STRUUID']);
  });

  it('ignores the names in strings, IRIs, variables and prefixed names', () => {
    expect(nonDeterministicCalls('INSERT DATA { <http://x/RAND()> <http://p> "UUID()" } ; DELETE WHERE { ?rand ex:uuid ?o }')).toEqual([]);
  });
});

describe('freezeNow', () => {
  const instant = new Date('2024-05-06T07:08:09.010Z');

  it('replaces every NOW() call with the same xsd:dateTime literal', () => {
    const frozen = freezeNow('INSERT { ?s <http://p> ?t, ?u } WHERE { ?s ?q ?o BIND(NOW() AS ?t) BIND(now ( ) AS ?u) }', instant);
    expect(frozen).toBe(
      'INSERT { ?s <http://p> ?t, ?u } WHERE { ?s ?q ?o BIND("2024-05-06T07:08:09.010Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> AS ?t) BIND("2024-05-06T07:08:09.010Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> AS ?u) }',
    );
  });

  it('leaves NOW() inside a string untouched', () => {
    const text = 'INSERT DATA { <http://s> <http://p> "NOW()" }';
    expect(freezeNow(text, instant)).toBe(text);
  });
});

import { NEGOTIATION_CACHE_ENTRIES, NEGOTIATION_CACHE_MAX_HEADER_CHARS, NotAcceptableError, negotiate, negotiator, parseAccept } from '../../src/http';
import { GRAPH_RESULT_TYPES, SOLUTION_TYPES } from '../../src/sparql';

const JSON_RESULTS = 'application/sparql-results+json';
const XML_RESULTS = 'application/sparql-results+xml';
const aliases = { 'application/json': JSON_RESULTS, 'application/xml': XML_RESULTS };

describe('negotiate', () => {
  describe('for SELECT results', () => {
    it.each([
      ['no header', undefined, JSON_RESULTS],
      ['an empty header', '', JSON_RESULTS],
      ['*/*', '*/*', JSON_RESULTS],
      ['a bare *', '*', JSON_RESULTS],
      ['an exact type', 'text/csv', 'text/csv'],
      ['an exact type in other case', 'Text/TAB-Separated-Values', 'text/tab-separated-values'],
      ['a charset parameter', 'application/sparql-results+xml; charset=utf-8', XML_RESULTS],
      ['text/* (CSV is the first text type offered)', 'text/*', 'text/csv'],
      ['application/* with the default first', 'application/*', JSON_RESULTS],
      ['q-values', 'application/sparql-results+json;q=0.5, application/sparql-results+xml;q=0.9', XML_RESULTS],
      ['an exact type over a wildcard of the same quality', 'text/tab-separated-values, */*', 'text/tab-separated-values'],
      ['an exact type over a wildcard of higher quality', 'text/csv;q=0.9, */*;q=0.1', 'text/csv'],
      ['the earlier of two equal types', 'application/sparql-results+xml, application/sparql-results+json', XML_RESULTS],
      ['q=0 excluding a type a wildcard would allow', 'application/sparql-results+json;q=0, */*', XML_RESULTS],
      [
        'Jena ARQ',
        'application/sparql-results+json, application/sparql-results+xml;q=0.9, text/tab-separated-values;q=0.7, text/csv;q=0.5, application/json;q=0.2, application/xml;q=0.2, */*;q=0.1',
        JSON_RESULTS,
      ],
      [
        'Virtuoso (XML only)',
        'application/sparql-results+xml, text/rdf+n3, text/rdf+ttl, text/rdf+turtle, text/turtle, application/turtle, application/x-turtle, application/rdf+xml, application/xml',
        XML_RESULTS,
      ],
      ['SPARQLWrapper', 'application/sparql-results+json,application/json,text/javascript,application/javascript', JSON_RESULTS],
      ['an alias', 'application/json', JSON_RESULTS],
      ['a browser', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', XML_RESULTS],
      ['a malformed range next to a good one', 'garbage, text/csv', 'text/csv'],
      ['an invalid q next to a good range', 'text/csv;q=2, text/tab-separated-values', 'text/tab-separated-values'],
    ])('with %s picks the right type', (_, accept, expected) => {
      expect(negotiate(accept, SOLUTION_TYPES, JSON_RESULTS, aliases)).toBe(expected);
    });

    it.each([
      ['an unsupported type', 'text/turtle'],
      ['only excluded types', 'application/sparql-results+json;q=0, application/sparql-results+xml;q=0, text/*;q=0'],
      ['an unsupported wildcard', 'image/*'],
    ])('with %s answers 406 listing what is available', (_, accept) => {
      let error: unknown;
      try {
        negotiate(accept, SOLUTION_TYPES, JSON_RESULTS, aliases);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(NotAcceptableError);
      expect(error).toMatchObject({ statusCode: 406, supported: SOLUTION_TYPES });
      expect((error as Error).message).toContain(
        'available: application/sparql-results+json, application/sparql-results+xml, text/csv, text/tab-separated-values',
      );
    });
  });

  describe('for CONSTRUCT results', () => {
    it.each([
      ['*/*', 'text/turtle'],
      ['application/ld+json', 'application/ld+json'],
      ['application/n-triples;q=1, text/turtle;q=0.5', 'application/n-triples'],
      ['application/rdf+xml, text/turtle;q=0.8', 'application/rdf+xml'],
      ['application/*', 'application/n-triples'],
      ['application/trig', 'application/trig'],
      ['application/n-quads', 'application/n-quads'],
    ])('with %s picks %s', (accept, expected) => {
      expect(negotiate(accept, GRAPH_RESULT_TYPES, 'text/turtle')).toBe(expected);
    });
  });
});

describe('parseAccept', () => {
  it('reads types, qualities and positions, skipping malformed ranges', () => {
    expect(parseAccept('text/html;level=1;q=0.7, nonsense, */*;q=0.1, a/b;q=x')).toEqual([
      { type: 'text', subtype: 'html', q: 0.7, position: 0 },
      { type: '*', subtype: '*', q: 0.1, position: 2 },
    ]);
  });
});

describe('negotiator', () => {
  const pick = negotiator(SOLUTION_TYPES, JSON_RESULTS, aliases);

  it.each([
    undefined,
    '',
    '*/*',
    'text/csv',
    'application/json',
    'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    'text/csv;q=0.9, */*;q=0.1',
  ])('picks what negotiate picks for %p, the first time and the next', (accept) => {
    const expected = negotiate(accept, SOLUTION_TYPES, JSON_RESULTS, aliases);
    expect(pick(accept)).toBe(expected);
    expect(pick(accept)).toBe(expected);
  });

  it('refuses an unacceptable header every time, with the offer in the message', () => {
    for (let i = 0; i < 2; i++)
      expect(() => pick('image/png')).toThrow(/available: application\/sparql-results\+json, application\/sparql-results\+xml, text\/csv/);
  });

  it('stays right past its memory: more distinct headers than it keeps, and very long ones', () => {
    for (let i = 0; i < NEGOTIATION_CACHE_ENTRIES * 2; i++) expect(pick(`text/csv;q=0.${(i % 9) + 1}, application/x-${i}`)).toBe('text/csv');
    const long = `${'application/x-long, '.repeat(40)}text/tab-separated-values`;
    expect(long.length).toBeGreaterThan(NEGOTIATION_CACHE_MAX_HEADER_CHARS);
    expect(pick(long)).toBe('text/tab-separated-values');
  });
});

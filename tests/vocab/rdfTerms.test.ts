import { FORMATS, OFFERS, checkedIri, iriRef, isAbsoluteIri, isIriRefText, isLanguageTag, stringLiteral, valuesClause } from '../../src/vocab';

describe('RDF terms', () => {
  it('tells absolute IRIs from strings that are not', () => {
    const iris = ['https://w3id.org/unkg/eli/un/E/RES/2017/18', 'urn:isbn:0451450523', 'mailto:someone@example.org'];
    const others = [
      'http://example.org/a b',
      'http://example.org/<a>',
      'http://example.org/a\u0001',
      'http://example.org/{x}',
      '_:b0',
      '1abc:x',
      'E/RES/2017/18',
      '',
    ];
    expect(iris.filter(isAbsoluteIri)).toEqual(iris);
    expect(others.filter(isAbsoluteIri)).toEqual([]);
  });

  it('tells IRIREF text from what cannot stand between angle brackets', () => {
    expect(isIriRefText('/eli/un/E/RES/2017/18')).toBe(true);
    expect(isIriRefText('/a"b')).toBe(false);
  });

  it('writes IRIs between angle brackets, and refuses others with the caller error', () => {
    expect(iriRef('http://example.org/x')).toBe('<http://example.org/x>');
    expect(() => iriRef('http://example.org/> } DROP ALL #')).toThrow(new TypeError('not an absolute IRI: "http://example.org/> } DROP ALL #"'));
    expect(() => checkedIri('no iri', (value) => new RangeError(value))).toThrow(RangeError);
    expect(valuesClause('s', ['http://a.example/', 'http://b.example/'])).toBe('VALUES ?s { <http://a.example/> <http://b.example/> }');
  });

  it('escapes string literals', () => {
    expect(stringLiteral('say "hi"\\\n\r\tnow')).toBe('"say \\"hi\\"\\\\\\n\\r\\tnow"');
  });

  it('checks language tags', () => {
    expect(['en', 'fr', 'en-GB', 'zh-Hant-TW'].every(isLanguageTag)).toBe(true);
    expect(['', 'en_GB', 'toolonglanguage', 'en-'].some(isLanguageTag)).toBe(false);
  });
});

describe('format registry', () => {
  it('gives SPARQL results and named queries the same client names', () => {
    expect(OFFERS.solutions.aliases).toEqual({
      'application/json': 'application/sparql-results+json',
      'application/xml': 'application/sparql-results+xml',
      'text/xml': 'application/sparql-results+xml',
    });
  });

  it('names RDF formats by their media types only where browsers must not get RDF', () => {
    expect(OFFERS.description.aliases).toEqual({});
    expect(OFFERS.graph.aliases).toEqual({});
    expect(OFFERS.resource.aliases['application/xhtml+xml']).toBe('text/html');
  });

  it('maps ?format= names per operation', () => {
    expect(OFFERS.graphResults.names.json).toBe('application/ld+json');
    expect(OFFERS.solutions.names.json).toBe('application/sparql-results+json');
    expect(OFFERS.document.names.akn).toBe('application/akn+xml');
    expect(OFFERS.resource.names.nq).toBeUndefined();
  });

  it('lists each media type with its extension and W3C name', () => {
    expect(FORMATS['application/n-quads']).toMatchObject({ extension: 'nq', iri: 'http://www.w3.org/ns/formats/N-Quads' });
  });
});

import { withExplicitStringDatatype } from '../../src/graph';

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

describe('withExplicitStringDatatype', () => {
  it('gives plain literals the xsd:string datatype and leaves other terms as they are', () => {
    const json = JSON.stringify({
      head: { vars: ['a', 'b', 'c', 'd'] },
      results: {
        bindings: [
          {
            a: { type: 'literal', value: 'plain "quoted" \\ text' },
            b: { type: 'literal', value: 'fr', 'xml:lang': 'fr' },
            c: { type: 'literal', value: '1', datatype: 'http://www.w3.org/2001/XMLSchema#integer' },
            d: { type: 'uri', value: 'http://x/"type":"literal","value":"y"}' },
          },
        ],
      },
    });
    const row = JSON.parse(withExplicitStringDatatype(json)).results.bindings[0];
    expect(row.a).toEqual({ type: 'literal', value: 'plain "quoted" \\ text', datatype: XSD_STRING });
    expect(row.b).toEqual({ type: 'literal', value: 'fr', 'xml:lang': 'fr' });
    expect(row.c).toEqual({ type: 'literal', value: '1', datatype: 'http://www.w3.org/2001/XMLSchema#integer' });
    expect(row.d).toEqual({ type: 'uri', value: 'http://x/"type":"literal","value":"y"}' });
  });
});

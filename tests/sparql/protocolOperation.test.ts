import { BadRequestError, UnsupportedMediaTypeError } from '../../src/http';
import { parseForm, readOperation } from '../../src/sparql';

describe('parseForm', () => {
  it('decodes names and values, plus signs and repeated names', () => {
    expect(parseForm('query=ASK+%7B%7D&default-graph-uri=http%3A%2F%2Fa&default-graph-uri=http%3A%2F%2Fb&flag&caf%C3%A9=%C3%A9', 'the URL')).toEqual({
      query: ['ASK {}'],
      'default-graph-uri': ['http://a', 'http://b'],
      flag: [''],
      café: ['é'],
    });
  });

  it.each([
    ['bytes that are not UTF-8', 'query=%E9', 'A percent-encoded value in the URL is not valid UTF-8'],
    ['a broken escape', 'query=%G1', 'Malformed percent-encoding in the URL'],
  ])('refuses %s', (_, text, message) => {
    expect(() => parseForm(text, 'the URL')).toThrow(new BadRequestError(message));
  });
});

describe('readOperation', () => {
  it('reads a GET without query as a request for the service description', () => {
    expect(readOperation('GET', {}, undefined)).toEqual({ kind: 'description' });
    expect(readOperation('GET', { 'default-graph-uri': ['http://g'] }, undefined)).toEqual({ kind: 'description' });
  });

  it('reads a GET query with its dataset and format', () => {
    expect(
      readOperation(
        'GET',
        { query: ['ASK {}'], 'default-graph-uri': ['http://g'], 'named-graph-uri': ['http://n'], output: ['xml'], maxrows: ['5'] },
        undefined,
      ),
    ).toEqual({
      kind: 'query',
      query: 'ASK {}',
      defaultGraphs: ['http://g'],
      namedGraphs: ['http://n'],
      format: 'xml',
    });
  });

  it('reads a form update with its protocol dataset', () => {
    expect(
      readOperation('POST', { 'using-graph-uri': ['http://g'] }, { kind: 'form', params: { update: ['CLEAR ALL'], 'using-named-graph-uri': ['http://n'] } }),
    ).toEqual({ kind: 'update', update: 'CLEAR ALL', usingGraphs: ['http://g'], usingNamedGraphs: ['http://n'] });
  });

  it('reads direct bodies', () => {
    expect(readOperation('POST', {}, { kind: 'sparql-query', text: 'ASK {}' })).toMatchObject({ kind: 'query', query: 'ASK {}' });
    expect(readOperation('POST', {}, { kind: 'sparql-update', text: 'CLEAR ALL' })).toMatchObject({ kind: 'update', update: 'CLEAR ALL' });
  });

  it.each([
    [
      'a query and an update together',
      { kind: 'form', params: { query: ['ASK {}'], update: ['CLEAR ALL'] } },
      'A request carries either a query or an update, not both',
    ],
    ['two updates', { kind: 'form', params: { update: ['CLEAR NAMED', 'CLEAR DEFAULT'] } }, 'Give one update parameter per request; this one has 2'],
    ['an empty form', { kind: 'form', params: {} }, 'The request has neither a query nor an update parameter'],
  ] as const)('refuses %s', (_, body, message) => {
    expect(() => readOperation('POST', {}, body as never)).toThrow(new BadRequestError(message));
  });

  it('refuses POST bodies of other media types with 415', () => {
    expect(() => readOperation('POST', {}, { kind: 'other', mediaType: 'text/plain', bytes: Buffer.from('ASK {}') })).toThrow(UnsupportedMediaTypeError);
    expect(() => readOperation('POST', {}, undefined)).toThrow(UnsupportedMediaTypeError);
  });
});

import { BOOKS, buildTestApp, column, EX, form, PEOPLE, PUBLIC_URL, WRITE_TOKEN, type TestApp } from '../helpers';

const INSERT = `INSERT DATA { GRAPH <${EX}graph/new> { <${EX}book3> <http://purl.org/dc/terms/title> "Germinal" } }`;
const ASK_INSERTED = `ASK { <${EX}book3> <http://purl.org/dc/terms/title> "Germinal" }`;

const direct = (update: string, headers: Record<string, string> = {}, url = '/sparql') => ({
  method: 'POST' as const,
  url,
  headers: { 'content-type': 'application/sparql-update', ...headers },
  payload: update,
});
const bearer = { authorization: `Bearer ${WRITE_TOKEN}` };

async function ask(t: TestApp, query: string): Promise<boolean> {
  return (await t.app.inject(`/sparql?${form(['query', query])}`)).json().boolean;
}

describe('SPARQL Update without a write token', () => {
  let t: TestApp;
  beforeAll(async () => (t = await buildTestApp()));
  afterAll(() => t.close());

  it('is refused with 403 explaining that writes are disabled', async () => {
    const response = await t.app.inject(direct(INSERT, bearer));
    expect(response.statusCode).toBe(403);
    expect(response.json().message).toBe('This service is read-only: writes are disabled because no write token is configured');
    expect(await ask(t, ASK_INSERTED)).toBe(false);
  });
});

describe('SPARQL Update with a write token', () => {
  let t: TestApp;
  beforeAll(async () => (t = await buildTestApp({ env: { UNKG_WRITE_TOKEN: WRITE_TOKEN, UNKG_PUBLIC_URL: PUBLIC_URL } })));
  afterAll(() => t.close());

  it('asks for the token with 401 when it is missing', async () => {
    const response = await t.app.inject(direct(INSERT));
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="unkg"');
    expect(await ask(t, ASK_INSERTED)).toBe(false);
  });

  it('refuses a wrong token with 403', async () => {
    const response = await t.app.inject(direct(INSERT, { authorization: 'Bearer wrong-token-wrong-token' }));
    expect(response.statusCode).toBe(403);
    expect(await ask(t, ASK_INSERTED)).toBe(false);
  });

  it('applies an update sent directly and answers 204', async () => {
    const response = await t.app.inject(direct(INSERT, bearer));
    expect(response.statusCode).toBe(204);
    expect(await ask(t, ASK_INSERTED)).toBe(true);
  });

  it('applies an update sent in a form', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/sparql',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...bearer },
      payload: form(['update', `DELETE DATA { GRAPH <${EX}graph/new> { <${EX}book3> <http://purl.org/dc/terms/title> "Germinal" } }`]),
    });
    expect(response.statusCode).toBe(204);
    expect(await ask(t, ASK_INSERTED)).toBe(false);
  });

  it('applies using-graph-uri as the dataset of the WHERE clause', async () => {
    const update = `INSERT { GRAPH <${EX}graph/authors> { ?s a <${EX}Author> } } WHERE { ?s a <http://xmlns.com/foaf/0.1/Person> }`;
    const response = await t.app.inject(direct(update, bearer, `/sparql?${form(['using-graph-uri', PEOPLE])}`));
    expect(response.statusCode).toBe(204);
    const authors = await t.app.inject(`/sparql?${form(['query', `SELECT ?s WHERE { GRAPH <${EX}graph/authors> { ?s a <${EX}Author> } } ORDER BY ?s`])}`);
    expect(column(authors.body, 's')).toEqual([`${EX}hugo`, `${EX}orwell`]);
  });

  it('refuses using-named-graph-uri together with WITH in the update', async () => {
    const update = `WITH <${BOOKS}> DELETE { ?b <${EX}pages> ?n } INSERT { ?b <${EX}pages> 1 } WHERE { ?b <${EX}pages> ?n }`;
    const response = await t.app.inject(direct(update, bearer, `/sparql?${form(['using-named-graph-uri', PEOPLE])}`));
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toBe('using-graph-uri / using-named-graph-uri cannot be combined with USING, USING NAMED or WITH in the update');
    expect(await ask(t, `ASK { <${EX}book2> <${EX}pages> 328 }`)).toBe(true);
  });

  it('resolves relative IRIs against the endpoint URL', async () => {
    const response = await t.app.inject(direct(`INSERT DATA { GRAPH <${EX}graph/base> { <${EX}s> <${EX}p> <relative> } }`, bearer));
    expect(response.statusCode).toBe(204);
    expect(await ask(t, `ASK { <${EX}s> <${EX}p> <${PUBLIC_URL}relative> }`)).toBe(true);
  });

  it('leaves no trace of an update whose second operation fails', async () => {
    const response = await t.app.inject(direct(`INSERT DATA { <${EX}half> <${EX}done> 1 } ; CREATE GRAPH <${BOOKS}>`, bearer));
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('already exists');
    expect(await ask(t, `ASK { <${EX}half> ?p ?o }`)).toBe(false);
  });

  it.each([
    ['a syntax error', direct('CLEAR XYZ', bearer), /^SPARQL syntax error at line 1, column \d+/],
    [
      'two updates',
      {
        method: 'POST' as const,
        url: '/sparql',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...bearer },
        payload: form(['update', 'CLEAR NAMED'], ['update', 'CLEAR DEFAULT']),
      },
      /one update parameter/,
    ],
    ['a random value', direct(`INSERT { <${EX}x> <${EX}r> ?r } WHERE { BIND(RAND() AS ?r) }`, bearer), /^RAND cannot be used in an update/],
    ['a non-UTF-8 body', direct('CLEAR NAMED', { ...bearer, 'content-type': 'application/sparql-update; charset=UTF-16' }), /must be UTF-8/],
  ])('refuses %s with 400', async (_, request, message) => {
    const response = await t.app.inject(request);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(message);
  });
});

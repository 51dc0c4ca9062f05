import { join } from 'node:path';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import type { GraphStore } from '../../src/graph';
import { createTestStore } from '../storeUnderTest';
import { errorHandler } from '../../src/http';
import { loadNamedQueries, namedQueriesPlugin, parseNamedQuery, bindParameters } from '../../src/queries';
import { DEFAULT_BASE } from '../../src/vocab';
import { seedSources } from '../seedData';

const ROOT = join(__dirname, '../..');
const DOC = `${DEFAULT_BASE}eli/un/E/RES/2017/18`;
const queries = loadNamedQueries(join(ROOT, 'queries'));

let store: GraphStore;
let app: FastifyInstance;

beforeAll(async () => {
  store = await createTestStore({ sources: seedSources(), workers: 1 });
  app = Fastify();
  app.setErrorHandler(errorHandler);
  await app.register(swagger, { openapi: { info: { title: 'test', version: '0' } } });
  await app.register(namedQueriesPlugin, { store, queries });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await store.close();
});

type Row = Record<string, string>;
async function run(name: string, params: Record<string, string> = {}): Promise<Row[]> {
  const res = await app.inject({ url: `/api/queries/${name}`, query: params });
  expect(res.statusCode).toBe(200);
  const json = res.json() as { results: { bindings: Array<Record<string, { value: string }>> } };
  return json.results.bindings.map((b) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v.value])));
}
const local = (iri: string) => iri.replace(`${DOC}/`, '').replace(DEFAULT_BASE, '').replace('http://metadata.un.org/sdg/', 'sdg:');

describe('the named analyst queries, on the seed', () => {
  it('there are at least 12, each with a summary', () => {
    expect(queries.length).toBeGreaterThanOrEqual(12);
    for (const q of queries) expect(q.summary).not.toBe(q.name);
  });

  const cases: Array<[string, Record<string, string>, (rows: Row[]) => void]> = [
    ['paragraphs-citing', {}, (rows) => expect(rows.map((r) => [local(r.paragraph), r.matchedText])).toEqual([
      ['pp/5', 'résolution 64/293 du 30 juillet 2010'],
      ['op/2', 'Résolution 64/293'],
      ['op/13', 'résolution 64/293'],
    ])],
    ['paragraphs-citing', { symbol: 'A/RES/68/192' }, (rows) => expect(rows.map((r) => local(r.paragraph))).toEqual(['pp/13', 'pp/15'])],
    ['citations-of-resolution', {}, (rows) => {
      const pairs = new Set(rows.map((r) => `${local(r.citing)} ${r.citedId}`));
      expect(pairs).toContain('op/2 A/RES/64/293');
      expect(pairs).toContain('pp/6/a UNTS vol. 2237, No. 39574');
      expect(pairs).toContain('pp/16 16.2');
      expect(pairs).toContain('fn/3 A/71/119');
      expect(rows.find((r) => local(r.citing) === 'op/2' && r.citedId === 'A/RES/64/293')).toMatchObject({ viaFootnote: `${DOC}/fn/5`, matchedText: 'Résolution 64/293' });
      expect(rows.find((r) => local(r.citing) === 'op/13')?.characterization).toBe('http://purl.org/spar/cito/citesAsAuthority');
    }],
    ['sdg-targets-of-resolution', {}, (rows) => expect(rows.map((r) => `${r.code} ${r.how} ${local(r.paragraph)}`)).toEqual([
      '16.2 cites pp/16', '16.2 echoes pp/18', '5.2 cites pp/16', '5.2 echoes pp/18', '8.7 cites pp/16', '8.7 echoes pp/17',
    ])],
    ['sdg-targets-of-resolution', { lang: 'fr' }, (rows) => expect(rows[0].label).toMatch(/^Mettre un terme à la maltraitance/)],
    ['who-does-what', {}, (rows) => {
      expect(rows.filter((r) => local(r.paragraph) === 'op/1').map((r) => [r.verbLabel, r.addresseeLabel])).toEqual([['Urges', 'Member States'], ['Urges', undefined]]);
      expect(rows.filter((r) => r.addressee === `${DEFAULT_BASE}org/unodc`).map((r) => `${local(r.paragraph)} ${r.verbLabel}`)).toEqual(['op/5 Requests', 'op/6 Requests', 'op/7 Invites', 'op/10 Requests']);
    }],
    ['treaties-and-ratification', {}, (rows) => expect(rows.map((r) => `${r.volume} ${local(r.paragraph)}`).sort()).toEqual(
      ['2225 op/1', '2225 op/6', '2225 pp/6/a', '2237 op/1', '2237 op/6', '2237 pp/6/a'],
    )],
    ['cited-resolutions-timeline', {}, (rows) => expect(rows.map((r) => [r.citedSymbol, r.date])).toEqual([
      ['A/RES/64/293', '2010-07-30'], ['A/RES/68/192', '2013-12-18'], ['A/RES/70/1', '2015-09-25'], ['A/RES/70/179', '2015-12-17'], ['A/71/119', '2016-07-01'], ['A/RES/71/287', '2017-05-04'],
    ])],
    ['co-citation', {}, (rows) => expect(rows[0]).toMatchObject({ a: `${DEFAULT_BASE}treaty/unts/2225/39574`, b: `${DEFAULT_BASE}treaty/unts/2237/39574`, together: '3' })],
    ['footnotes', {}, (rows) => {
      const byNote = (n: string) => [...new Set(rows.filter((r) => r.number === n).map((r) => local(r.paragraph)))].sort();
      expect(byNote('1')).toEqual(['op/1', 'pp/6/a']);
      expect(byNote('4')).toEqual(['op/7', 'pp/16']);
      expect(rows.find((r) => r.number === '2')).toMatchObject({ text: 'Ibid., vol. 2237, n° 39574.', cites: `${DEFAULT_BASE}treaty/unts/2237/39574` });
    }],
    ['paragraphs-by-verb', {}, (rows) => expect(rows.map((r) => `${local(r.paragraph)} ${r.verbText}`)).toEqual(['op/10 Prie', 'op/5 et prie', 'op/6 Prie'])],
    ['paragraphs-by-verb', { verb: 'welcoming' }, (rows) => expect(rows.map((r) => local(r.paragraph)).sort()).toEqual(['pp/11', 'pp/12', 'pp/15', 'pp/16'])],
    ['organisation-mentions', {}, (rows) => expect([...new Set(rows.map((r) => local(r.paragraph)))].sort()).toEqual(['op/10', 'op/5', 'op/6', 'op/7', 'pp/7'])],
    ['organisation-mentions', { org: 'ICAT' }, (rows) => expect(new Set(rows.map((r) => local(r.paragraph))).size).toBe(7)],
    ['paragraph-neighbourhood', {}, (rows) => {
      const out = rows.filter((r) => r.direction === 'out').map((r) => `${r.property.split(/[#/]/).pop()} ${local(r.node)}`);
      expect(out).toEqual(expect.arrayContaining(['cites eli/un/A/RES/64/293', 'mentions org/untoc-cop', 'clauseVerb clause/invites', 'is_part_of eli/un/E/RES/2017/18']));
      expect(rows.some((r) => r.direction === 'in' && r.property.endsWith('has_part'))).toBe(true);
    }],
    ['class-counts', {}, (rows) => {
      const count = (c: string) => rows.find((r) => r.class === `https://w3id.org/unkg/ontology#${c}`)?.instances;
      expect([count('PreambularParagraph'), count('OperativeParagraph'), count('SubParagraph'), count('Footnote')]).toEqual(['19', '13', '6', '5']);
    }],
    ['resolutions-citing-target', {}, (rows) => expect(rows.map((r) => `${local(r.paragraph)} ${r.how}`)).toEqual(['pp/16 cites', 'pp/18 echoes'])],
  ];

  it.each(cases)('%s %j answers as the text says', async (name, params, check) => {
    check(await run(name, params));
  });
});

describe('the named queries API', () => {
  it('lists the queries with their parameters and defaults', async () => {
    const res = await app.inject({ url: '/api/queries' });
    const list = res.json() as Array<{ name: string; parameters: Array<{ name: string; default?: string }> }>;
    expect(list.find((q) => q.name === 'paragraphs-citing')?.parameters).toEqual([expect.objectContaining({ name: 'symbol', default: 'A/RES/64/293', type: 'literal' })]);
  });

  it('documents each query as an OpenAPI operation', async () => {
    const spec = app.swagger() as { paths: Record<string, { get: { summary: string; parameters: Array<{ name: string }> } }> };
    for (const q of queries) {
      const op = spec.paths[`/api/queries/${q.name}`]?.get;
      expect(op?.summary).toBe(q.summary);
      for (const p of q.parameters) expect(op.parameters.map((x) => x.name)).toContain(p.name);
    }
  });

  it('answers in CSV when asked', async () => {
    const res = await app.inject({ url: '/api/queries/paragraphs-citing', headers: { accept: 'text/csv' } });
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.body.split('\r\n')[0]).toBe('paragraph,documentSymbol,kind,number,matchedText,viaFootnote,text');
  });

  it('refuses a malformed IRI parameter with 400 and says which', async () => {
    const res = await app.inject({ url: '/api/queries/paragraph-neighbourhood', query: { paragraph: 'not an iri> } DROP ALL {' } });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { message: string }).message).toMatch(/parameter "paragraph" must be an absolute IRI/);
  });

  it('escapes literal parameters so they cannot change the query', () => {
    const q = parseNamedQuery('#+ summary: t\nSELECT * WHERE { ?s ?p ?_name }', 't', 't.rq');
    expect(bindParameters(q, { name: 'a" } ; DROP ALL ; {"' })).toBe('SELECT * WHERE { ?s ?p "a\\" } ; DROP ALL ; {\\"". }\n');
  });

  it.each([["$&"], ["$'"], ['$`'], ['$1'], ['?_name']])('binds a value holding %s as that text and nothing else', (value) => {
    const q = parseNamedQuery('#+ summary: t\nSELECT ?s WHERE { ?s ?p ?_name . ?s ?q ?_name }', 't', 't.rq');
    expect(bindParameters(q, { name: `a${value}b` })).toBe(`SELECT ?s WHERE {\n  ?s ?p "a${value}b";\n    ?q "a${value}b".\n}\n`);
  });

  it('binds typed values as typed literals, IRIs as IRIs, and keeps a projected parameter in the results', () => {
    const q = parseNamedQuery('#+ summary: t\nSELECT ?_n_integer ?s WHERE { ?s ?p ?_n_integer ; ?q ?_x_number ; ?r ?_t_iri ; ?l ?_label_fr }', 't', 't.rq');
    expect(bindParameters(q, { n: '7', x: '1.5e3', t: 'http://example.org/a', label: 'Prie' })).toBe(
      'SELECT (7  AS ?_n_integer) ?s WHERE {\n  ?s ?p 7 ;\n    ?q "1.5e3"^^<http://www.w3.org/2001/XMLSchema#double>;\n    ?r <http://example.org/a>;\n    ?l "Prie"@fr.\n}\n',
    );
  });

  it('runs a named query with a value holding $& and $\' as that literal text', async () => {
    const res = await app.inject({ url: '/api/queries/paragraphs-citing', query: { symbol: "A/RES/64/293$&$'" } });
    expect(res.statusCode).toBe(200);
    expect(res.json().results.bindings).toEqual([]);
  });

  it('refuses an unknown parameter with 400, naming the ones the query takes', async () => {
    const res = await app.inject({ url: '/api/queries/paragraphs-citing', query: { simbol: 'A/RES/68/192' } });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { message: string }).message).toBe('paragraphs-citing: unknown parameter "simbol"; this query takes "symbol", "format"');
  });
});

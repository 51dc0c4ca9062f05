import { SEED_REFERENCE } from '../seedData';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { DataFactory, Parser, Writer } from 'n3';
import { buildApp } from '../../src/app';
import { resolutionToAkn } from '../../src/akn';
import { buildGraph, readReference } from '../../src/commands';
import { createStore, discoverSources, type OxigraphStore, type StoreSource } from '../../src/graph';
import { DEFAULT_BASE } from '../../src/vocab';
import { attr, elements, ownText, paragraphsOf, parseXml, xmllintErrors } from '../akn/aknXml';
import { testConfig } from '../helpers';
import { SEED as SEED_TEXT } from '../ingest/fixtures';
import { listen, SEED } from '../web/serviceUnderTest';

const AKN = 'application/akn+xml';
const RDF_AND_PAGE = 'text/turtle, text/html, application/ld+json, application/n-triples, application/rdf+xml';

/** The service over its own copy of the seed's graph, built from the seed's text into a temp
 *  folder, with the project's ontology and reference data; `extra` adds data to the store. */
async function serviceOnSeed(
  extra: (graphNq: string) => StoreSource[] = () => [],
): Promise<{ app: FastifyInstance; store: OxigraphStore; graphDir: string; close(): Promise<void> }> {
  const graphDir = mkdtempSync(join(tmpdir(), 'unkg-akn-graph-'));
  await buildGraph({ inputs: [SEED_TEXT], outDir: graphDir, referenceDir: SEED_REFERENCE, base: DEFAULT_BASE });
  const config = testConfig({ UNKG_GRAPH_DIR: graphDir });
  const { sources } = discoverSources({ ...config.data, base: config.base });
  const store = await createStore({ sources: [...sources, ...extra(readFileSync(join(graphDir, 'E-RES-2017-18.nq'), 'utf8'))], workers: 1 });
  const app = await buildApp(config, { store });
  await app.ready();
  return {
    app,
    store,
    graphDir,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

describe('Akoma Ntoso by content negotiation', () => {
  let service: Awaited<ReturnType<typeof serviceOnSeed>>;
  const get = (url: string, headers: Record<string, string> = {}) => service.app.inject({ url, headers });

  beforeAll(async () => {
    service = await serviceOnSeed();
  });
  afterAll(() => service.close());

  it('answers Accept: application/akn+xml on a resolution with its Akoma Ntoso document', async () => {
    const response = await get('/eli/un/E/RES/2017/18', { accept: AKN });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/akn+xml');
    expect(response.headers['content-language']).toBe('fr');
    expect(response.headers.vary).toBe('Accept, Accept-Language');
    const doc = parseXml(response.body);
    const { preambular, operative } = paragraphsOf(doc);
    expect([preambular.length, operative.length, elements(doc, 'authorialNote').length, elements(doc, 'ref').length]).toEqual([19, 13, 5, 20]);
    expect(xmllintErrors(response.body)).toBe('');
  });

  it('serves the document written from all the graph files: the store is read in full', async () => {
    const quads = [
      ...new Parser({ format: 'N-Quads' }).parse(readFileSync(join(service.graphDir, 'E-RES-2017-18.nq'), 'utf8')),
      ...readReference(SEED_REFERENCE),
    ];
    expect((await get('/eli/un/E/RES/2017/18', { accept: AKN })).body).toBe(resolutionToAkn(quads, SEED).xml);
  });

  it.each([
    ['?format=akn', '/eli/un/E/RES/2017/18?format=akn', {}],
    ['?format=akn over a browser Accept', '/eli/un/E/RES/2017/18?format=akn', { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' }],
    ['Akoma Ntoso preferred to Turtle', '/eli/un/E/RES/2017/18', { accept: 'text/turtle;q=0.5, application/akn+xml' }],
  ])('answers %s with the same document', async (_what, url, headers) => {
    const [one, reference] = await Promise.all([get(url, headers), get('/eli/un/E/RES/2017/18', { accept: AKN })]);
    expect(one.statusCode).toBe(200);
    expect(String(one.headers['content-type']).split(';')[0]).toBe(AKN);
    expect(one.body).toBe(reference.body);
  });

  it('keeps every other representation of the resolution as it was', async () => {
    for (const [accept, type] of [
      ['text/turtle', 'text/turtle'],
      ['*/*', 'text/turtle'],
      ['application/rdf+xml', 'application/rdf+xml'],
      ['application/xml', 'application/rdf+xml'],
      ['text/html', 'text/html'],
    ]) {
      const response = await get('/eli/un/E/RES/2017/18', { accept });
      expect([accept, response.statusCode, String(response.headers['content-type']).split(';')[0]]).toEqual([accept, 200, type]);
    }
  });

  it('names the Akoma Ntoso document among the alternates of a resolution, in Link and on its page', async () => {
    const turtle = await get('/eli/un/E/RES/2017/18', { accept: 'text/turtle' });
    expect(turtle.headers.link).toContain('</eli/un/E/RES/2017/18?format=akn>; rel="alternate"; type="application/akn+xml"');
    const akn = await get('/eli/un/E/RES/2017/18', { accept: AKN });
    expect(akn.headers.link).toBe(
      [
        '</eli/un/E/RES/2017/18?format=ttl>; rel="alternate"; type="text/turtle"',
        '</eli/un/E/RES/2017/18?format=html>; rel="alternate"; type="text/html"',
        '</eli/un/E/RES/2017/18?format=jsonld>; rel="alternate"; type="application/ld+json"',
        '</eli/un/E/RES/2017/18?format=nt>; rel="alternate"; type="application/n-triples"',
        '</eli/un/E/RES/2017/18?format=rdf>; rel="alternate"; type="application/rdf+xml"',
      ].join(', '),
    );
    const page = await get('/eli/un/E/RES/2017/18', { accept: 'text/html' });
    expect(page.body).toContain('<a href="/eli/un/E/RES/2017/18?format=akn" type="application/akn+xml">Akoma Ntoso</a>');
    const paragraphPage = await get('/eli/un/E/RES/2017/18/op/2', { accept: 'text/html' });
    expect(paragraphPage.body).not.toContain('format=akn');
  });

  it.each([
    ['a paragraph', '/eli/un/E/RES/2017/18/op/2'],
    ['an organisation', '/org/unodc'],
    ['a cited resolution whose text the service does not hold', '/eli/un/A/RES/64/293'],
    ['the ontology', '/ontology'],
  ])('refuses Akoma Ntoso for %s with 406 listing what it offers', async (_what, url) => {
    const response = await get(url, { accept: AKN });
    expect(response.statusCode).toBe(406);
    expect(response.json().message).toBe(`None of the media types in Accept: "${AKN}" can be served here; available: ${RDF_AND_PAGE}`);
    const byFormat = await get(`${url}?format=akn`);
    expect(byFormat.statusCode).toBe(406);
    expect(byFormat.json().message).toBe('format "akn" (application/akn+xml) is not available for this resource; available: ttl, html, jsonld, nt, rdf');
  });

  it('falls back to another acceptable representation for a resource that is not a document', async () => {
    const response = await get('/org/unodc', { accept: 'application/akn+xml, text/turtle;q=0.5' });
    expect([response.statusCode, String(response.headers['content-type']).split(';')[0]]).toEqual([200, 'text/turtle']);
  });

  it('answers 404 for Akoma Ntoso of a resource that does not exist', async () => {
    const response = await get('/eli/un/E/RES/2099/1', { accept: AKN });
    expect(response.statusCode).toBe(404);
    expect(response.json().message).toBe('No resource at /eli/un/E/RES/2099/1');
  });

  it('names akn among the formats of an unknown ?format', async () => {
    const response = await get('/eli/un/E/RES/2017/18?format=pdf');
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toBe('format must be one of html, ttl, jsonld, nt, rdf, akn: "pdf"');
  });

  it('answers curl on a listening server, as a user would', async () => {
    const root = await listen(service.app);
    const { stdout } = await promisify(execFile)('curl', ['-s', '-f', '-H', `Accept: ${AKN}`, `${root}eli/un/E/RES/2017/18`]);
    const doc = parseXml(stdout);
    expect(attr(elements(doc, 'statement')[0], 'name')).toBe('resolution');
    expect(paragraphsOf(doc).operative.map((p) => p.number)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.', '10.', '11.', '12.', '13.']);
    expect(elements(doc, 'ref').map((r) => attr(r, 'href'))).toContain(`${DEFAULT_BASE}eli/un/A/RES/64/293`);
  });
});

describe('Akoma Ntoso in the language asked for', () => {
  let service: Awaited<ReturnType<typeof serviceOnSeed>>;
  const get = (url: string, headers: Record<string, string> = {}) => service.app.inject({ url, headers });

  beforeAll(async () => {
    // An English text beside the French one on every paragraph and footnote, as a bilingual build gives.
    service = await serviceOnSeed((nq) => {
      const english = new Parser({ format: 'N-Quads' })
        .parse(nq)
        .filter((q) => q.object.termType === 'Literal' && q.object.language === 'fr')
        .map((q) => DataFactory.quad(q.subject, q.predicate, DataFactory.literal(`[en] ${q.object.value}`, 'en'), q.graph));
      return [{ data: new Writer({ format: 'N-Quads' }).quadsToString(english), format: 'application/n-quads' }];
    });
  });
  afterAll(() => service.close());

  const firstOperative = (body: string) => paragraphsOf(parseXml(body)).operative[0].text;

  it.each([
    ['no language named: the original', {}, '', 'fr'],
    ['?lang=en', {}, '&lang=en', 'en'],
    ['?lang=es,en: the first it holds', {}, '&lang=es,en', 'en'],
    ['Accept-Language: en-GB', { 'accept-language': 'en-GB, fr;q=0.5' }, '', 'en'],
    ['Accept-Language: de: the original', { 'accept-language': 'de' }, '', 'fr'],
  ])('serves %s', async (_what, headers: Record<string, string>, query, language) => {
    const response = await get(`/eli/un/E/RES/2017/18?format=akn${query}`, headers);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-language']).toBe(language);
    expect(attr(elements(parseXml(response.body), 'FRBRlanguage')[0], 'language')).toBe(language === 'en' ? 'eng' : 'fra');
    expect(firstOperative(response.body).startsWith(language === 'en' ? '[en] Exhorte' : 'Exhorte')).toBe(true);
  });

  it('links each expression to the other language', async () => {
    const response = await get('/eli/un/E/RES/2017/18?format=akn');
    expect(response.headers.link).toContain('</eli/un/E/RES/2017/18?format=akn&lang=en>; rel="alternate"; type="application/akn+xml"; hreflang="en"');
  });

  it('answers 404 for a ?lang it holds no text in', async () => {
    const response = await get('/eli/un/E/RES/2017/18?format=akn&lang=es');
    expect(response.statusCode).toBe(404);
    expect(response.json().message).toBe(`<${SEED}> has no text in es; it has fr, en`);
  });

  it('answers 400 for a malformed ?lang', async () => {
    const response = await get('/eli/un/E/RES/2017/18?format=akn&lang=f%20r');
    expect(response.statusCode).toBe(400);
  });

  it('keeps both texts on the same paragraphs', async () => {
    const [fr, en] = await Promise.all([get('/eli/un/E/RES/2017/18?format=akn&lang=fr'), get('/eli/un/E/RES/2017/18?format=akn&lang=en')]);
    const eIds = (body: string) =>
      Array.from(parseXml(body).getElementsByTagName('*'))
        .map((e) => attr(e, 'eId'))
        .filter(Boolean);
    expect(eIds(en.body)).toEqual(eIds(fr.body));
    expect(ownText(elements(parseXml(en.body), 'authorialNote')[0])).toBe('[en] Nations Unies, Recueil des Traités, vol. 2225, n° 39574.');
  });
});

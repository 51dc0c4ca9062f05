import { SEED_REFERENCE } from '../seedData';
/** HTTP caching, seen by real clients (node's fetch and curl) against a listening server: every
 *  answer that depends only on the data carries an ETag made from the store's revision and a
 *  Cache-Control with the configured max-age, and a conditional request for what the client
 *  already holds is answered 304 without a body. */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app';
import { buildGraph } from '../../src/commands';
import { ConfigError, loadConfig } from '../../src/config';
import { createStore, discoverSources, type OxigraphStore } from '../../src/graph';
import { entityTag, HttpCache } from '../../src/http';
import { DEFAULT_BASE } from '../../src/vocab';
import { EN_FIXTURE } from '../ingest/fixtures';
import { testConfig, WRITE_TOKEN } from '../helpers';
import { listen } from '../web/serviceUnderTest';

const DOCUMENT = 'A/RES/72/195';
const ASK_QUERY = `ASK { <${DEFAULT_BASE}eli/un/${DOCUMENT}> ?p ?o }`;

/** One GET URL per kind of cacheable answer, relative to the service root. */
const CACHEABLE: ReadonlyArray<[string, string]> = [
  ['a SPARQL query by GET', `sparql?query=${encodeURIComponent(ASK_QUERY)}`],
  ['a resource page', `eli/un/${DOCUMENT}`],
  ['a graph export', `api/graph?document=${encodeURIComponent(DOCUMENT)}&format=cytoscape`],
  ['a named query', 'api/queries/class-counts'],
  ['the VoID description', '.well-known/void'],
];

describe('HTTP caching', () => {
  let store: OxigraphStore;
  let app: FastifyInstance;
  let root: string;

  beforeAll(async () => {
    const graphDir = mkdtempSync(join(tmpdir(), 'unkg-http-cache-'));
    await buildGraph({ inputs: [EN_FIXTURE], outDir: graphDir, referenceDir: SEED_REFERENCE, base: DEFAULT_BASE });
    const config = testConfig({ UNKG_WRITE_TOKEN: WRITE_TOKEN, UNKG_HTTP_MAX_AGE: '120' });
    const { sources } = discoverSources({ ...config.data, graphDir, base: config.base });
    store = await createStore({ sources, workers: 1 });
    app = await buildApp(config, { store });
    root = await listen(app);
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  describe.each(CACHEABLE)('%s', (_, path) => {
    it('carries a weak ETag and Cache-Control with the configured max-age', async () => {
      const response = await fetch(`${root}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toMatch(/^W\/"[0-9a-z]+-[\w-]{22}"$/);
      expect(response.headers.get('cache-control')).toBe('public, max-age=120');
      expect((await response.text()).length).toBeGreaterThan(0);
    });

    it('is answered 304 without a body when the client holds the current version', async () => {
      const first = await fetch(`${root}${path}`);
      await first.arrayBuffer();
      const tag = first.headers.get('etag')!;
      const again = await fetch(`${root}${path}`, { headers: { 'if-none-match': tag } });
      expect(again.status).toBe(304);
      expect(again.headers.get('etag')).toBe(tag);
      expect(again.headers.get('cache-control')).toBe('public, max-age=120');
      expect(await again.text()).toBe('');
    });

    it('is answered in full when the client holds another version', async () => {
      const response = await fetch(`${root}${path}`, { headers: { 'if-none-match': 'W/"0-stale", "other"' } });
      expect(response.status).toBe(200);
      expect((await response.text()).length).toBeGreaterThan(0);
    });
  });

  it('gives each representation of one URL its own tag', async () => {
    const url = `${root}sparql?query=${encodeURIComponent(ASK_QUERY)}`;
    const json = await fetch(url, { headers: { accept: 'application/sparql-results+json' } });
    const xml = await fetch(url, { headers: { accept: 'application/sparql-results+xml' } });
    expect(json.headers.get('etag')).not.toBe(xml.headers.get('etag'));
    const crossed = await fetch(url, { headers: { accept: 'application/sparql-results+xml', 'if-none-match': json.headers.get('etag')! } });
    expect(crossed.status).toBe(200);
    expect(await crossed.text()).toContain('<boolean>true</boolean>');
  });

  it('changes every tag when a write is accepted, so the old copy is sent again in full', async () => {
    const url = `${root}sparql?query=${encodeURIComponent('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }')}`;
    const before = await fetch(url);
    const tag = before.headers.get('etag')!;
    const countBefore = Number(JSON.parse(await before.text()).results.bindings[0].n.value);
    const update = await fetch(`${root}sparql`, {
      method: 'POST',
      headers: { 'content-type': 'application/sparql-update', authorization: `Bearer ${WRITE_TOKEN}` },
      body: 'INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/s> <http://example.org/p> "new" } }',
    });
    expect(update.status).toBe(204);
    expect(update.headers.get('etag')).toBeNull();
    const after = await fetch(url, { headers: { 'if-none-match': tag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(tag);
    expect(Number(JSON.parse(await after.text()).results.bindings[0].n.value)).toBe(countBefore + 1);
  });

  it('puts no validator on an error, nor on a query sent by POST', async () => {
    const bad = await fetch(`${root}sparql?query=${encodeURIComponent('SELECT WHERE {')}`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('etag')).toBeNull();
    expect(bad.headers.get('cache-control')).toBe('no-store');
    const missing = await fetch(`${root}eli/un/A/RES/1/1`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('etag')).toBeNull();
    const posted = await fetch(`${root}sparql`, { method: 'POST', headers: { 'content-type': 'application/sparql-query' }, body: ASK_QUERY });
    expect(posted.status).toBe(200);
    expect(posted.headers.get('etag')).toBeNull();
  });

  it("answers curl -H 'If-None-Match: ...' with 304 Not Modified", async () => {
    const url = `${root}eli/un/${DOCUMENT}`;
    const curl = (...args: string[]) =>
      promisify(execFile)('curl', ['--silent', '--show-error', '--max-time', '20', '--include', ...args, url], { encoding: 'utf8' });
    const { stdout: first } = await curl('-H', 'Accept: text/turtle');
    const tag = /^etag: (.+)\r$/im.exec(first)![1];
    const { stdout: second } = await curl('-H', 'Accept: text/turtle', '-H', `If-None-Match: ${tag}`);
    expect(second).toMatch(/^HTTP\/1\.1 304 Not Modified\r$/m);
    expect(second).toContain(`etag: ${tag}`);
    expect(second.split('\r\n\r\n')[1]).toBe('');
  });
});

describe('UNKG_HTTP_MAX_AGE', () => {
  it('defaults to a minute, and 0 asks caches to revalidate every time', async () => {
    expect(loadConfig({}).httpMaxAgeSeconds).toBe(60);
    const config = loadConfig({ UNKG_HTTP_MAX_AGE: '0' });
    expect(config.httpMaxAgeSeconds).toBe(0);
    const cache = new HttpCache(() => 7, config.httpMaxAgeSeconds);
    const app = Fastify();
    app.addHook('onSend', cache.onSend);
    app.get('/thing', (request, reply) => (cache.notModified(request, reply) ? reply.send() : reply.send('thing')));
    const response = await app.inject({ url: '/thing' });
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers.etag).toBe(entityTag(7, '/thing\n'));
    expect((await app.inject({ url: '/thing', headers: { 'if-none-match': `"other", ${response.headers.etag}` } })).statusCode).toBe(304);
    expect((await app.inject({ url: '/thing', headers: { 'if-none-match': '*' } })).statusCode).toBe(304);
    await app.close();
  });

  it('is refused when it is not a number of seconds up to a day', () => {
    expect(() => loadConfig({ UNKG_HTTP_MAX_AGE: '-1' })).toThrow(ConfigError);
    expect(() => loadConfig({ UNKG_HTTP_MAX_AGE: 'soon' })).toThrow(/UNKG_HTTP_MAX_AGE must be an integer from 0 to 86400/);
  });
});

/** The workbench's pages and JSON over fixture data, through the app as buildApp assembles it. */
import { join } from 'node:path';
import { NS } from '../../src/vocab';
import { startWorkbenchService, type WorkbenchService } from './workbenchService';

const SEED = 'https://w3id.org/unkg/eli/un/E/RES/2017/18';
const RES_64_293 = 'https://w3id.org/unkg/eli/un/A/RES/64/293';
const ENGLISH_TEXTS = join(__dirname, '..', 'fixtures', 'workbench', 'E-RES-2017-18.en-texts.nq');

jest.setTimeout(60_000);

describe('the workbench', () => {
  let service: WorkbenchService;
  beforeAll(async () => (service = await startWorkbenchService({ extraSources: [ENGLISH_TEXTS] })));
  afterAll(() => service.close());
  const get = (url: string, headers: Record<string, string> = {}) => service.app.inject({ url, headers });
  const select = async (sparql: string) => (await service.store.select(sparql)).results.bindings;

  const PAGES = ['/', '/search?q=64%2F293', '/read/E/RES/2017/18', '/network', `/timeline?iri=${encodeURIComponent(SEED)}`, '/eli/un/E/RES/2017/18/op/2'];

  it.each(PAGES)('serves %s with no inline script, style or event handler (a strict Content-Security-Policy holds)', async (url) => {
    const response = await get(url, { accept: 'text/html' });
    expect(response.statusCode).toBe(200);
    const html = response.body;
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    for (const [, attributes, content] of scripts) {
      if (/src="\/assets\//.test(attributes)) expect(content).toBe('');
      else expect(attributes).toContain('type="application/json"');
    }
    expect(html).not.toMatch(/<style|\sstyle="|\son[a-z]+="/);
  });

  it.each(PAGES)('keeps the chosen language in every link of %s to another page', async (url) => {
    const html = (await get(`${url}${url.includes('?') ? '&' : '?'}lang=fr`, { accept: 'text/html' })).body;
    expect(html).toContain('<nav class="lang-switch"');
    // Every link but the EN/FR switch itself (which names its own language).
    const links = [...html.matchAll(/<a ([^>]*)>/g)]
      .filter((m) => !m[1].includes('hreflang='))
      .map((m) => /href="(\/[^"]*)"/.exec(m[1])?.[1]?.replace(/&amp;/g, '&'))
      .filter((href): href is string => href !== undefined && !href.startsWith('/#'));
    const pages = links.filter((href) => !/^\/(assets|sparql|api|graphql|yasgui)\b/.test(href) && !href.includes('format='));
    expect(pages.length).toBeGreaterThan(3);
    for (const href of pages) expect([href, new URL(href, 'http://x').searchParams.get('lang')]).toEqual([href, 'fr']);
  });

  it('answers in the language of Accept-Language by default, and in the one chosen with ?lang=', async () => {
    expect((await get('/', { 'accept-language': 'fr-FR,fr;q=0.9' })).body).toContain('<h1>Les résolutions de l’ONU en graphe de connaissances</h1>');
    expect((await get('/?lang=en', { 'accept-language': 'fr' })).body).toContain('<h1>UN resolutions as a knowledge graph</h1>');
  });

  describe('the reading view', () => {
    it('lists the operative paragraphs by number (op/2 before op/10), not as strings', async () => {
      const html = (await get('/read/E/RES/2017/18')).body;
      const operative = html.slice(html.indexOf('<section class="operative"'));
      const order = [...operative.matchAll(/<div class="part part-operative" id="(op-\d+)"/g)].map((m) => m[1]);
      expect(order).toEqual(Array.from({ length: order.length }, (_, i) => `op-${i + 1}`));
      expect(order.length).toBe(
        Number((await select(`SELECT (COUNT(?p) AS ?n) WHERE { ?p a <${NS.unkg}OperativeParagraph> ; <${NS.eli}is_part_of> <${SEED}> }`))[0].n.value),
      );
    });

    it('answers 404 for a symbol the store holds no text of', async () => {
      const response = await get('/read/E/RES/1999/99?lang=fr');
      expect(response.statusCode).toBe(404);
      expect(response.body).toContain('Aucune résolution de cote E/RES/1999/99');
    });
  });

  describe('paragraph pages', () => {
    it.each([
      ['op/9', 'op/8', 'op/10'],
      ['pp/19', 'pp/18', 'op/1'],
      ['pp/6', 'pp/5', 'pp/6/a'],
      ['fn/1', undefined, 'fn/2'],
    ])('link %s to the paragraph before (%s) and after (%s), and to its place in the reading view', async (part, previous, next) => {
      const html = (await get(`/eli/un/E/RES/2017/18/${part}?lang=en`, { accept: 'text/html' })).body;
      const rel = (name: string) => /<a rel="(prev|next)" href="([^"?]+)/g.exec(html.slice(html.indexOf(`rel="${name}"`) - 3))?.[2];
      expect(previous ? rel('prev') : html.includes('rel="prev"') ? 'a previous link' : undefined).toBe(
        previous ? `/eli/un/E/RES/2017/18/${previous}` : undefined,
      );
      expect(rel('next')).toBe(`/eli/un/E/RES/2017/18/${next}`);
      expect(html).toContain(`href="/read/E/RES/2017/18?lang=en#${part.replace(/\//g, '-')}"`);
    });

    it('lead from a resolution’s page to its reading view, and from an instrument’s to its timeline', async () => {
      expect((await get('/eli/un/E/RES/2017/18?lang=fr', { accept: 'text/html' })).body).toContain(
        '<a class="read" href="/read/E/RES/2017/18?lang=fr">Lire la résolution</a>',
      );
      const cited = (await get('/eli/un/A/RES/64/293', { accept: 'text/html' })).body;
      expect(cited).not.toContain('class="read"');
      expect(cited).toContain(`href="/timeline?iri=${encodeURIComponent(RES_64_293)}"`);
    });

    it('names types by label or prefixed name, never by a raw IRI', async () => {
      const html = (await get('/eli/un/E/RES/2017/18/op/2?lang=fr', { accept: 'text/html' })).body;
      const badges = /<ul class="badges">([\s\S]*?)<\/ul>/.exec(html)![1];
      const names = [...badges.matchAll(/>([^<>]+)<\/(?:a|span)>/g)].map((m) => m[1]);
      expect(names).toEqual(['Paragraphe du dispositif', 'eli:LegalResourceSubdivision', expect.any(String)]);
      for (const name of names) expect(name).not.toMatch(/^https?:/);
    });
  });

  describe('search', () => {
    it('is the same index behind the explorer, the search page and GraphQL', async () => {
      const api = (await get('/api/search?q=etats%20membres&limit=5')).json() as { hits: Array<{ iri: string; match: string }> };
      expect(api.hits.length).toBe(5);
      const graphql = await service.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', 'accept-language': 'fr' },
        payload: { query: '{ search(text: "etats membres", first: 5) { totalCount edges { node { id } matched { value language } offset } } }' },
      });
      const { edges, totalCount } = graphql.json().data.search;
      expect(edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(api.hits.map((h) => h.iri));
      expect(totalCount).toBeGreaterThan(10);
      for (const e of edges)
        expect(
          e.matched.value
            .slice(e.offset, e.offset + 5)
            .normalize('NFD')
            .replace(/\p{M}/gu, '')
            .toLowerCase(),
        ).toBe('etats');
    });

    it('marks the query’s words in each hit, whatever their accents, and says what a paragraph cites or names when that matched', async () => {
      const html = (await get('/search?q=etats%20membres&lang=fr')).body;
      expect(html).toContain('<mark>États</mark> <mark>Membres</mark>');
      const cites = (await get('/search?q=64%2F293&lang=en')).body;
      expect(cites).toMatch(/matched in what it cites or names \(A\/RES\/<mark>64\/293<\/mark>\)/);
    });

    it('refuses a search text past the limit, saying so', async () => {
      const response = await get(`/search?q=${'x'.repeat(201)}&lang=en`);
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('limited to 200 characters');
    });

    it('finds what is written to the store within seconds, without a restart', async () => {
      const paragraph = `${SEED}/op/99`;
      await service.store.load(
        `<${paragraph}> a <${NS.unkg}OperativeParagraph> ; <${NS.eli}is_part_of> <${SEED}> ; <${NS.schema}text> "Décide de rester saisi de la question quetzalcoatl."@fr .`,
        'text/turtle',
        `${SEED}/later`,
      );
      const started = Date.now();
      let hits: Array<{ iri: string }> = [];
      while (Date.now() - started < 5000) {
        hits = ((await get('/api/search?q=quetzalcoatl')).json() as { hits: Array<{ iri: string }> }).hits;
        if (hits.length) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(hits.map((h) => h.iri)).toEqual([paragraph]);
      await service.store.drop(`${SEED}/later`);
    });
  });

  describe('the citation network', () => {
    it('weighs each edge by its citing paragraphs, and is the same on every request', async () => {
      const first = (await get('/api/network')).json() as {
        nodes: Array<{ id: string; x: number; y: number; full: boolean }>;
        edges: Array<{ source: string; target: string; weight: number; paragraphs: Array<{ iri: string }> }>;
      };
      const expected = await select(`SELECT ?doc ?target (COUNT(DISTINCT ?part) AS ?n) WHERE {
        ?doc a <${NS.unkg}Resolution> ; <${NS.eli}has_part> ?any . ?part <${NS.eli}is_part_of>+ ?doc ; <${NS.eli}cites> ?target .
        FILTER NOT EXISTS { ?part a <${NS.unkg}Footnote> } FILTER(?target != ?doc) } GROUP BY ?doc ?target`);
      expect(first.edges.map((e) => `${e.source} ${e.target} ${e.weight}`).sort()).toEqual(
        expected.map((r) => `${r.doc.value} ${r.target.value} ${r.n.value}`).sort(),
      );
      for (const e of first.edges) expect(e.paragraphs.length).toBe(e.weight);
      expect(first.nodes.filter((n) => n.full).map((n) => n.id)).toContain(SEED);
      expect(first.edges.find((e) => e.source === SEED && e.target === RES_64_293)?.weight).toBe(3);
      await service.store.update('INSERT DATA { GRAPH <urn:x-test:touch> { <urn:x-test:a> <urn:x-test:b> "c" } }');
      expect((await get('/api/network')).json()).toEqual(first);
    });
  });

  describe('the timeline', () => {
    it('refuses an IRI that is not one, and answers 404 for one nothing cites', async () => {
      expect((await get('/timeline?iri=not%20an%20iri')).statusCode).toBe(400);
      expect((await get(`/timeline?iri=${encodeURIComponent('https://w3id.org/unkg/eli/un/X/1')}`)).statusCode).toBe(404);
    });
  });
});

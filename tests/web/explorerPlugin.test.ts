import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ASSETS, BUILT_IN_EXAMPLE, editorExamples, renderSparqlEditorPage, type ExplorerConfig, type SearchHit } from '../../src/web';
import { NS } from '../../src/vocab';
import { SEED, SEED_OP2, startService, type ServiceUnderTest } from './serviceUnderTest';

const QUERIES_DIR = join(__dirname, '..', '..', 'queries');

/** The JSON a page embeds in <script type="application/json" id="…">. */
function embedded<T>(html: string, id: string): T {
  const match = new RegExp(`<script type="application/json" id="${id}">(.*?)</script>`, 's').exec(html);
  if (!match) throw new Error(`no #${id} in the page`);
  return JSON.parse(match[1]) as T;
}

describe('the web pages', () => {
  let service: ServiceUnderTest;
  const get = (url: string, headers: Record<string, string> = {}) => service.app.inject({ url, headers });
  beforeAll(async () => (service = await startService()));
  afterAll(() => service.close());

  describe('the explorer', () => {
    it('opens on the newest resolution, with the resolutions of the store to choose from', async () => {
      const response = await get('/explore');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      const config = embedded<ExplorerConfig>(response.body, 'explorer-config');
      const stored = await service.store.select(`SELECT DISTINCT ?doc WHERE { ?doc a <${NS.unkg}Resolution> ; <${NS.eli}has_part> ?part }`);
      expect(config.resolutions.map((r) => r.iri).sort()).toEqual(stored.results.bindings.map((b) => b.doc.value).sort());
      expect(config.initial).toEqual({ document: SEED });
      expect(config.resolutions.find((r) => r.iri === SEED)).toMatchObject({ symbol: 'E/RES/2017/18', date: '2017-07-06' });
    });

    it('opens on the document or the resource named in its URL', async () => {
      const byDocument = embedded<ExplorerConfig>((await get('/explore?document=E/RES/2017/18')).body, 'explorer-config');
      const byIri = embedded<ExplorerConfig>((await get(`/explore?iri=${encodeURIComponent(SEED_OP2)}`)).body, 'explorer-config');
      expect(byDocument.initial).toEqual({ document: SEED });
      expect(byIri.initial).toEqual({ iri: SEED_OP2 });
    });

    it('carries a legend entry for every node kind, in the colours of the exports', async () => {
      const config = embedded<ExplorerConfig>((await get('/explore')).body, 'explorer-config');
      const paragraph = config.kinds.find((k) => k.kind === 'paragraph')!;
      expect(paragraph).toEqual({ kind: 'paragraph', legend: 'Paragraph', color: '#7fb3e0', shape: 'round-rectangle' });
      expect(config.stylesheet).toContainEqual({ selector: 'node.paragraph', style: { 'background-color': '#7fb3e0', shape: 'round-rectangle' } });
    });

    it('loads its scripts from this service only', async () => {
      const html = (await get('/explore')).body;
      const sources = [...html.matchAll(/<(?:script|link)[^>]*(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
      expect(sources).toEqual(['data:,', '/assets/site.css', '/assets/explorer.css', '/assets/cytoscape.min.js', '/assets/explorer.js']);
    });
  });

  describe('assets', () => {
    it.each(Object.entries(ASSETS))('serves %s from its file', async (name, asset) => {
      const response = await get(`/assets/${name}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(asset.type);
      expect(response.rawPayload.equals(readFileSync(asset.file))).toBe(true);
    });

    it('serves Cytoscape.js and YASGUI from their npm packages', () => {
      expect(ASSETS['cytoscape.min.js'].file).toMatch(/node_modules\/cytoscape\/dist\/cytoscape\.min\.js$/);
      expect(ASSETS['yasgui/yasgui.min.js'].file).toMatch(/node_modules\/@zazuko\/yasgui\/build\/yasgui\.min\.js$/);
    });
  });

  describe('the SPARQL query editor', () => {
    it('answers at /yasgui with an example for every named query, pointed at /sparql', async () => {
      const response = await get('/yasgui');
      expect(response.statusCode).toBe(200);
      const config = embedded<{ endpoint: string; examples: Array<{ name: string; query: string }> }>(response.body, 'sparql-editor-config');
      expect(config.endpoint).toBe('/sparql');
      const files = readdirSync(QUERIES_DIR)
        .filter((f) => f.endsWith('.rq'))
        .map((f) => f.replace(/\.rq$/, ''))
        .sort();
      expect(config.examples.map((e) => e.name)).toEqual(files);
    });

    it('is what a browser gets at /sparql', async () => {
      const response = await get('/sparql', { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe((await get('/yasgui')).body);
    });

    it('binds each example’s parameters to their defaults, so it runs as it is', () => {
      const example = editorExamples(QUERIES_DIR).find((e) => e.name === 'citations-of-resolution')!;
      expect(example.query).toContain('"E/RES/2017/18"');
      expect(example.query).not.toContain('?_symbol');
    });

    it('falls back to a built-in example when queries/ is empty', () => {
      const empty = mkdtempSync(join(tmpdir(), 'unkg-queries-'));
      try {
        expect(editorExamples(empty)).toEqual([BUILT_IN_EXAMPLE]);
        writeFileSync(join(empty, 'count.rq'), '#+ summary: Count the triples\nSELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }\n');
        expect(editorExamples(empty)).toEqual([
          { name: 'count', summary: 'Count the triples', query: '# Count the triples\nSELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }\n' },
        ]);
      } finally {
        rmSync(empty, { recursive: true, force: true });
      }
    });

    it('keeps query text inert inside the page', () => {
      const html = renderSparqlEditorPage([{ name: 'x', summary: '</script><b>', query: 'SELECT * { ?s ?p "</script>" }' }], '/sparql');
      expect(html).not.toContain('</script><b>');
      expect(html).toContain('<option value="0">&lt;/script&gt;&lt;b&gt;</option>');
      expect(embedded<{ examples: Array<{ query: string }> }>(html, 'sparql-editor-config').examples[0].query).toBe('SELECT * { ?s ?p "</script>" }');
    });
  });

  describe('search', () => {
    const search = async (q: string) => (await get(`/api/search?q=${encodeURIComponent(q)}`)).json() as { hits: SearchHit[] };

    it('finds a document by its symbol first, then what mentions it', async () => {
      const { hits } = await search('64/293');
      expect(hits[0]).toEqual({
        iri: 'https://w3id.org/unkg/eli/un/A/RES/64/293',
        label: 'A/RES/64/293',
        kind: 'resolution',
        types: [`${NS.eli}LegalResource`, `${NS.unkg}Resolution`],
        field: 'symbol',
        match: 'A/RES/64/293',
        href: '/eli/un/A/RES/64/293',
      });
      const texts = await service.store.select(`SELECT DISTINCT ?s WHERE { ?s <${NS.schema}text> ?t FILTER(CONTAINS(STR(?t), "64/293")) }`);
      const byText = hits
        .filter((h) => h.field === 'text')
        .map((h) => h.iri)
        .sort();
      expect(byText).toEqual(texts.results.bindings.map((b) => b.s.value).sort());
    });

    it('finds an organisation by its name, whatever the case', async () => {
      const { hits } = await search('office on drugs');
      expect(hits[0]).toMatchObject({ iri: 'https://w3id.org/unkg/org/unodc', field: 'label', match: 'United Nations Office on Drugs and Crime' });
    });

    it('finds nothing for empty text, and refuses text that is too long', async () => {
      expect((await search('  ')).hits).toEqual([]);
      const response = await get(`/api/search?q=${'x'.repeat(201)}`);
      expect(response.statusCode).toBe(400);
    });
  });

  describe('resource details', () => {
    it("give a paragraph's text, clause verbs and the evidence of each link", async () => {
      const response = await get(`/api/resource?iri=${encodeURIComponent(SEED_OP2)}&lang=en`);
      expect(response.statusCode).toBe(200);
      const view = response.json();
      const text = await service.store.select(`SELECT ?t WHERE { <${SEED_OP2}> <${NS.schema}text> ?t }`);
      expect(view.texts[0]).toEqual({ value: text.results.bindings[0].t.value, language: 'fr' });
      expect(view.clauseActs.map((a: { verb: { label: string }; verbText: string }) => [a.verb.label, a.verbText])).toEqual([
        ['Urges', 'Prie instamment'],
        ['Invites', 'et invite'],
      ]);
      const citation = view.evidence.find((e: { kind: string }) => e.kind === 'citation');
      expect(citation).toMatchObject({
        target: { iri: 'https://w3id.org/unkg/eli/un/A/RES/64/293', label: 'A/RES/64/293', href: '/eli/un/A/RES/64/293' },
        matchedText: 'Résolution 64/293',
        footnote: { iri: `${SEED}/fn/5`, href: '/eli/un/E/RES/2017/18/fn/5' },
      });
      expect(view.href).toBe('/eli/un/E/RES/2017/18/op/2');
    });

    it('answer 404 for an IRI the store knows nothing about, and 400 without one', async () => {
      expect((await get('/api/resource?iri=https://w3id.org/unkg/org/nobody')).statusCode).toBe(404);
      expect((await get('/api/resource')).statusCode).toBe(400);
    });
  });
});

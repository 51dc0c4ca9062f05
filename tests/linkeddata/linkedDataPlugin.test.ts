import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser, type Quad } from 'n3';
import * as oxigraph from 'oxigraph';
import { BACKLINK_PAGE_SIZE, loadJsonLdContext } from '../../src/linkeddata';
import { CLAUSE_SCHEME_IRI, NS } from '../../src/vocab';
import { SEED, SEED_OP2, startService, type ServiceUnderTest } from '../web/serviceUnderTest';

/** What Chromium sends when it navigates to a page. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
const HOSTILE = 'https://w3id.org/unkg/org/hostile-name';
const HOSTILE_LABEL = '<script>alert("x")</script> & "Partners"';

/** Every triple of a document in one RDF format, as sorted N-Triples lines. */
function triplesOf(body: string, mediaType: string): string[] {
  return [
    ...new Set(oxigraph.parse(body, { format: mediaType, base_iri: 'https://w3id.org/unkg/' }).map((q) => `${q.subject} ${q.predicate} ${q.object}`)),
  ].sort();
}

describe('dereferenceable IRIs', () => {
  let service: ServiceUnderTest;
  const get = (url: string, headers: Record<string, string> = {}) => service.app.inject({ url, headers });
  /** The triples the store holds about `iri` as subject, as sorted N-Triples lines. */
  const storedTriples = async (iri: string) => {
    const { body } = await service.store.query(`CONSTRUCT { <${iri}> ?p ?o } WHERE { <${iri}> ?p ?o }`, { graphFormat: 'application/n-triples' });
    return triplesOf(body, 'application/n-triples');
  };
  const subjectTriples = (lines: string[], iri: string) => lines.filter((line) => line.startsWith(`<${iri}> `));

  beforeAll(async () => {
    service = await startService({
      extraSources: [
        {
          data: `<${HOSTILE}> a <${NS.org}FormalOrganization> ; <${NS.skos}prefLabel> ${JSON.stringify(HOSTILE_LABEL)}@en .`,
          format: 'text/turtle',
          graph: 'https://w3id.org/unkg/graph/test',
        },
      ],
    });
  });
  afterAll(() => service.close());

  describe('content negotiation', () => {
    it.each([
      ['text/turtle', 'text/turtle'],
      ['application/ld+json', 'application/ld+json'],
      ['application/n-triples', 'application/n-triples'],
      ['application/rdf+xml', 'application/rdf+xml'],
      [BROWSER_ACCEPT, 'text/html'],
      ['text/html;q=0.5, text/turtle', 'text/turtle'],
      ['application/json', 'application/ld+json'],
      ['*/*', 'text/turtle'],
      ['', 'text/turtle'],
    ])('answers Accept %j with %s', async (accept, expected) => {
      const response = await get('/eli/un/E/RES/2017/18/op/2', accept ? { accept } : {});
      expect(response.statusCode).toBe(200);
      expect(String(response.headers['content-type']).split(';')[0]).toBe(expected);
      expect(response.headers.vary).toBe('Accept, Accept-Language');
    });

    it.each([
      ['ttl', 'text/turtle'],
      ['jsonld', 'application/ld+json'],
      ['nt', 'application/n-triples'],
      ['rdf', 'application/rdf+xml'],
      ['html', 'text/html'],
    ])('lets ?format=%s override a browser Accept header with %s', async (format, expected) => {
      const response = await get(`/eli/un/E/RES/2017/18/op/2?format=${format}`, { accept: BROWSER_ACCEPT });
      expect(String(response.headers['content-type']).split(';')[0]).toBe(expected);
    });

    it('names every other representation in Link headers', async () => {
      const response = await get('/eli/un/E/RES/2017/18/op/2', { accept: 'text/turtle' });
      expect(response.headers.link).toBe(
        [
          '</eli/un/E/RES/2017/18/op/2?format=html>; rel="alternate"; type="text/html"',
          '</eli/un/E/RES/2017/18/op/2?format=jsonld>; rel="alternate"; type="application/ld+json"',
          '</eli/un/E/RES/2017/18/op/2?format=nt>; rel="alternate"; type="application/n-triples"',
          '</eli/un/E/RES/2017/18/op/2?format=rdf>; rel="alternate"; type="application/rdf+xml"',
        ].join(', '),
      );
    });

    it('refuses an Accept header it cannot satisfy with 406', async () => {
      const response = await get('/eli/un/E/RES/2017/18/op/2', { accept: 'image/png' });
      expect(response.statusCode).toBe(406);
      expect(response.json().message).toContain('text/turtle');
    });

    it('refuses an unknown ?format with 400 naming the formats', async () => {
      const response = await get('/eli/un/E/RES/2017/18/op/2?format=pdf');
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toBe('format must be one of html, ttl, jsonld, nt, rdf, akn: "pdf"');
    });

    it('answers HEAD with the headers of GET and no body', async () => {
      const response = await service.app.inject({ method: 'HEAD', url: '/eli/un/E/RES/2017/18/op/2', headers: { accept: 'text/turtle' } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/turtle; charset=utf-8');
      expect(response.body).toBe('');
    });
  });

  describe("a paragraph's description", () => {
    it('holds every triple of the paragraph, and no other triple about it, in Turtle', async () => {
      const response = await get('/eli/un/E/RES/2017/18/op/2', { accept: 'text/turtle' });
      const stored = await storedTriples(SEED_OP2);
      expect(stored.length).toBeGreaterThan(10);
      expect(subjectTriples(triplesOf(response.body, 'text/turtle'), SEED_OP2)).toEqual(stored);
    });

    it('says the same in Turtle, N-Triples, RDF/XML and JSON-LD', async () => {
      const bodies = await Promise.all(
        ['text/turtle', 'application/n-triples', 'application/rdf+xml', 'application/ld+json'].map(
          async (type) => [type, (await get('/eli/un/E/RES/2017/18/op/2', { accept: type })).body] as const,
        ),
      );
      const [reference, ...others] = bodies.map(([type, body]) => triplesOf(body, type));
      for (const other of others) expect(other).toEqual(reference);
    });

    it('includes the evidence of its own links and clause acts, and the names of what it links to', async () => {
      const lines = triplesOf((await get('/eli/un/E/RES/2017/18/op/2', { accept: 'application/n-triples' })).body, 'application/n-triples');
      const evidence = await service.store.select(
        `SELECT DISTINCT ?e WHERE { { <${SEED_OP2}> <${NS.unkg}clauseAct> ?e } UNION { ?e <${NS.cito}hasCitingEntity> <${SEED_OP2}> } }`,
      );
      for (const { e } of evidence.results.bindings) expect(subjectTriples(lines, e.value)).toEqual(await storedTriples(e.value));
      expect(lines).toContain(`<https://w3id.org/unkg/eli/un/A/RES/64/293> <${NS.eli}id_local> "A/RES/64/293"`);
    });

    it('is compacted with the context of ontology/context.jsonld', async () => {
      const body = (await get('/eli/un/E/RES/2017/18/op/2', { accept: 'application/ld+json' })).json();
      expect(body['@context']).toEqual(loadJsonLdContext(join(__dirname, '..', '..', 'ontology')));
      const paragraph = (body['@graph'] as Array<Record<string, unknown>>).find((node) => node.id === SEED_OP2)!;
      expect(paragraph.cites).toBe('https://w3id.org/unkg/eli/un/A/RES/64/293');
      expect(paragraph.isPartOf).toBe(SEED);
    });
  });

  describe('backlinks', () => {
    it('lists what cites a document among its triples', async () => {
      const lines = triplesOf((await get('/eli/un/A/RES/64/293', { accept: 'application/n-triples' })).body, 'application/n-triples');
      const citing = await service.store.select(`SELECT DISTINCT ?s WHERE { ?s <${NS.eli}cites> <https://w3id.org/unkg/eli/un/A/RES/64/293> } ORDER BY ?s`);
      expect(citing.results.bindings.length).toBeGreaterThan(1);
      for (const { s } of citing.results.bindings) expect(lines).toContain(`<${s.value}> <${NS.eli}cites> <https://w3id.org/unkg/eli/un/A/RES/64/293>`);
    });

    it(`pages them by ${BACKLINK_PAGE_SIZE}, linking each page to the next and the previous`, async () => {
      const stored = await service.store.select(
        `SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p WHERE { ?s ?p <${CLAUSE_SCHEME_IRI}> FILTER(isIRI(?s)) } }`,
      );
      const total = Number(stored.results.bindings[0].n.value);
      expect(total).toBeGreaterThan(2 * BACKLINK_PAGE_SIZE);
      const seen: string[] = [];
      let page = 1;
      for (;;) {
        const response = await get(`/clause?page=${page}`, { accept: 'application/n-triples' });
        const backlinks = triplesOf(response.body, 'application/n-triples').filter(
          (l) => l.endsWith(` <${CLAUSE_SCHEME_IRI}>`) && !l.startsWith(`<${CLAUSE_SCHEME_IRI}> `),
        );
        seen.push(...backlinks);
        if (page > 1) expect(response.headers.link).toContain(`</clause?page=${page - 1}>; rel="prev"`);
        if (!response.headers.link?.includes('rel="next"')) break;
        expect(backlinks).toHaveLength(BACKLINK_PAGE_SIZE);
        expect(response.headers.link).toContain(`</clause?page=${page + 1}>; rel="next"`);
        page++;
      }
      expect(page).toBe(Math.ceil(total / BACKLINK_PAGE_SIZE));
      expect(new Set(seen).size).toBe(total);
    });

    it('refuses a page that is not a positive integer', async () => {
      const response = await get('/clause?page=0');
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toContain('page must be an integer');
    });
  });

  describe('the HTML page', () => {
    it("shows a paragraph's label, types, text, links and backlinks", async () => {
      const response = await get('/eli/un/E/RES/2017/18/op/2', { accept: BROWSER_ACCEPT });
      const html = response.body;
      const text = (await service.store.select(`SELECT ?t WHERE { <${SEED_OP2}> <${NS.schema}text> ?t }`)).results.bindings[0].t.value;
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(html).toContain('<h1>E/RES/2017/18 op/2</h1>');
      expect(html).toContain('>Operative paragraph</a>');
      expect(html).toContain(`<blockquote lang="fr">${text.replace(/'/g, '&#39;')}</blockquote>`);
      expect(html).toContain('<a href="/eli/un/A/RES/64/293" title="https://w3id.org/unkg/eli/un/A/RES/64/293">A/RES/64/293</a>');
      expect(html).toMatch(/<section id="backlinks"><h2>Backlinks <span class="muted">\(1\)<\/span><\/h2>/);
      expect(html).toContain('<a href="/eli/un/E/RES/2017/18" title="https://w3id.org/unkg/eli/un/E/RES/2017/18">E/RES/2017/18</a>');
      expect(html).toContain(`href="/explore?iri=${encodeURIComponent(SEED_OP2)}"`);
      expect(html).toContain('<a href="/eli/un/E/RES/2017/18/op/2?format=ttl" type="text/turtle">Turtle</a>');
    });

    it('loads nothing from elsewhere and nothing inline: no script, no image, no style element, only the site stylesheet', async () => {
      const html = (await get('/eli/un/E/RES/2017/18/op/2', { accept: BROWSER_ACCEPT })).body;
      expect(html).not.toMatch(/<script|<img|<style|style="/);
      expect([...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1])).toEqual(['/assets/site.css']);
    });

    it('shows each backlink with a snippet of the citing text, the match marked', async () => {
      const html = (await get('/org/member-states', { accept: BROWSER_ACCEPT })).body;
      const mentioning = await service.store.select(
        `SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s <${NS.schema}mentions> <https://w3id.org/unkg/org/member-states> }`,
      );
      expect(html).toContain(`>schema:mentions</a> <span class="muted">(${mentioning.results.bindings[0].n.value})</span></h3>`);
      expect(html).toMatch(/<div class="snippet" lang="fr">[^<]*<mark>États Membres<\/mark>/);
    });

    it('prefers the label in the language asked for', async () => {
      const english = (await get('/org/unodc', { accept: BROWSER_ACCEPT, 'accept-language': 'en-GB,en;q=0.9' })).body;
      const french = (await get('/org/unodc?lang=fr', { accept: BROWSER_ACCEPT })).body;
      const labels = await service.store.select(`SELECT ?l WHERE { <https://w3id.org/unkg/org/unodc> <${NS.skos}prefLabel> ?l } ORDER BY ?l`);
      const byLang = Object.fromEntries(labels.results.bindings.map(({ l }) => [l['xml:lang'], l.value]));
      expect(english).toContain(`<h1 lang="en">${byLang.en}</h1>`);
      expect(french).toContain(`<h1 lang="fr">${byLang.fr.replace(/'/g, '&#39;')}</h1>`);
    });

    it('escapes what the data says', async () => {
      const html = (await get('/org/hostile-name', { accept: BROWSER_ACCEPT })).body;
      expect(html).toContain('<h1 lang="en">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Partners&quot;</h1>');
      expect(html).not.toContain('<script>alert');
    });
  });

  describe('unknown IRIs', () => {
    it.each([
      ['text/html', (body: string) => expect(body).toContain('<h1>No such resource</h1>')],
      ['text/turtle', (body: string) => expect(triplesOf(body, 'text/turtle')).toEqual([])],
      ['application/n-triples', (body: string) => expect(triplesOf(body, 'application/n-triples')).toEqual([])],
      ['application/ld+json', (body: string) => expect(triplesOf(body, 'application/ld+json')).toEqual([])],
      ['application/rdf+xml', (body: string) => expect(triplesOf(body, 'application/rdf+xml')).toEqual([])],
    ])('answer 404 in %s', async (accept, check) => {
      const response = await get('/eli/un/E/RES/1999/99', { accept });
      expect(response.statusCode).toBe(404);
      expect(String(response.headers['content-type']).split(';')[0]).toBe(accept);
      check(response.body);
    });
  });

  describe('the ontology', () => {
    const file = readFileSync(join(__dirname, '..', '..', 'ontology', 'unkg.ttl'), 'utf8');
    const quads: Quad[] = new Parser({ format: 'Turtle' }).parse(file);
    const ofType = (type: string) =>
      quads.filter((q) => q.predicate.value === `${NS.rdf}type` && q.object.value === type && q.subject.value.startsWith(NS.unkg)).map((q) => q.subject.value);

    it('answers at its namespace IRI with the Turtle file itself', async () => {
      const response = await get('/ontology', { accept: 'text/turtle' });
      expect(response.headers['content-type']).toBe('text/turtle; charset=utf-8');
      expect(response.body).toBe(file);
    });

    it('answers in JSON-LD, N-Triples and RDF/XML with the same triples', async () => {
      // The file's OWL lists are blank nodes, labelled anew by each parser: compared without labels.
      const shape = (body: string, type: string) =>
        oxigraph
          .parse(body, { format: type })
          .map((q) => `${q.subject} ${q.predicate} ${q.object}`.replace(/_:\S+/g, '_:'))
          .sort();
      const reference = shape(file, 'text/turtle');
      for (const type of ['application/ld+json', 'application/n-triples', 'application/rdf+xml']) {
        expect(shape((await get('/ontology', { accept: type })).body, type)).toEqual(reference);
      }
    });

    it('documents every class and property with its English and French labels and comments', async () => {
      const html = (await get('/ontology', { accept: BROWSER_ACCEPT })).body;
      const terms = [...ofType(`${NS.owl}Class`), ...ofType(`${NS.owl}ObjectProperty`), ...ofType(`${NS.owl}DatatypeProperty`)];
      expect(terms.length).toBeGreaterThan(40);
      const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
      for (const term of terms) {
        expect(html).toContain(`<section class="term" id="${term.slice(NS.unkg.length)}">`);
        for (const q of quads.filter((x) => x.subject.value === term && [`${NS.rdfs}label`, `${NS.rdfs}comment`].includes(x.predicate.value))) {
          expect(html).toContain(escape(q.object.value));
        }
      }
    });

    it('answers the clause-verb concepts at /clause/…', async () => {
      const lines = triplesOf((await get('/clause/urges', { accept: 'application/n-triples' })).body, 'application/n-triples');
      expect(lines).toContain(`<${NS.clause}urges> <${NS.skos}prefLabel> "Urges"@en`);
      expect(lines).toContain(`<${NS.clause}urges> <${NS.skos}inScheme> <${CLAUSE_SCHEME_IRI}>`);
    });
  });
});

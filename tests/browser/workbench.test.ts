/** The analyst's workbench in Chromium, over fixture data: the landing page, the reading view
 *  of E/RES/2017/18 in English and French, search, the citation network, the timeline, and the
 *  explorer's layout staying the same from one load to the next. */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { NS } from '../../src/vocab';
import { startWorkbenchService } from '../web/workbenchService';
import { openBrowserSession, type BrowserSession } from './browserSession';

jest.setTimeout(180_000);

const SEED = 'https://w3id.org/unkg/eli/un/E/RES/2017/18';
const RES_64_293 = 'https://w3id.org/unkg/eli/un/A/RES/64/293';
const ENGLISH_TEXTS = join(__dirname, '..', 'fixtures', 'workbench', 'E-RES-2017-18.en-texts.nq');

declare global {
  interface Window {
    cy: any;
    explorer: { ready: boolean; counts(): Record<string, number>; expand(id: string): Promise<number> };
    network: {
      ready: boolean;
      error?: string;
      data: { nodes: Array<{ id: string }>; edges: Array<{ id: string; weight: number; source: string; target: string }> };
    };
  }
}

describe('the workbench in a browser', () => {
  let session: BrowserSession;
  beforeAll(async () => (session = await openBrowserSession(() => startWorkbenchService({ extraSources: [ENGLISH_TEXTS] }))));
  afterAll(() => session?.close());

  const elsewhere = (requests: string[]) => requests.filter((url) => !url.startsWith(session.root) && !url.startsWith('data:'));
  const select = async (sparql: string) => (await session.service.store.select(sparql)).results.bindings;
  const count = async (where: string) => Number((await select(`SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ${where} }`))[0].n.value);
  async function open(path: string, headers: Record<string, string> = {}): Promise<{ page: Page; requests: string[]; errors: string[] }> {
    const opened = await session.newPage();
    if (Object.keys(headers).length) await opened.page.setExtraHTTPHeaders(headers);
    await opened.page.goto(`${session.root}${path.replace(/^\//, '')}`);
    return opened;
  }

  describe('the landing page', () => {
    it('says what the service holds, with the store’s counts, and where to go next', async () => {
      const { page, requests, errors } = await open('/');
      const figure = (id: string) => page.locator(`[data-count="${id}"] strong`).textContent();
      await expect(figure('resolutions')).resolves.toBe(String(await count(`?x a <${NS.unkg}Resolution> ; <${NS.eli}has_part> ?p`)));
      await expect(figure('footnotes')).resolves.toBe(String(await count(`?x a <${NS.unkg}Footnote>`)));
      const paragraphs = await count(`?x a ?t VALUES ?t { <${NS.unkg}PreambularParagraph> <${NS.unkg}OperativeParagraph> <${NS.unkg}SubParagraph> }`);
      expect(paragraphs).toBeGreaterThan(30);
      await expect(figure('paragraphs')).resolves.toBe(paragraphs.toLocaleString('en-GB'));
      await expect(page.locator('h1').textContent()).resolves.toBe('UN resolutions as a knowledge graph');
      const targets = await page.locator('ul.next a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(targets).toEqual(expect.arrayContaining(['/explore', '/network', '/search', '/yasgui', '/graphql', '/api/docs']));
      expect(targets.some((t) => t.startsWith('/read/'))).toBe(true);
      // No choice made yet (the language comes from Accept-Language): links stay plain.
      await expect(page.locator(`ul.resolutions li[data-iri="${SEED}"] a`).getAttribute('href')).resolves.toBe('/read/E/RES/2017/18');
      await session.screenshot(page, 'workbench-landing-en', true);

      await page.locator('nav.lang-switch a[hreflang="fr"]').click();
      await page.waitForURL(/lang=fr/);
      await expect(page.locator('h1').textContent()).resolves.toBe('Les résolutions de l’ONU en graphe de connaissances');
      await expect(page.locator('nav.lang-switch a[aria-current="true"]').textContent()).resolves.toBe('FR');
      await expect(page.locator(`ul.resolutions li[data-iri="${SEED}"] a`).getAttribute('href')).resolves.toBe('/read/E/RES/2017/18?lang=fr');
      await session.screenshot(page, 'workbench-landing-fr', true);
      expect(errors).toEqual([]);
      expect(elsewhere(requests)).toEqual([]);
      await page.close();
    });

    it('speaks the language of Accept-Language when no choice is made', async () => {
      const { page } = await open('/', { 'Accept-Language': 'fr-CH, fr;q=0.9, en;q=0.5' });
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
      await expect(page.locator('#holds').textContent()).resolves.toBe('Ce que contient le service');
      await page.close();
    });
  });

  describe('the reading view of E/RES/2017/18', () => {
    /** Parts of one kind, as numbered in the store, in document order. */
    async function expectedOrder(type: string): Promise<string[]> {
      const rows = await select(`SELECT ?p ?n WHERE { ?p <${NS.eli}is_part_of> <${SEED}> ; a <${NS.unkg}${type}> ; <${NS.unkg}position> ?n }`);
      return rows.sort((a, b) => Number(a.n.value) - Number(b.n.value)).map((r) => r.p.value);
    }

    it.each([
      ['en', 'Operative part', 'Footnotes'],
      ['fr', 'Dispositif', 'Notes'],
    ])('shows the paragraphs in document order, footnote markers linked, in %s', async (lang, operative, footnotes) => {
      const { page, requests, errors } = await open(`/read/E/RES/2017/18?lang=${lang}`);
      const operativeOrder = await page.locator('section.operative > .part').evaluateAll((parts) => parts.map((p) => (p as HTMLElement).dataset.iri));
      expect(operativeOrder).toEqual(await expectedOrder('OperativeParagraph'));
      expect(operativeOrder.slice(0, 11).map((iri) => iri!.slice(SEED.length + 1))).toEqual([
        'op/1',
        'op/2',
        'op/3',
        'op/4',
        'op/5',
        'op/6',
        'op/7',
        'op/8',
        'op/9',
        'op/10',
        'op/11',
      ]);
      const preamble = await page.locator('section.preamble > .part').evaluateAll((parts) => parts.map((p) => (p as HTMLElement).dataset.iri));
      expect(preamble).toEqual(await expectedOrder('PreambularParagraph'));
      await expect(page.locator('section.operative').getAttribute('aria-label')).resolves.toBe(operative);
      await expect(page.locator('#footnotes-title').textContent()).resolves.toBe(footnotes);
      // Sub-paragraphs sit inside their paragraph, in order.
      await expect(page.locator('#pp-6 ol.subparagraphs > li > .part').evaluateAll((parts) => parts.map((p) => (p as HTMLElement).id))).resolves.toEqual([
        'pp-6-a',
        'pp-6-b',
        'pp-6-c',
        'pp-6-d',
        'pp-6-e',
        'pp-6-f',
      ]);
      // Every footnote a paragraph carries has its marker there, linked to the footnote.
      const carried = await select(`SELECT ?p ?n WHERE { ?p <${NS.eli}is_part_of>+ <${SEED}> ; <${NS.unkg}hasFootnote> ?f . ?f <${NS.eli}number> ?n }`);
      expect(carried.length).toBeGreaterThanOrEqual(6);
      for (const row of carried) {
        const anchor = row.p.value.slice(SEED.length + 1).replace(/\//g, '-');
        await expect(page.locator(`#${anchor} > .body > p sup.fn-ref a[href="#fn-${row.n.value}"]`).count()).resolves.toBe(1);
        await expect(page.locator(`li#fn-${row.n.value}`).count()).resolves.toBe(1);
      }
      await page.locator('#op-1 sup.fn-ref a[href="#fn-1"]').click();
      await page.waitForFunction(() => window.location.hash === '#fn-1');
      await expect(page.locator('li#fn-1').textContent()).resolves.toContain('39574');
      // Each paragraph links to its own page.
      await expect(page.locator('#op-10 > a.num').getAttribute('href')).resolves.toBe(`/eli/un/E/RES/2017/18/op/10?lang=${lang}`);
      await page.locator('#op-1').scrollIntoViewIfNeeded();
      await session.screenshot(page, `workbench-reading-${lang}`);
      expect(errors).toEqual([]);
      expect(elsewhere(requests)).toEqual([]);
      await page.close();
    });

    it('shows a citation’s evidence when its mark is hovered or focused, and links it to the cited resolution', async () => {
      const { page } = await open('/read/E/RES/2017/18?lang=en');
      const mark = page.locator('#op-13 .ref-citation').first();
      await expect(mark.getAttribute('href')).resolves.toBe('/eli/un/A/RES/64/293?lang=en');
      const evidence = (
        await select(
          `SELECT ?m WHERE { ?e <${NS.cito}hasCitingEntity> <${SEED}/op/13> ; <${NS.cito}hasCitedEntity> <${RES_64_293}> ; <${NS.unkg}matchedText> ?m }`,
        )
      )[0].m.value;
      const tip = mark.locator('.tip');
      await expect(tip.isVisible()).resolves.toBe(false);
      await mark.hover();
      await expect(tip.isVisible()).resolves.toBe(true);
      await expect(tip.textContent()).resolves.toContain(`Citation → A/RES/64/293`);
      await expect(tip.textContent()).resolves.toContain(`matched “${evidence}”`);
      await session.screenshot(page, 'workbench-reading-evidence');
      await page.mouse.move(0, 0);
      await mark.focus();
      await expect(tip.isVisible()).resolves.toBe(true);
      await mark.click();
      await page.waitForURL(/\/eli\/un\/A\/RES\/64\/293/);
      await page.close();
    });

    it('reads a paragraph in the chosen language when it has it, the other one a click away', async () => {
      const { page } = await open('/read/E/RES/2017/18?lang=en');
      await expect(page.locator('#op-1 > .body > p > .text').getAttribute('lang')).resolves.toBe('en');
      await expect(page.locator('#op-1 > .body > p > .text').textContent()).resolves.toMatch(/^Urges Member States/);
      await expect(page.locator('#op-1 details.other-text summary').textContent()).resolves.toBe('Read in French');
      await page.locator('#op-1 details.other-text summary').click();
      await expect(page.locator('#op-1 details.other-text p').textContent()).resolves.toMatch(/^Exhorte les États Membres/);
      // A paragraph with one text shows it, whatever the interface language.
      await expect(page.locator('#op-2 > .body > p > .text').getAttribute('lang')).resolves.toBe('fr');
      await session.screenshot(page, 'workbench-reading-bilingual');
      await page.close();
    });
  });

  describe('search', () => {
    async function search(text: string, lang = 'en') {
      const { page } = await open(`/?lang=${lang}`);
      await page.locator('#q').fill(text);
      await page.locator('.search-form button[type=submit]').click();
      await page.waitForSelector('#result-count');
      const hits = await page.locator('ol.hits > li').evaluateAll((items) =>
        items.map((li) => ({
          iri: (li as HTMLElement).dataset.iri!,
          kind: (li as HTMLElement).dataset.kind!,
          match: li.querySelector('.match')!.textContent!,
          all: li.textContent!,
        })),
      );
      return { page, hits };
    }
    const paragraphKinds = ['preambular', 'operative', 'subparagraph'];

    it('finds paragraphs for “etats membres”, whatever the accents and case', async () => {
      const { page, hits } = await search('etats membres');
      const paragraphs = hits.filter((h) => paragraphKinds.includes(h.kind));
      expect(paragraphs.length).toBeGreaterThanOrEqual(8);
      // Found in their text, or through what they mention (the organisation named “États Membres”).
      for (const h of paragraphs.slice(0, 8)) expect(h.all).toContain('États Membres');
      expect(paragraphs.filter((h) => h.match.includes('États Membres')).length).toBeGreaterThanOrEqual(6);
      await expect(page.locator('ol.hits mark').first().textContent()).resolves.toBe('États');
      await session.screenshot(page, 'workbench-search-etats-membres', true);
      await page.close();
    });

    it('finds English paragraphs for “trafficking victims”', async () => {
      const { page, hits } = await search('trafficking victims');
      const english = hits.filter((h) => paragraphKinds.includes(h.kind) && /trafficking/i.test(h.match) && /victims/i.test(h.match));
      expect(english.length).toBeGreaterThanOrEqual(2);
      await page.close();
    });

    it.each(['64/293', 'A/RES/64/293', 'résolution 64/293'])('finds the resolution and every paragraph citing it for “%s”', async (text) => {
      const { page, hits } = await search(text, 'fr');
      expect(hits[0].iri).toBe(RES_64_293);
      const citing = await select(`SELECT DISTINCT ?p WHERE { ?p <${NS.eli}cites> <${RES_64_293}> }`);
      expect(citing.length).toBeGreaterThanOrEqual(4);
      expect(hits.map((h) => h.iri)).toEqual(expect.arrayContaining(citing.map((r) => r.p.value)));
      if (text === '64/293') await session.screenshot(page, 'workbench-search-64-293', true);
      await page.close();
    });
  });

  describe('cross-references', () => {
    it('draws the citation network with edges weighted by citing paragraphs, and lists them on selection', async () => {
      const { page, requests, errors } = await open('/network?lang=en');
      await page.waitForFunction(() => window.network?.ready === true);
      expect(await page.evaluate(() => window.network.error)).toBeUndefined();
      const { nodes, edges } = await page.evaluate(() => ({ nodes: window.cy.nodes().length, edges: window.cy.edges().length }));
      const api = (await (await fetch(`${session.root}api/network`)).json()) as {
        nodes: unknown[];
        edges: Array<{ id: string; weight: number; source: string; target: string }>;
      };
      expect([nodes, edges]).toEqual([api.nodes.length, api.edges.length]);
      const edge = api.edges.find((e) => e.source === SEED && e.target === RES_64_293)!;
      const citing = await count(`?x <${NS.eli}is_part_of>+ <${SEED}> ; <${NS.eli}cites> <${RES_64_293}> FILTER NOT EXISTS { ?x a <${NS.unkg}Footnote> }`);
      expect(edge.weight).toBe(citing);
      await page.evaluate((id) => {
        window.cy.getElementById(id).emit('tap');
      }, edge.id);
      await page.waitForSelector('#network-panel ul.paragraphs li');
      await expect(page.locator('#network-panel ul.paragraphs li').count()).resolves.toBe(citing);
      await page.evaluate((id) => {
        window.cy.getElementById(id).emit('tap');
      }, SEED);
      await page.waitForSelector(`#network-panel[data-iri="${SEED}"]`);
      await session.screenshot(page, 'workbench-network');
      expect(errors).toEqual([]);
      expect(elsewhere(requests)).toEqual([]);
      await page.close();
    });

    it('gives the same picture for the same data', async () => {
      const positions = async () => {
        const { page } = await open('/network');
        await page.waitForFunction(() => window.network?.ready === true);
        const out = await page.evaluate(() => window.cy.nodes().map((n: any) => [n.id(), n.position()]));
        await page.close();
        return out;
      };
      expect(await positions()).toEqual(await positions());
    });

    it('puts what a resolution cites on a timeline by date, and what cites an instrument', async () => {
      const { page, errors } = await open(`/timeline?iri=${encodeURIComponent(SEED)}&lang=en`);
      const dates = await page.locator('#cites g.item').evaluateAll((items) => items.map((g) => (g as SVGGElement).dataset.date!));
      expect(dates.length).toBeGreaterThanOrEqual(4);
      expect(dates).toEqual([...dates].sort());
      await expect(page.locator(`#cites g.item[data-iri="${RES_64_293}"]`).count()).resolves.toBe(1);
      await session.screenshot(page, 'workbench-timeline-cites', true);
      await page.goto(`${session.root}timeline?iri=${encodeURIComponent(RES_64_293)}&lang=fr`);
      const citing = await select(
        `SELECT DISTINCT ?doc WHERE { ?p <${NS.eli}cites> <${RES_64_293}> ; <${NS.eli}is_part_of>+ ?doc . ?doc a <${NS.unkg}Resolution> }`,
      );
      await expect(page.locator('#cited-by-section .item, #cited-by-section li[data-iri]').count()).resolves.toBe(citing.length);
      await expect(page.locator('#cited-by-section h2').textContent()).resolves.toBe('Ce qui cite A/RES/64/293, par date');
      await session.screenshot(page, 'workbench-timeline-cited-by', true);
      expect(errors).toEqual([]);
      await page.close();
    });
  });

  describe('under a strict Content-Security-Policy', () => {
    /** What helmet sends by default for scripts, tightened to forbid inline styles too. */
    const POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

    it.each([
      ['/', 'h1'],
      ['/read/E/RES/2017/18?lang=fr', '#op-13 .ref-citation'],
      ['/search?q=64%2F293', 'ol.hits li'],
      ['/network', '#network-panel'],
      [`/timeline?iri=${encodeURIComponent(SEED)}`, '#cites g.item'],
      ['/explore', '#legend li'],
      ['/eli/un/E/RES/2017/18/op/2', 'nav.sequence'],
    ])('%s loads its scripts and styles and works', async (path, selector) => {
      const opened = await session.newPage();
      const { page, errors } = opened;
      const refused: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
      });
      await page.route('**/*', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': POLICY } });
      });
      await page.goto(`${session.root}${path.slice(1)}`, { headers: { accept: 'text/html' } } as never);
      await page.waitForSelector(selector);
      if (path === '/network') await page.waitForFunction(() => window.network?.ready === true && window.cy.nodes().length > 0);
      if (path === '/explore') await page.waitForFunction(() => window.explorer?.ready === true && window.cy.nodes().length > 0);
      // The stylesheet applied: the site header is the accent colour.
      await expect(page.locator('header.site').evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe('rgb(31, 78, 121)');
      expect(refused).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  });

  describe('the explorer', () => {
    it('lays the seed graph out identically on two loads', async () => {
      const positions = async () => {
        const { page } = await open('/explore');
        await page.waitForFunction(() => window.explorer?.ready === true);
        const out = await page.evaluate(() =>
          window.cy.nodes().map((n: any) => [n.id(), Math.round(n.position('x') * 1000) / 1000, Math.round(n.position('y') * 1000) / 1000]),
        );
        await session.screenshot(page, 'workbench-explorer-layout');
        await page.close();
        return out;
      };
      const first = await positions();
      expect(first.length).toBeGreaterThan(50);
      expect(await positions()).toEqual(first);
    });
  });
});

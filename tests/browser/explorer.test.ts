/** The explorer, the query editor and a resource page in Chromium. */
import type { Page } from 'playwright-core';
import { NS } from '../../src/vocab';
import { DOCUMENT_LINK_PREDICATES } from '../../src/viz';
import { SEED, SEED_OP2 } from '../web/serviceUnderTest';
import { openBrowserSession, type BrowserSession } from './browserSession';

jest.setTimeout(120_000);

const SDG_TARGET = 'http://metadata.un.org/sdg/5.2';

declare global {
  interface Window {
    cy: any;
    explorer: { ready: boolean; counts(): Record<string, number>; expand(id: string): Promise<number> };
    yasgui: any;
  }
}

describe('in a browser', () => {
  let session: BrowserSession;
  beforeAll(async () => (session = await openBrowserSession()));
  afterAll(() => session?.close());

  /** Requests that left the service: none may (the pages must work on a closed network). */
  const elsewhere = (requests: string[]) => requests.filter((url) => !url.startsWith(session.root) && !url.startsWith('data:'));
  const select = async (sparql: string) => (await session.service.store.select(sparql)).results.bindings;

  async function openExplorer(): Promise<{ page: Page; requests: string[]; errors: string[] }> {
    const opened = await session.newPage();
    await opened.page.goto(`${session.root}explore`);
    await opened.page.waitForFunction(() => window.explorer?.ready === true);
    return opened;
  }

  describe('the explorer', () => {
    /** How many nodes of each kind the seed resolution's graph has, by SPARQL. */
    async function expectedCounts(): Promise<Record<string, number>> {
      const links = DOCUMENT_LINK_PREDICATES.map((p) => `<${p}>`).join(' ');
      const parts = `?n <${NS.eli}is_part_of> <${SEED}>`;
      const linked = `{ BIND(<${SEED}> AS ?from) } UNION { ?from <${NS.eli}is_part_of>+ <${SEED}> } VALUES ?link { ${links} } ?from ?link ?n .`;
      const count = async (where: string) => Number((await select(`SELECT (COUNT(DISTINCT ?n) AS ?c) WHERE { ${where} }`))[0].c.value);
      return {
        paragraph: await count(`${parts} ; a ?t . VALUES ?t { <${NS.unkg}PreambularParagraph> <${NS.unkg}OperativeParagraph> }`),
        subparagraph: await count(`?n a <${NS.unkg}SubParagraph> ; <${NS.eli}is_part_of>+ <${SEED}>`),
        footnote: await count(`${parts} ; a <${NS.unkg}Footnote>`),
        resolution: 1 + (await count(`${linked} ?n a <${NS.unkg}Resolution>`)),
        treaty: await count(`${linked} ?n a <${NS.unkg}Treaty>`),
        'sdg-target': await count(`${linked} ?n a <${NS.sdgo}Target>`),
        organisation: await count(
          `${linked} ?n a ?t . VALUES ?t { <${NS.org}FormalOrganization> <${NS.org}Organization> <${NS.unkg}MemberStates> <${NS.org}Post> }`,
        ),
        'clause-verb': await count(`${linked} FILTER(?link = <${NS.unkg}clauseVerb>)`),
      };
    }

    it('draws the seed resolution with the number of nodes of each type the store holds', async () => {
      const { page, requests, errors } = await openExplorer();
      const expected = await expectedCounts();
      const counts = await page.evaluate(() => window.explorer.counts());
      for (const [kind, n] of Object.entries(expected)) {
        expect(n).toBeGreaterThan(0);
        expect([kind, counts[kind]]).toEqual([kind, n]);
        await expect(page.locator(`#legend li[data-kind="${kind}"] .count`).textContent()).resolves.toBe(String(n));
      }
      await expect(page.locator('#legend li[data-kind="paragraph"]').isVisible()).resolves.toBe(true);
      const styled = await page.evaluate(() => window.cy.$('node.treaty').first().style('background-color'));
      expect(styled).toBe('rgb(142,68,173)');
      await session.screenshot(page, 'explorer-seed-resolution');
      expect(errors).toEqual([]);
      expect(elsewhere(requests)).toEqual([]);
      await page.close();
    });

    it('adds a node’s neighbours when it is clicked', async () => {
      const { page, errors } = await openExplorer();
      const before: string[] = await page.evaluate(() => window.cy.nodes().map((n: any) => n.id()));
      expect(before).toContain(SDG_TARGET);
      const api = await (await fetch(`${session.root}api/graph?iri=${encodeURIComponent(SDG_TARGET)}&depth=1&direction=both&limit=60&format=d3`)).json();
      const grown = new Set([...before, ...api.nodes.map((n: { id: string }) => n.id)]).size;
      expect(grown).toBeGreaterThan(before.length);
      await page.evaluate((id) => {
        window.cy.getElementById(id).emit('tap');
      }, SDG_TARGET);
      await page.waitForFunction((n) => window.cy.nodes().length === n, grown);
      await expect(page.evaluate((id) => window.cy.getElementById(id).neighborhood('node').length, SDG_TARGET)).resolves.toBe(api.nodes.length - 1);
      await page.waitForSelector(`#panel[data-iri="${SDG_TARGET}"]`);
      await session.screenshot(page, 'explorer-expanded');
      expect(errors).toEqual([]);
      await page.close();
    });

    it('shows a clicked paragraph’s text, clause verbs and link evidence in the side panel', async () => {
      const { page, errors } = await openExplorer();
      const text = (await select(`SELECT ?t WHERE { <${SEED_OP2}> <${NS.schema}text> ?t }`))[0].t.value;
      // A real click, on the node where Cytoscape drew it (zoomed in so nothing covers it).
      const at = await page.evaluate((id) => {
        const node = window.cy.getElementById(id);
        window.cy.zoom(1.5);
        window.cy.center(node);
        return node.renderedPosition();
      }, SEED_OP2);
      const canvas = (await page.locator('#cy').boundingBox())!;
      await page.mouse.click(canvas.x + at.x, canvas.y + at.y);
      await page.waitForSelector(`#panel[data-iri="${SEED_OP2}"]`);
      await expect(page.locator('#panel .text').textContent()).resolves.toBe(text);
      await expect(page.locator('#panel .clause-verbs li').allTextContents()).resolves.toEqual([
        expect.stringContaining('Urges'),
        expect.stringContaining('Invites'),
      ]);
      await expect(page.locator('#panel .evidence').textContent()).resolves.toContain('Résolution 64/293');
      await expect(page.locator('#panel .links a').first().getAttribute('href')).resolves.toBe('/eli/un/E/RES/2017/18/op/2');
      await session.screenshot(page, 'explorer-paragraph-panel');
      expect(errors).toEqual([]);
      await page.close();
    });

    it('hides a type when its legend box is unticked, and finds a resource by its symbol', async () => {
      const { page } = await openExplorer();
      await page.locator('#legend li[data-kind="clause-verb"] input').uncheck();
      await page.waitForFunction(() => window.cy.nodes('.clause-verb').filter((n: any) => n.visible()).length === 0);
      await expect(page.evaluate(() => window.cy.nodes(':visible').length)).resolves.toBe(
        await page.evaluate(() => window.cy.nodes().length - window.cy.nodes('.clause-verb').length),
      );
      await page.locator('#search').fill('64/293');
      await page.waitForSelector('#search-results li[data-iri]');
      await expect(page.locator('#search-results li[data-iri]').first().getAttribute('data-iri')).resolves.toBe('https://w3id.org/unkg/eli/un/A/RES/64/293');
      await page.locator('#search-results li[data-iri]').first().click();
      await page.waitForSelector('#panel[data-iri="https://w3id.org/unkg/eli/un/A/RES/64/293"]');
      await page.close();
    });
  });

  describe('the SPARQL query editor', () => {
    it('runs a query against /sparql and shows a row per solution', async () => {
      const { page, requests, errors } = await session.newPage();
      await page.goto(`${session.root}sparql`);
      await page.waitForFunction(() => Boolean(window.yasgui));
      const query = `SELECT ?paragraph ?text WHERE { ?paragraph a <${NS.unkg}OperativeParagraph> ; <${NS.schema}text> ?text } ORDER BY ?paragraph`;
      const solutions = await select(query);
      expect(solutions.length).toBeGreaterThan(5);
      await page.evaluate((q) => {
        window.yasgui.getTab().setQuery(q);
      }, query);
      await page.click('.yasqe_queryButton');
      await page.waitForSelector('.yasr table tbody tr');
      await expect(page.locator('.yasr table tbody tr').count()).resolves.toBe(solutions.length);
      expect(requests).toContain(`${session.root}sparql`);
      await session.screenshot(page, 'sparql-editor-results');
      expect(errors).toEqual([]);
      expect(elsewhere(requests)).toEqual([]);
      await page.close();
    });
  });

  describe('a resource page', () => {
    it('shows the links and backlinks of /eli/un/E/RES/2017/18/op/2', async () => {
      const { page, requests, errors } = await session.newPage();
      await page.goto(`${session.root}eli/un/E/RES/2017/18/op/2`);
      await expect(page.locator('h1').textContent()).resolves.toBe('E/RES/2017/18 op/2');
      await expect(page.locator('#properties a[href="/eli/un/A/RES/64/293"]').isVisible()).resolves.toBe(true);
      await expect(page.locator('#backlinks a[href="/eli/un/E/RES/2017/18"]').isVisible()).resolves.toBe(true);
      await page.locator('#properties a[href="/eli/un/A/RES/64/293"]').click();
      await expect(page.locator('h1').textContent()).resolves.toBe('A/RES/64/293');
      await expect(page.locator(`#backlinks a[href="/eli/un/E/RES/2017/18/op/2"]`).count()).resolves.toBe(1);
      await page.goBack();
      await session.screenshot(page, 'resource-page-op-2', true);
      expect(errors).toEqual([]);
      expect(elsewhere(requests)).toEqual([]);
      await page.close();
    });
  });
});

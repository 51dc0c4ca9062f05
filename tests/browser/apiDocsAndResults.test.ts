import { NS } from '../../src/vocab';
import { openBrowserSession, type BrowserSession } from './browserSession';

declare global {
  interface Window {
    yasgui: any;
  }
}

/** What a person reads in the SPARQL editor's results and in the API docs, in Chromium. */
describe('in a browser', () => {
  let session: BrowserSession;
  beforeAll(async () => (session = await openBrowserSession()));
  afterAll(() => session?.close());

  it('the SPARQL editor shows plain strings as they are, without ^^xsd:string', async () => {
    const { page, errors } = await session.newPage();
    await page.goto(`${session.root}sparql`);
    await page.waitForFunction(() => Boolean(window.yasgui));
    const query = `SELECT ?doc ?symbol WHERE { ?doc <${NS.eli}id_local> ?symbol } ORDER BY ?symbol`;
    const solutions = (await session.service.store.select(query)).results.bindings;
    expect(solutions.length).toBeGreaterThan(3);
    await page.evaluate((q) => {
      window.yasgui.getTab().setQuery(q);
    }, query);
    await page.click('.yasqe_queryButton');
    await page.waitForSelector('.yasr table tbody tr');
    const cells = await page.locator('.yasr table tbody tr td:nth-child(3)').allInnerTexts();
    expect(cells.map((c) => c.trim())).toEqual(solutions.map((row) => row.symbol.value));
    expect(await page.locator('.yasr table').innerText()).not.toContain('xsd:string');
    await session.screenshot(page, 'sparql-editor-plain-strings');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the API docs open on the named queries, then the graph exports, SPARQL and GraphQL', async () => {
    const { page } = await session.newPage();
    await page.goto(`${session.root}api/docs`);
    await page.waitForSelector('.opblock-tag');
    const groups = (await page.locator('.opblock-tag-section h3 .opblock-tag, h3.opblock-tag').allInnerTexts()).map((t) => t.trim().split(/\s/)[0]);
    expect(groups.slice(0, 5)).toEqual(['queries', 'graph', 'explorer', 'sparql', 'graphql']);
    expect(await page.locator('.opblock-summary-path', { hasText: '/graphql/assets' }).count()).toBe(0);
    expect(await page.locator('.opblock-put .opblock-summary-path', { hasText: '/sparql' }).count()).toBe(0);
    await session.screenshot(page, 'api-docs');
    await page.close();
  });
});

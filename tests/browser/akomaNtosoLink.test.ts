/** A resolution's page in Chromium names its Akoma Ntoso document beside the RDF formats,
 *  and the link gives the XML. */
import { openBrowserSession, type BrowserSession } from './browserSession';
import { elements, paragraphsOf, parseXml } from '../akn/aknXml';

jest.setTimeout(120_000);

describe("a resolution's page in a browser", () => {
  let session: BrowserSession;
  beforeAll(async () => (session = await openBrowserSession()));
  afterAll(() => session?.close());

  it('links its Akoma Ntoso document, which answers with the XML', async () => {
    const { page, errors } = await session.newPage();
    await page.goto(`${session.root}eli/un/E/RES/2017/18`);
    const link = page.locator('p.formats a[type="application/akn+xml"]');
    expect(await link.textContent()).toBe('Akoma Ntoso');
    expect(await page.locator('p.formats a').allTextContents()).toEqual([
      'Turtle',
      'JSON-LD',
      'N-Triples',
      'RDF/XML',
      'Akoma Ntoso',
      'Read the resolution',
      'Explore the graph',
      'Timeline',
    ]);
    await session.screenshot(page, 'resolution-page-formats');
    const response = await page.request.get(new URL((await link.getAttribute('href'))!, session.root).toString());
    expect([response.status(), response.headers()['content-type']]).toEqual([200, 'application/akn+xml']);
    const doc = parseXml(await response.text());
    expect([paragraphsOf(doc).preambular.length, paragraphsOf(doc).operative.length, elements(doc, 'authorialNote').length]).toEqual([19, 13, 5]);
    expect(errors).toEqual([]);
  });

  it('offers no Akoma Ntoso link on the page of a paragraph', async () => {
    const { page } = await session.newPage();
    await page.goto(`${session.root}eli/un/E/RES/2017/18/op/2`);
    expect(await page.locator('p.formats a').allTextContents()).toEqual(['Turtle', 'JSON-LD', 'N-Triples', 'RDF/XML', 'Explore the graph']);
  });
});

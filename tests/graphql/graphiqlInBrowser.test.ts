import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import type { GraphStore } from '../../src/graph';
import { HAS_CHROMIUM, launchChromium } from '../browser/chromium';
import { graphqlApp } from './graphqlApp';
import { seedStore } from './seedStore';

/** GraphiQL in Debian's Chromium, driven by playwright-core. */
(HAS_CHROMIUM ? describe : describe.skip)('GraphiQL in a browser', () => {
  let store: GraphStore;
  let app: FastifyInstance;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    store = await seedStore();
    app = await graphqlApp(store);
    origin = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
  });

  test('loads from the service alone and runs its example query', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));

    await page.goto(`${origin}/graphql`);
    await page.waitForSelector('.graphiql-container .graphiql-execute-button', { timeout: 30_000 });
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(() => document.querySelector('.graphiql-response')?.textContent?.includes('totalCount'), null, { timeout: 30_000 });

    const response = (await page.textContent('.graphiql-response'))!.replace(/\s+/g, '');
    expect(response).toContain('"totalCount":3');
    expect(response).toContain('"symbol":"E/RES/2017/18"');
    expect(requested.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
  }, 60_000);
});

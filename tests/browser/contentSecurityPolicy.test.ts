/** Every page a person reads works under the service's Content-Security-Policy: loaded in
 *  Chromium, each draws its content, and the browser reports no violation. */
import { CONTENT_SECURITY_POLICY } from '../../src/http';
import { openBrowserSession, type BrowserSession } from './browserSession';

jest.setTimeout(120_000);

describe('pages under the Content-Security-Policy', () => {
  let session: BrowserSession;
  beforeAll(async () => (session = await openBrowserSession()));
  afterAll(() => session?.close());

  const PAGES: Array<[string, string, string, string]> = [
    ['the explorer', 'explore', '#cy canvas', 'csp-explorer'],
    ['the SPARQL editor (YASGUI)', 'sparql', '.yasqe .CodeMirror', 'csp-sparql-editor'],
    ['GraphiQL', 'graphql', '.graphiql-container .graphiql-execute-button', 'csp-graphiql'],
    ['the API docs (Swagger UI)', 'api/docs', '.swagger-ui .opblock', 'csp-api-docs'],
    ['a resource page', 'eli/un/E/RES/2017/18/op/2', '#backlinks a', 'csp-resource-page'],
  ];

  it.each(PAGES)('%s loads with the policy on and no violation', async (_, path, selector, screenshot) => {
    const { page, errors, violations } = await session.newPage();
    const response = await page.goto(`${session.root}${path}`, { waitUntil: 'load' });
    const headers = response!.headers();
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    await page.waitForSelector(selector, { timeout: 30_000 });
    // Let late scripts (workers, deferred rendering) run before judging.
    await page.waitForTimeout(1500);
    await session.screenshot(page, screenshot);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs a GraphQL query from GraphiQL under the policy', async () => {
    const { page, violations, errors } = await session.newPage();
    // A fresh GraphiQL (a visit before this one left its tabs in the shared profile).
    await page.addInitScript(() => localStorage.clear());
    await page.goto(`${session.root}graphql`);
    await page.waitForSelector('.graphiql-container .graphiql-execute-button', { timeout: 30_000 });
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(() => document.querySelector('.graphiql-response')?.textContent?.includes('totalCount'), null, { timeout: 30_000 });
    await page.waitForTimeout(1500);
    await session.screenshot(page, 'csp-graphiql-answer');
    expect(await page.textContent('.graphiql-response')).toMatch(/"totalCount":\s*3/);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses an inline script, as the policy says', async () => {
    const { page, violations } = await session.newPage();
    await page.goto(`${session.root}eli/un/E/RES/2017/18/op/2`);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.append(script);
    });
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
    expect(violations.join('\n')).toMatch(/script-src/);
    expect(CONTENT_SECURITY_POLICY['script-src']).toEqual(["'self'"]);
    await page.close();
  });
});

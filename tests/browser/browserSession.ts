/** A real browser for the page tests: Debian's chromium, driven by playwright-core, with a
 *  fresh profile, against the service listening on 127.0.0.1. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, HAS_CHROMIUM, launchChromiumContext } from './chromium';
import { listen, startService, type ServiceUnderTest } from '../web/serviceUnderTest';

/** Where screenshots are kept as test artefacts (git-ignored). */
export const SCREENSHOTS = join(__dirname, '..', '..', 'test-artifacts', 'screenshots');
export const VIEWPORT = { width: 1400, height: 900 };

export interface BrowserSession {
  service: ServiceUnderTest;
  /** The service's root URL, ending in '/'. */
  root: string;
  context: BrowserContext;
  /** A new page that records every URL it requests, every script error and every
   *  Content-Security-Policy violation (the console's report and the page's
   *  securitypolicyviolation events alike, both also counted in `errors`). */
  newPage(): Promise<{ page: Page; requests: string[]; errors: string[]; violations: string[] }>;
  screenshot(page: Page, name: string, fullPage?: boolean): Promise<string>;
  close(): Promise<void>;
}

/** `start` gives the service to browse (by default the one over the project's data). */
export async function openBrowserSession(start: () => Promise<ServiceUnderTest> = startService): Promise<BrowserSession> {
  if (!HAS_CHROMIUM) {
    throw new Error(`${CHROMIUM} is missing: the browser tests need Debian's chromium (apt-get install -y --no-install-recommends chromium)`);
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'unkg-chromium-'));
  const service = await start();
  let context: BrowserContext | undefined;
  try {
    const root = await listen(service.app);
    context = await launchChromiumContext(profile, VIEWPORT);
    const browser = context;
    return {
      service,
      root,
      context: browser,
      async newPage() {
        const page = await browser.newPage();
        const requests: string[] = [];
        const errors: string[] = [];
        const violations: string[] = [];
        const violation = (text: string) => {
          violations.push(text);
          errors.push(text);
        };
        page.on('request', (request) => requests.push(request.url()));
        page.on('pageerror', (error) => errors.push(error.message));
        page.on('console', (message) => {
          if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violation(message.text());
        });
        await page.exposeFunction('reportCspViolation', violation);
        await page.addInitScript(() => {
          document.addEventListener('securitypolicyviolation', (event) => {
            const report = (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation;
            report(`securitypolicyviolation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
          });
        });
        return { page, requests, errors, violations };
      },
      async screenshot(page, name, fullPage = false) {
        const path = join(SCREENSHOTS, `${name}.png`);
        await page.screenshot({ path, fullPage });
        return path;
      },
      async close() {
        await browser.close();
        await service.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close();
    await service.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

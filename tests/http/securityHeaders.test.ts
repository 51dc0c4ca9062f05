import { SECURITY_HEADERS } from '../../src/http';
import { buildTestApp, type TestApp } from '../helpers';

describe('the security headers', () => {
  let t: TestApp;
  beforeAll(async () => (t = await buildTestApp()));
  afterAll(() => t.close());

  it('are helmet’s for the service’s policy', () => {
    expect(SECURITY_HEADERS['x-content-type-options']).toBe('nosniff');
    expect(SECURITY_HEADERS['x-frame-options']).toBe('SAMEORIGIN');
    expect(SECURITY_HEADERS['cross-origin-resource-policy']).toBe('cross-origin');
    expect(SECURITY_HEADERS['content-security-policy']).toContain("script-src 'self';");
    expect(SECURITY_HEADERS['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(SECURITY_HEADERS).not.toHaveProperty('strict-transport-security');
    expect(SECURITY_HEADERS).not.toHaveProperty('cross-origin-embedder-policy');
  });

  it.each([
    ['a page', { url: '/' }, 200],
    ['a query answer', { url: `/sparql?query=${encodeURIComponent('ASK {}')}` }, 200],
    ['a bad query', { url: `/sparql?query=${encodeURIComponent('ASK {')}` }, 400],
    ['an unknown path', { url: '/no/such/page' }, 404],
    ['a refused write', { method: 'PUT' as const, url: '/store?default', payload: '', headers: { 'content-type': 'text/turtle' } }, 403],
  ])('come with %s', async (_, request, status) => {
    const response = await t.app.inject(request);
    expect(response.statusCode).toBe(status);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers[name]).toBe(value);
  });
});

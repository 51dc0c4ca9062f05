import { buildTestApp, WRITE_TOKEN, type TestApp } from '../helpers';

const EDITOR = 'https://editor.example.org';
const ELSEWHERE = 'https://elsewhere.example';

const preflight = (t: TestApp, origin: string, method: string, headers: string) =>
  t.app.inject({
    method: 'OPTIONS',
    url: '/store?default',
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers },
  });

describe('CORS', () => {
  describe('without named write origins', () => {
    let t: TestApp;
    beforeAll(async () => (t = await buildTestApp({ env: { UNKG_WRITE_TOKEN: WRITE_TOKEN } })));
    afterAll(() => t.close());

    it('lets any origin read, with the headers reading needs', async () => {
      const response = await preflight(t, ELSEWHERE, 'POST', 'content-type,accept');
      expect(response.statusCode).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe('*');
      expect(response.headers['access-control-allow-methods']).toBe('GET, HEAD, POST');
      expect(String(response.headers['access-control-allow-headers']).split(', ')).toEqual(expect.arrayContaining(['Accept', 'Content-Type']));
    });

    it('does not offer Authorization to any origin', async () => {
      const response = await preflight(t, ELSEWHERE, 'PUT', 'authorization,content-type');
      expect(String(response.headers['access-control-allow-headers']).toLowerCase()).not.toContain('authorization');
      expect(response.headers['access-control-allow-methods']).not.toContain('PUT');
    });

    it('exposes the request id and Retry-After to readers', async () => {
      const response = await t.app.inject({ url: '/health', headers: { origin: ELSEWHERE } });
      expect(String(response.headers['access-control-expose-headers'])).toContain('X-Request-Id');
      expect(String(response.headers['access-control-expose-headers'])).toContain('Retry-After');
    });
  });

  describe('with UNKG_CORS_WRITE_ORIGINS', () => {
    let t: TestApp;
    beforeAll(async () => (t = await buildTestApp({ env: { UNKG_WRITE_TOKEN: WRITE_TOKEN, UNKG_CORS_WRITE_ORIGINS: EDITOR } })));
    afterAll(() => t.close());

    it('offers Authorization and the write methods to the named origin only', async () => {
      const named = await preflight(t, EDITOR, 'PUT', 'authorization,content-type');
      expect(named.headers['access-control-allow-origin']).toBe(EDITOR);
      expect(String(named.headers['access-control-allow-headers'])).toContain('Authorization');
      expect(named.headers['access-control-allow-methods']).toBe('GET, HEAD, POST, PUT, DELETE');
      expect(String(named.headers.vary)).toContain('Origin');

      const other = await preflight(t, ELSEWHERE, 'PUT', 'authorization,content-type');
      expect(other.headers['access-control-allow-origin']).toBe('*');
      expect(String(other.headers['access-control-allow-headers']).toLowerCase()).not.toContain('authorization');
    });
  });
});

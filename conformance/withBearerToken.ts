/** Makes every `fetch` to one origin carry `Authorization: Bearer <token>`, until the returned
 *  function is called. The protocol test runner sends its requests with the global fetch and
 *  has no way to pass credentials; the service under test keeps its normal rule (writes need
 *  the token), so the update tests exercise that rule instead of an open endpoint, and the
 *  negative update tests fail for the reason they name, not for a missing token. A request
 *  that already carries an Authorization header keeps it. */
export function withBearerToken(origin: string, token: string): () => void {
  const original = globalThis.fetch;
  globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (new URL(url).origin !== origin) return original(input, init);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    if (!headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
    return original(input, { ...init, headers });
  };
  return () => {
    globalThis.fetch = original;
  };
}

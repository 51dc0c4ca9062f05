import { PRESSURE_GRACE_MS } from '../src/http';
import { buildTestApp, type TestApp } from './helpers';

const ASK = `/sparql?query=${encodeURIComponent('ASK {}')}`;

describe('the per-client request rate', () => {
  let t: TestApp;
  beforeAll(async () => (t = await buildTestApp({ env: { UNKG_RATE_LIMIT: '3' } })));
  afterAll(() => t.close());

  it('answers a client past its rate with 429 and when to come back, sparing health probes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.app.inject({ url: ASK, remoteAddress: '192.0.2.1' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await t.app.inject({ url: ASK, remoteAddress: '192.0.2.1' });
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.json().message).toMatch(/Rate limit exceeded/);
    expect((await t.app.inject({ url: ASK, remoteAddress: '192.0.2.2' })).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await t.app.inject({ url: '/health', remoteAddress: '192.0.2.1' })).statusCode).toBe(200);
  });
});

describe('clients behind a trusted reverse proxy', () => {
  let t: TestApp;
  beforeAll(async () => (t = await buildTestApp({ env: { UNKG_RATE_LIMIT: '2', UNKG_TRUST_PROXY: '192.0.2.10,198.51.100.0/24' } })));
  afterAll(() => t.close());
  const ask = (remoteAddress: string, forwardedFor?: string) =>
    t.app.inject({ url: ASK, remoteAddress, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });

  it('are each counted as the address the proxy forwards; other peers cannot choose theirs', async () => {
    const viaProxy: number[] = [];
    for (const client of ['203.0.113.1', '203.0.113.1', '203.0.113.1', '203.0.113.2', '203.0.113.2'])
      viaProxy.push((await ask('192.0.2.10', client)).statusCode);
    expect(viaProxy).toEqual([200, 200, 429, 200, 200]);
    // From a proxy in the trusted range too.
    expect((await ask('198.51.100.7', '203.0.113.1')).statusCode).toBe(429);
    // A peer that is not a trusted proxy counts as itself whatever it forwards.
    const direct: number[] = [];
    for (const forged of ['203.0.113.3', '203.0.113.4', '203.0.113.5']) direct.push((await ask('192.0.2.99', forged)).statusCode);
    expect(direct).toEqual([200, 200, 429]);
  });

  it('takes the public URL from the proxy forwarded host and scheme', async () => {
    const response = await t.app.inject({
      url: '/.well-known/void',
      remoteAddress: '192.0.2.10',
      headers: { accept: 'application/n-triples', 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'kg.example.net' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<https://kg.example.net/sparql>');
  });
});

describe('clients behind a trusted number of proxies', () => {
  let t: TestApp;
  beforeAll(async () => (t = await buildTestApp({ env: { UNKG_RATE_LIMIT: '1', UNKG_TRUST_PROXY: '1' } })));
  afterAll(() => t.close());

  it('are the address the nearest proxy saw, not what the client wrote before it', async () => {
    const ask = (forwardedFor: string) => t.app.inject({ url: ASK, remoteAddress: '192.0.2.10', headers: { 'x-forwarded-for': forwardedFor } });
    expect((await ask('198.51.100.1, 203.0.113.1')).statusCode).toBe(200);
    // The same client, whatever it claims to forward.
    expect((await ask('198.51.100.2, 203.0.113.1')).statusCode).toBe(429);
    expect((await ask('198.51.100.1, 203.0.113.2')).statusCode).toBe(200);
  });
});

describe('the event-loop check', () => {
  let t: TestApp;
  beforeAll(async () => (t = await buildTestApp({ env: { UNKG_MAX_EVENT_LOOP_DELAY_MS: '50' } })));
  afterAll(() => t.close());

  const block = (ms: number) => {
    const until = Date.now() + ms;
    while (Date.now() < until);
  };
  const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('answers 503 with Retry-After while the event loop lags, sparing health probes, and recovers', async () => {
    await tick(PRESSURE_GRACE_MS);
    expect((await t.app.inject(ASK)).statusCode).toBe(200);
    // A loop lagging 150 ms at every turn for 1.2 s (two samples of the delay).
    for (let i = 0; i < 8; i++) {
      block(150);
      await tick(1);
    }
    const refused = await t.app.inject(ASK);
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.json().message).toMatch(/The service is overloaded \(eventLoopDelay/);
    expect((await t.app.inject('/health')).statusCode).toBe(200);
    await tick(1_200);
    expect((await t.app.inject(ASK)).statusCode).toBe(200);
  });
});

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

import {
  createStore,
  openStore,
  QueryCancelledError,
  QueryTimeoutError,
  QueryTooComplexError,
  StoreBusyError,
  StoreFailureError,
  type OxigraphStore,
} from '../../../src/graph';
import { WorkerPool } from '../../../src/graph/embedded/WorkerPool';
import { EX, generatedTriples, waitFor } from '../../helpers';

/** Three joined copies of 1,500 triples: minutes of work. */
const ENDLESS = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }';
const QUICK = `SELECT ?v WHERE { <${EX}item/7> <${EX}value> ?v }`;
const NESTED = (depth: number) => `SELECT * WHERE ${'{ '.repeat(depth)}?s ?p ?o${' }'.repeat(depth)}`;
const DATA = { data: generatedTriples(1500), format: 'application/n-triples' as const };

const value = (body: string) => JSON.parse(body).results.bindings[0].v.value as string;

describe('a worker whose engine failed', () => {
  it('is never handed another job: every query sent right after the failure is answered', async () => {
    const pool = new WorkerPool({
      size: 2,
      spares: 1,
      init: () => ({ init: { sources: [DATA], journal: [], unionDefaultGraph: true }, position: 0 }),
      journalSince: () => [],
    });
    await pool.start();
    try {
      await waitFor(() => pool.stats().spares === 1);
      // Sent to the pool directly: the store itself refuses this query before any worker sees it.
      const trap = pool.read({ kind: 'query', request: { sparql: NESTED(900), format: 'application/sparql-results+json' } }, { timeoutMs: 10_000 });
      const cheap = Array.from({ length: 40 }, () =>
        pool.read({ kind: 'query', request: { sparql: QUICK, format: 'application/sparql-results+json' } }, { timeoutMs: 10_000 }),
      );
      await expect(trap).rejects.toThrow(StoreFailureError);
      await expect(trap).rejects.toThrow(/memory access out of bounds/);
      const answers = await Promise.all(cheap);
      expect(answers.map((body) => value(body as string))).toEqual(Array(40).fill('7'));
      expect(pool.counts().replacements).toBe(1);
      expect(pool.stats().workers).toBe(2);
    } finally {
      await pool.close();
    }
  });
});

describe('admission to the embedded store', () => {
  let store: OxigraphStore;
  afterEach(() => store?.close());

  it('refuses a query nested deeper than the engine can evaluate, before any worker sees it', async () => {
    store = await createStore({ sources: [DATA], workers: 1, spareWorkers: 0 });
    await expect(store.query(NESTED(700))).rejects.toThrow(QueryTooComplexError);
    await expect(store.query(NESTED(700))).rejects.toThrow('nests groups and parentheses more than 64 deep (at line 1, column 144)');
    await expect(store.query(NESTED(60))).resolves.toMatchObject({ form: 'SELECT' });
    expect(store.status().counters.replacements).toBe(0);
  });

  it('refuses with StoreBusyError and a retry delay once the queue is full', async () => {
    store = await createStore({ sources: [DATA], workers: 1, spareWorkers: 0, queueLimit: 2, timeoutMs: 1_500 });
    const running = store.query(ENDLESS).catch((error: Error) => error);
    await waitFor(() => store.status().workers.busy === 1);
    const queued = [store.query(QUICK), store.query(QUICK)].map((query) => query.catch((error: Error) => error));
    const refused = store.query(QUICK);
    await expect(refused).rejects.toThrow(StoreBusyError);
    await expect(refused).rejects.toMatchObject({ retryAfterS: 2 });
    expect(store.status()).toMatchObject({ ready: false, reason: 'the query queue is full', queue: { depth: 2, limit: 2 }, counters: { refusals: 1 } });
    expect(await running).toBeInstanceOf(QueryTimeoutError);
    // The queued ones waited as long as the running one ran: their deadline passed with it.
    for (const outcome of await Promise.all(queued)) expect(outcome).toBeInstanceOf(QueryTimeoutError);
  });

  it('limits what one client may have queued or running, and keeps a worker free for the others', async () => {
    store = await createStore({ sources: [DATA], workers: 2, spareWorkers: 0, clientQueryLimit: 3, timeoutMs: 2_000 });
    const hostile = [1, 2, 3].map(() => store.query(ENDLESS, { clientId: 'hostile' }).catch((error: Error) => error));
    await expect(store.query(ENDLESS, { clientId: 'hostile' })).rejects.toThrow('This client already has 3 queries queued or running');
    await waitFor(() => store.status().workers.busy === 1);
    const started = Date.now();
    const answers: string[] = [];
    for (let round = 0; round < 10; round++) {
      const pair = await Promise.all([store.query(QUICK, { clientId: 'other' }), store.query(QUICK, { clientId: 'other' })]);
      answers.push(...pair.map(({ body }) => value(body)));
    }
    expect(answers).toEqual(Array(20).fill('7'));
    expect(Date.now() - started).toBeLessThan(1_000);
    // Only one of the hostile client's queries ran at a time.
    expect(store.status().workers.busy).toBe(1);
    for (const outcome of await Promise.all(hostile)) expect(outcome).toBeInstanceOf(QueryTimeoutError);
  });

  it('drops a queued query whose client went away, and stops a running one', async () => {
    store = await createStore({ sources: [DATA], workers: 1, spareWorkers: 1, timeoutMs: 30_000 });
    await waitFor(() => store.status().workers.total === 2 && store.status().workers.loading === 0);
    const running = new AbortController();
    const waiting = new AbortController();
    const endless = store.query(ENDLESS, { signal: running.signal });
    const queued = store.query(ENDLESS, { signal: waiting.signal });
    await waitFor(() => store.status().workers.busy === 1 && store.status().queue.depth === 1);
    waiting.abort();
    await expect(queued).rejects.toThrow(QueryCancelledError);
    expect(store.status().queue.depth).toBe(0);
    const stopped = Date.now();
    running.abort();
    await expect(endless).rejects.toThrow(QueryCancelledError);
    // The spare takes the stopped worker's place at once: no reload before the next answer.
    const { body } = await store.query(QUICK);
    expect(value(body)).toBe('7');
    expect(Date.now() - stopped).toBeLessThan(1_000);
    expect(store.status().counters).toMatchObject({ cancellations: 2, replacements: 1 });
  });

  it('refuses a query whose deadline has already passed without queueing it', async () => {
    store = await createStore({ sources: [DATA], workers: 1, spareWorkers: 0 });
    await expect(store.query(QUICK, { deadline: Date.now() - 1 })).rejects.toThrow(QueryTimeoutError);
    expect(store.status().counters.timeouts).toBe(1);
  });

  it('reports not ready while the data loads, then answers', async () => {
    store = await openStore({ sources: [{ data: generatedTriples(30_000), format: 'application/n-triples' }], workers: 1, spareWorkers: 0 });
    expect(store.status()).toMatchObject({ ready: false, reason: 'query workers are loading the data', workers: { loading: 1 } });
    const early = store.query(QUICK);
    await store.whenLoaded();
    expect(store.status().ready).toBe(true);
    expect(value((await early).body)).toBe('7');
  });
});

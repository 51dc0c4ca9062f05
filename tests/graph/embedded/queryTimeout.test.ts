import { createStore, QueryTimeoutError, type OxigraphStore } from '../../../src/graph';
import { EX, generatedTriples, waitFor } from '../../helpers';

/** Three joined copies of 1,500 triples: 3.4 billion rows to count, minutes of work. */
const ENDLESS = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }';
const QUICK = `SELECT ?v WHERE { <${EX}item/7> <${EX}value> ?v }`;
const TIMEOUT_MS = 500;

describe('a query past its time limit', () => {
  let store: OxigraphStore;
  beforeAll(async () => {
    store = await createStore({
      sources: [{ data: generatedTriples(1500), format: 'application/n-triples' }],
      workers: 2,
      spareWorkers: 0,
      timeoutMs: TIMEOUT_MS,
    });
  });
  afterAll(() => store.close());

  const answer = async (query: string) => JSON.parse((await store.query(query)).body).results.bindings[0].v.value;

  it('is stopped with QueryTimeoutError while another worker keeps answering', async () => {
    const started = Date.now();
    const endless = store.query(ENDLESS);
    const quick = store.query(QUICK);
    await expect(quick).resolves.toMatchObject({ form: 'SELECT' });
    await expect(endless).rejects.toThrow(QueryTimeoutError);
    await expect(endless).rejects.toThrow(`stopped after ${TIMEOUT_MS} ms`);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 2_000);
  });

  it('accepts writes while the stopped worker reloads, and the new worker catches up', async () => {
    expect(store.stats().workers).toBeLessThan(2);
    await store.update(`INSERT DATA { <${EX}item/7> <${EX}value> "after the timeout" }`);
    await waitFor(() => store.stats().workers === 2);
    const answers = await Promise.all([store.query(QUICK), store.query(QUICK)]);
    for (const { body } of answers) {
      expect(
        JSON.parse(body)
          .results.bindings.map((row: { v: { value: string } }) => row.v.value)
          .sort(),
      ).toEqual(['7', 'after the timeout']);
    }
  });

  it('serves again on both workers afterwards', async () => {
    await expect(Promise.all([answer(QUICK), answer(QUICK), answer(QUICK)])).resolves.toHaveLength(3);
    expect(store.stats()).toMatchObject({ workers: 2, starting: 0, busy: 0, queued: 0 });
  });

  it('counts the time a query waits for a worker in its time limit', async () => {
    await waitFor(() => store.stats().workers === 2);
    const started = Date.now();
    const endless = [store.query(ENDLESS), store.query(ENDLESS)].map((query) => expect(query).rejects.toThrow(QueryTimeoutError));
    const queued = store.query(QUICK);
    await expect(queued).rejects.toThrow(QueryTimeoutError);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 300);
    await Promise.all(endless);
    expect(store.status().counters.timeouts).toBeGreaterThanOrEqual(4);
  });

  it('lets a queued query wait for a free worker within its own deadline', async () => {
    await waitFor(() => store.stats().workers === 2);
    const endless = [store.query(ENDLESS, { timeoutMs: 300 }), store.query(ENDLESS, { timeoutMs: 300 })];
    const queued = store.query(QUICK, { timeoutMs: 10_000 });
    await Promise.all(endless.map((query) => expect(query).rejects.toThrow(QueryTimeoutError)));
    await expect(queued).resolves.toMatchObject({ form: 'SELECT' });
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { startServer, type RunningServer } from '../src/server';
import { EX, generatedTriples, SPARQL_FIXTURES } from './helpers';

describe('the server starting on data that takes a while to load', () => {
  let root: string;
  let server: RunningServer | undefined;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'unkg-quickstart-'));
    mkdirSync(join(root, 'graph'));
    writeFileSync(join(root, 'graph', 'items.nq'), generatedTriples(150_000, `${EX}graph/items`));
  });
  afterAll(async () => {
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('listens at once, says it is not ready while loading, and answers once the first worker holds the data', async () => {
    const started = Date.now();
    server = await startServer(
      loadConfig({
        UNKG_PORT: '0',
        UNKG_LOG_LEVEL: 'silent',
        UNKG_JOURNAL: 'none',
        UNKG_WORKERS: '2',
        UNKG_GRAPH_DIR: join(root, 'graph'),
        UNKG_ONTOLOGY_DIR: join(SPARQL_FIXTURES, 'ontology'),
        UNKG_REFERENCE_DIR: join(SPARQL_FIXTURES, 'reference'),
      }),
      {},
      { waitForData: false },
    );
    const listening = Date.now() - started;
    expect(server.store.status()).toMatchObject({ ready: false, reason: 'query workers are loading the data' });
    expect((await fetch(`${server.url}health`)).status).toBe(200);
    const early = fetch(`${server.url}sparql?query=${encodeURIComponent(`SELECT ?v WHERE { <${EX}item/149999> <${EX}value> ?v }`)}`, {
      headers: { accept: 'application/sparql-results+json' },
    });
    const answer = await early;
    const answered = Date.now() - started;
    expect([answer.status, answer.status === 200 ? '' : await answer.text()]).toEqual([200, '']);
    expect(((await answer.json()) as { results: { bindings: Array<{ v: { value: string } }> } }).results.bindings[0].v.value).toBe('149999');
    expect(server.store.status().ready).toBe(true);
    expect(listening).toBeLessThan(answered);
    process.stdout.write(
      `quick start: listening after ${listening} ms, first answer after ${answered} ms, workers ${JSON.stringify(server.store.status().workers)}\n`,
    );
  }, 60_000);
});

import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGraph } from '../../src/commands';
import { loadConfig } from '../../src/config';
import { startServer, type RunningServer } from '../../src/server';
import { DEFAULT_BASE } from '../../src/vocab';
import { form } from '../helpers';
import { EN_FIXTURE } from '../ingest/fixtures';
import { unkg } from '../unkgCommand';
import { ONTOLOGY_DIR, SEED_FIXTURE, SEED_REFERENCE, SEED_SOURCE } from '../seedData';

/** A running service and `unkg build` in another process, as a user runs them: what the
 *  build writes shows in the service's SPARQL and GraphQL answers without a restart. */

const ADDED = 'A/RES/99/901';
const ADDED_IRI = `${DEFAULT_BASE}eli/un/${ADDED}`;
const SEED_IRI = `${DEFAULT_BASE}eli/un/E/RES/2017/18`;
/** The acceptance bound: from the end of the build to the answer. */
const VISIBLE_WITHIN_MS = 5000;

function unkgBuild(args: string[]) {
  const r = unkg(['build', ...args]);
  if (r.code !== 0) throw new Error(`unkg build failed: ${r.stderr}`);
}

describe('data that updates without a restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unkg-live-'));
  const sources = join(dir, 'sources');
  const graph = join(dir, 'graph');
  const journal = join(dir, 'journal.jsonl');
  const build = () => unkgBuild(['--sources', sources, '--out', graph, '--reference', SEED_REFERENCE, '--no-clauses']);
  let server: RunningServer;

  beforeAll(async () => {
    cpSync(join(SEED_FIXTURE, 'sources'), sources, { recursive: true });
    mkdirSync(graph);
    await buildGraph({ inputs: [SEED_SOURCE], outDir: graph, referenceDir: SEED_REFERENCE, base: DEFAULT_BASE });
    server = await startServer(
      loadConfig({
        UNKG_PORT: '0',
        UNKG_WORKERS: '2',
        UNKG_LOG_LEVEL: 'silent',
        UNKG_JOURNAL: journal,
        UNKG_GRAPH_DIR: graph,
        UNKG_ONTOLOGY_DIR: ONTOLOGY_DIR,
        UNKG_REFERENCE_DIR: SEED_REFERENCE,
        // The readers below are one client polling hard from one address: admission limits
        // (tested in tests/hostile) would refuse them, which is not what this test is about.
        UNKG_RATE_LIMIT: '0',
        UNKG_CLIENT_QUERIES: '1000',
        UNKG_MAX_EVENT_LOOP_DELAY_MS: '0',
      }),
    );
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const count = async (query: string): Promise<number> => {
    const response = await fetch(`${server.url}sparql?${form(['query', query])}`, {
      headers: { accept: 'application/sparql-results+json', 'cache-control': 'no-cache' },
    });
    if (!response.ok) throw new Error(`${response.status} for ${query}: ${await response.text()}`);
    const json = (await response.json()) as { results: { bindings: Array<{ n: { value: string } }> } };
    return Number(json.results.bindings[0].n.value);
  };
  const paragraphsOf = (doc: string) => count(`SELECT (COUNT(?p) AS ?n) WHERE { ?p <http://data.europa.eu/eli/ontology#is_part_of> <${doc}> }`);
  const triplesIn = (graphIri: string) => count(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${graphIri}> { ?s ?p ?o } }`);
  const graphqlTitle = async (symbol: string): Promise<string | null> => {
    const response = await fetch(`${server.url}graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: 'query($s: String!) { resolution(symbol: $s) { title(lang: ["en"]) } }', variables: { s: symbol } }),
    });
    const body = (await response.json()) as { data: { resolution: { title: string } | null } };
    return body.data.resolution?.title ?? null;
  };
  /** Polls until `check` holds; resolves with the milliseconds it took. */
  const within = async (ms: number, check: () => Promise<boolean>): Promise<number> => {
    const started = Date.now();
    while (!(await check())) {
      if (Date.now() - started > ms) throw new Error(`not visible after ${ms} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return Date.now() - started;
  };

  it('a resolution added to the sources and built shows in SPARQL and GraphQL within 5 s', async () => {
    const seedParagraphs = await paragraphsOf(SEED_IRI);
    expect(seedParagraphs).toBe(37);
    expect(await paragraphsOf(ADDED_IRI)).toBe(0);
    expect(await graphqlTitle(ADDED)).toBeNull();
    writeFileSync(join(sources, 'A-RES-99-901.en.md'), readFileSync(EN_FIXTURE, 'utf8').replaceAll('72/195', '99/901'));
    build();
    const elapsed = await within(VISIBLE_WITHIN_MS, async () => (await paragraphsOf(ADDED_IRI)) > 0);
    expect(elapsed).toBeLessThan(VISIBLE_WITHIN_MS);
    expect(await graphqlTitle(ADDED)).toBe('Improving the coordination of efforts against trafficking in persons');
    // The seed, built again unchanged, is still all there.
    expect(await paragraphsOf(SEED_IRI)).toBe(seedParagraphs);
  });

  it('readers see the old graph or the new one while it is replaced, never a part of it', async () => {
    const before = await triplesIn(SEED_IRI);
    const text = readFileSync(join(sources, 'E-RES-2017-18.fr.md'), 'utf8');
    // The text without its last operative paragraph.
    const lastOp = text.lastIndexOf('\n13. ');
    expect(lastOp).toBeGreaterThan(0);
    writeFileSync(join(sources, 'E-RES-2017-18.fr.md'), text.slice(0, lastOp) + text.slice(text.indexOf('\n\n', lastOp + 2)));
    build();
    const seen = new Set<number>();
    await within(VISIBLE_WITHIN_MS, async () => {
      const counts = await Promise.all(Array.from({ length: 4 }, () => triplesIn(SEED_IRI)));
      for (const n of counts) seen.add(n);
      return counts.every((n) => n !== before);
    });
    const after = await triplesIn(SEED_IRI);
    expect(after).toBeLessThan(before);
    expect([...seen].filter((n) => n !== before && n !== after)).toEqual([]);
  });

  it('a removed graph file drops its graph; nothing of this is written to the journal', async () => {
    rmSync(join(graph, 'A-RES-99-901.nq'));
    await within(VISIBLE_WITHIN_MS, async () => (await paragraphsOf(ADDED_IRI)) === 0);
    expect(await graphqlTitle(ADDED)).toBeNull();
    await server.watcher!.settled();
    expect(existsSync(journal) ? readFileSync(journal, 'utf8') : '').toBe('');
  });
});

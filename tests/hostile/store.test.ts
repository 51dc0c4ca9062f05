/** Hostile and careless clients against a real listening server: the store side (isolation,
 *  admission, cancellation, start-up with a long write history). Each client connects from
 *  its own loopback address, as distinct clients on a network would. Short by default (CI);
 *  UNKG_HOSTILE_LONG=1 (`npm run loadtest:store`) runs the long forms of the cases. */
import { setMaxListeners } from 'node:events';
import { Agent, request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Env } from '../../src/config';
import { startServer, type RunningServer } from '../../src/server';
import type { OxigraphStore } from '../../src/graph';
import { EX, generatedTriples, SPARQL_FIXTURES } from '../helpers';

const LONG = Boolean(process.env.UNKG_HOSTILE_LONG);
/** How long the hostile client loops its deep query (the figure is 15 s). */
const NESTED_LOOP_MS = LONG ? 15_000 : 3_000;
/** How long the second client runs lookups while the first floods. */
const LOOKUP_MS = LONG ? 15_000 : 4_000;
/** Journal entries of the start-up case. */
const JOURNAL_ENTRIES = 20_000;

/** Three joined copies of the data: minutes of work, stopped only by its deadline. */
const EXPENSIVE = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }';
const LOOKUP = (i: number) => `SELECT ?v WHERE { <${EX}item/${i % 1500}> <${EX}value> ?v }`;
const NESTED = `SELECT * WHERE ${'{'.repeat(700)} ?s ?p ?o ${'}'.repeat(700)}`;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  ms: number;
}

/** One GET /sparql, from `agent`'s local address; `signal` closes the connection. */
function ask(server: RunningServer, query: string, agent: Agent, signal?: AbortSignal): Promise<Answer> {
  const started = performance.now();
  const url = new URL(`sparql?query=${encodeURIComponent(query)}`, server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent, headers: { accept: 'application/sparql-results+json' }, signal }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, ms: performance.now() - started }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** A client at its own loopback address with up to `connections` kept-alive connections. */
const client = (address: string, connections = 10) => new Agent({ keepAlive: true, maxSockets: connections, localAddress: address });

/** Runs `connections` loops of `step` until `ms` have passed. */
async function loop<T>(connections: number, ms: number, step: (i: number) => Promise<T>): Promise<T[]> {
  const until = Date.now() + ms;
  const results: T[] = [];
  let i = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < until) results.push(await step(i++));
    }),
  );
  return results;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - started;
}

function dataDir(root: string): Env {
  const graphDir = join(root, 'graph');
  mkdirSync(graphDir, { recursive: true });
  writeFileSync(join(graphDir, 'items.nq'), generatedTriples(1500, `${EX}graph/items`));
  return {
    UNKG_PORT: '0',
    UNKG_LOG_LEVEL: 'silent',
    UNKG_GRAPH_DIR: graphDir,
    UNKG_ONTOLOGY_DIR: join(SPARQL_FIXTURES, 'ontology'),
    UNKG_REFERENCE_DIR: join(SPARQL_FIXTURES, 'reference'),
  };
}

const figures: Record<string, unknown> = {};

describe('hostile clients against the store, over real sockets', () => {
  let root: string;
  let server: RunningServer;
  const agents: Agent[] = [];
  const agent = (address: string, connections?: number) => {
    const made = client(address, connections);
    agents.push(made);
    return made;
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'unkg-hostile-'));
    // The rate limit and the event-loop check are tested on their own (tests/appAdmission.test.ts):
    // here the first would stop the lookup clients long before the store is the bottleneck,
    // and the second would answer 503 whenever the shared test machine starves the process.
    server = await startServer(
      loadConfig({ ...dataDir(root), UNKG_JOURNAL: 'none', UNKG_WORKERS: '2', UNKG_RATE_LIMIT: '0', UNKG_MAX_EVENT_LOOP_DELAY_MS: '0' }),
    );
    await waitFor(() => server.store.status().workers.total === 3 && server.store.status().workers.loading === 0, 30_000);
  }, 60_000);
  afterAll(async () => {
    for (const made of agents) made.destroy();
    await server?.close();
    rmSync(root, { recursive: true, force: true });
    process.stdout.write(`hostile store figures: ${JSON.stringify(figures)}\n`);
  });

  it(
    `refuses a client looping a 700-brace query with 400, while another's lookups all succeed`,
    async () => {
      const hostile = agent('127.0.0.2', 1);
      const other = agent('127.0.0.3', 4);
      const [deep, cheap] = await Promise.all([
        loop(1, NESTED_LOOP_MS, () => ask(server, NESTED, hostile)),
        loop(4, NESTED_LOOP_MS, (i) => ask(server, LOOKUP(i), other)),
      ]);
      const deepStatuses = [...new Set(deep.map((answer) => answer.status))];
      const failed = cheap.filter((answer) => answer.status < 200 || answer.status >= 300);
      figures.nested = {
        hostileRequests: deep.length,
        hostileStatuses: deepStatuses,
        lookups: cheap.length,
        lookupFailures: failed.length,
        lookupP99Ms: Math.round(
          percentile(
            cheap.map((a) => a.ms),
            99,
          ),
        ),
      };
      expect(deepStatuses).toEqual([400]);
      expect(JSON.parse(deep[0].body).message).toMatch(/nests groups and parentheses more than 64 deep/);
      expect(failed).toEqual([]);
      expect(server.store.status().counters.replacements).toBe(0);
    },
    NESTED_LOOP_MS + 20_000,
  );

  it('drops 30 expensive queries abandoned after 1 s: the next cheap query answers within 1 s and no worker stays busy', async () => {
    const controller = new AbortController();
    setMaxListeners(0, controller.signal);
    const before = server.store.status().counters;
    const abandoned = Array.from({ length: 30 }, (_, i) =>
      ask(server, EXPENSIVE, agent(`127.0.1.${i + 1}`, 1), controller.signal).catch((error: Error) => error),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    controller.abort();
    const disconnected = Date.now();
    await Promise.all(abandoned);
    const cheap = await ask(server, LOOKUP(7), agent('127.0.0.4', 1));
    const idleAfterMs = await waitFor(() => server.store.status().workers.busy === 0 && server.store.status().queue.depth === 0, 1_000);
    const after = server.store.status().counters;
    figures.abandoned = {
      cheapAnswerMs: Math.round(cheap.ms),
      sinceDisconnectMs: Date.now() - disconnected,
      idleWithinMs: idleAfterMs,
      cancellations: after.cancellations - before.cancellations,
      replacements: after.replacements - before.replacements,
    };
    expect(cheap.status).toBe(200);
    expect(cheap.ms).toBeLessThan(1_000);
    expect(after.cancellations - before.cancellations).toBe(30);
  }, 30_000);

  it(
    'keeps a worker for a second client while the first sends 20 expensive queries at once: its excess gets 503 with Retry-After',
    async () => {
      await waitFor(() => server.store.status().workers.total === 3 && server.store.status().workers.loading === 0, 30_000);
      const controller = new AbortController();
      setMaxListeners(0, controller.signal);
      const flooder = agent('127.0.0.5', 20);
      const flood = Array.from({ length: 20 }, () => ask(server, EXPENSIVE, flooder, controller.signal).catch((error: Error) => error));
      await waitFor(() => server.store.status().workers.busy === 1, 5_000);
      const second = agent('127.0.0.6', 10);
      const lookups = await loop(10, LOOKUP_MS, (i) => ask(server, LOOKUP(i), second));
      controller.abort();
      const floodAnswers = (await Promise.all(flood)).filter((answer): answer is Answer => 'status' in answer);
      const failed = lookups.filter((answer) => answer.status !== 200);
      const p99 = percentile(
        lookups.map((a) => a.ms),
        99,
      );
      figures.flood = {
        lookups: lookups.length,
        lookupFailures: failed.length,
        lookupP50Ms: Math.round(
          percentile(
            lookups.map((a) => a.ms),
            50,
          ),
        ),
        lookupP99Ms: Math.round(p99),
        floodRefused: floodAnswers.filter((a) => a.status === 503).length,
        retryAfter: floodAnswers.map((a) => a.headers['retry-after'])[0],
      };
      expect(failed).toEqual([]);
      expect(p99).toBeLessThan(1_000);
      expect(floodAnswers.length).toBe(4);
      for (const answer of floodAnswers) {
        expect(answer.status).toBe(503);
        expect(answer.headers['retry-after']).toBe('2');
      }
    },
    LOOKUP_MS + 30_000,
  );
});

describe('start-up with a long write history', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'unkg-startup-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** Starts a server, times its first answer, and stops it. */
  async function firstAnswerMs(env: Env): Promise<{ ms: number; quads: number }> {
    const started = Date.now();
    const server = await startServer(loadConfig(env), {}, { waitForData: false });
    try {
      const answer = await ask(server, 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }', new Agent());
      const ms = Date.now() - started;
      if (answer.status !== 200) throw new Error(`${answer.status}: ${answer.body}`);
      await (server.store as OxigraphStore).compact();
      return { ms, quads: Number(JSON.parse(answer.body).results.bindings[0].n.value) };
    } finally {
      await server.close();
    }
  }

  it(`answers within 2 s of a start without a journal, after ${JOURNAL_ENTRIES} journaled writes`, async () => {
    const env = { ...dataDir(root), UNKG_WORKERS: '1', UNKG_SPARE_WORKERS: '0', UNKG_MAX_EVENT_LOOP_DELAY_MS: '0' };
    const journal = join(root, 'var', 'journal.jsonl');
    mkdirSync(join(root, 'var'));
    const at = new Date().toISOString();
    writeFileSync(
      journal,
      Array.from(
        { length: JOURNAL_ENTRIES },
        (_, i) =>
          JSON.stringify({
            v: 1,
            at,
            write: { op: 'update', sparql: `INSERT DATA { GRAPH <${EX}graph/notes> { <${EX}note/${i}> <${EX}text> "note ${i}" } }` },
          }) + '\n',
      ).join(''),
    );
    const empty = await firstAnswerMs({ ...env, UNKG_JOURNAL: 'none' });
    // The first start replays the whole history once, then compacts it into a snapshot.
    const replayed = await firstAnswerMs({ ...env, UNKG_JOURNAL: journal });
    const compacted = await firstAnswerMs({ ...env, UNKG_JOURNAL: journal });
    figures.startup = { withoutJournalMs: empty.ms, firstStartReplayingMs: replayed.ms, afterCompactionMs: compacted.ms };
    process.stdout.write(`start-up figures: ${JSON.stringify(figures.startup)}\n`);
    expect(compacted.quads).toBe(empty.quads + JOURNAL_ENTRIES);
    expect(replayed.quads).toBe(compacted.quads);
    expect(compacted.ms).toBeLessThan(empty.ms + 2_000);
  }, 120_000);
});

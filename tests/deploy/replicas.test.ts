import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** The scaled topology of scripts/topology/start.sh (Virtuoso, two app processes, nginx), on
 *  loopback: writes through either replica are seen through both, and killing one replica
 *  under a steady client costs no GET. */

jest.setTimeout(240_000);
const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'sparql');
const TOKEN = 'write-token-for-tests-0123456789';
/** The apps' UNKG_REMOTE_FRESHNESS_MS (the default): a write made through one replica is
 *  seen through the other within it. */
const FRESHNESS_MS = 2_000;

let env: Record<string, string>;
const count = async (base: string, subject: string) => {
  const response = await fetch(`${base}sparql?query=${encodeURIComponent(`SELECT (COUNT(*) AS ?n) WHERE { <${subject}> ?p ?o }`)}`, { headers: { accept: 'text/csv' } });
  return Number((await response.text()).split('\r\n')[1]);
};
const insert = (base: string, subject: string) =>
  fetch(`${base}sparql`, {
    method: 'POST',
    headers: { 'content-type': 'application/sparql-update', authorization: `Bearer ${TOKEN}` },
    body: `INSERT DATA { GRAPH <http://example.org/g/replicas> { <${subject}> <http://example.org/p> "written" } }`,
  });

beforeAll(async () => {
  const { stdout } = await run('bash', [join(ROOT, 'scripts/topology/start.sh')], {
    env: {
      ...process.env,
      TOPOLOGY_OWNER_PID: String(process.pid),
      TOPOLOGY_GRAPH_DIR: join(FIXTURES, 'graph'),
      TOPOLOGY_ONTOLOGY_DIR: join(FIXTURES, 'ontology'),
      TOPOLOGY_REFERENCE_DIR: join(FIXTURES, 'reference'),
      UNKG_WRITE_TOKEN: TOKEN,
    },
    timeout: 220_000,
  });
  const file = stdout.trim().split('\n').pop()!;
  env = Object.fromEntries(readFileSync(file, 'utf8').trim().split('\n').map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
  env.DIR = join(file, '..');
});
afterAll(async () => {
  if (env) await run('bash', [join(ROOT, 'scripts/topology/stop.sh'), env.DIR]);
});

async function seenWithin(base: string, subject: string, ms: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms + 3_000) {
    if ((await count(base, subject)) > 0) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Number.POSITIVE_INFINITY;
}

it('serves the published data through nginx and each replica alike', async () => {
  const subject = 'https://w3id.org/unkg/eli/un/E/RES/2017/18';
  const answers = await Promise.all([env.TOPOLOGY_URL, env.APP1_URL, env.APP2_URL].map((base) => count(base, subject)));
  expect(answers[0]).toBeGreaterThan(0);
  expect(new Set(answers).size).toBe(1);
});

it('shows a write made through one replica through the other, within the freshness window', async () => {
  for (const [writer, reader] of [
    [env.APP1_URL, env.APP2_URL],
    [env.APP2_URL, env.APP1_URL],
  ]) {
    const subject = `http://example.org/written-through/${writer.replace(/\D/g, '')}`;
    await count(reader, subject); // the reader may now hold the old answer in its cache
    expect((await insert(writer, subject)).status).toBe(204);
    await expect(count(writer, subject)).resolves.toBe(1);
    expect(await seenWithin(reader, subject, FRESHNESS_MS)).toBeLessThanOrEqual(FRESHNESS_MS + 250);
  }
});

it('answers every GET while one replica is killed under a steady client', async () => {
  const query = `${env.TOPOLOGY_URL}sparql?query=${encodeURIComponent('SELECT ?s WHERE { ?s a ?c } LIMIT 5')}`;
  const outcomes: number[] = [];
  let running = true;
  const client = async () => {
    while (running) {
      try {
        const response = await fetch(query, { headers: { accept: 'application/sparql-results+json', 'cache-control': 'no-cache' } });
        await response.text();
        outcomes.push(response.status);
      } catch {
        outcomes.push(0);
      }
    }
  };
  const clients = Array.from({ length: 4 }, client);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  process.kill(Number(env.APP1_PID), 'SIGKILL');
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  running = false;
  await Promise.all(clients);
  expect(outcomes.length).toBeGreaterThan(40);
  expect(outcomes.filter((status) => status !== 200)).toEqual([]);
});

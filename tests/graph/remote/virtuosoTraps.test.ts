import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createStore, QueryEvaluationError, QueryTimeoutError, type GraphStore } from '../../../src/graph';
import type { PrivateVirtuoso } from '../../../scripts/virtuoso/privateVirtuoso';
import { createVirtuosoStore } from '../../storeUnderTest';

/** Virtuoso's traps, each shown on the real server first (what a naive client would get),
 *  then met by the remote store. One private Virtuoso with a row cap of 100. */

jest.setTimeout(120_000);
const run = promisify(execFile);
const EX = 'http://example.org/';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const MAX_ROWS = 100;

const items = (count: number, graph: string) =>
  Array.from({ length: count }, (_, i) => `<${EX}item/${i}> <${EX}n> "${i}"^^<${XSD}integer> <${graph}> .`).join('\n');

const LITERALS = {
  format: 'text/turtle' as const,
  graph: `${EX}g/literals`,
  data: `@prefix ex: <${EX}> . @prefix xsd: <${XSD}> .
    ex:l ex:v "plain", "bonjour"@fr, "Hello"@en-GB, 7, -3, 0.25, "1.5E0"^^xsd:double, "2017-07-06"^^xsd:date,
      "2017-07-06T10:00:00Z"^^xsd:dateTime, "x"^^xsd:string, "y"^^ex:custom, "é \\"q\\" \\n"  , ex:iri .`,
};

/** curl with the service's own digest credentials, as a client of Virtuoso without the store. */
async function curl(virtuoso: PrivateVirtuoso, args: string[]): Promise<{ headers: string; body: string }> {
  const credentials = readFileSync(virtuoso.env.UNKG_REMOTE_CREDENTIALS_FILE, 'utf8');
  const { stdout } = await run('curl', ['-s', '-D', '-', '--digest', '-u', credentials, ...args], { maxBuffer: 64 * 1024 * 1024 });
  const answers = stdout.split(/\r?\n\r?\n/);
  // The digest exchange prints the 401 first; keep the last response.
  const last = answers.findLastIndex((part) => /^HTTP\/1\.1 /.test(part));
  return { headers: answers[last], body: answers.slice(last + 1).join('\n\n') };
}

describe('Virtuoso traps, met by the remote store', () => {
  let store: GraphStore;
  let virtuoso: PrivateVirtuoso;
  const query = (text: string, extra: string[] = [], accept = 'application/sparql-results+json') =>
    curl(virtuoso, ['-H', `Accept: ${accept}`, '--data-urlencode', `query=${text}`, ...extra, virtuoso.env.UNKG_REMOTE_QUERY_URL]);

  beforeAll(async () => {
    ({ store, virtuoso } = await createVirtuosoStore({
      sources: [{ format: 'application/n-quads', data: items(150, `${EX}g/items`) }, LITERALS],
      maxRows: MAX_ROWS,
    }));
  });
  afterAll(() => store.close());

  describe('its silent row cap (ResultSetMaxRows)', () => {
    it('cuts a SELECT to the cap with 200, saying so only in a header', async () => {
      const raw = await query(`SELECT ?s WHERE { GRAPH <${EX}g/items> { ?s ?p ?o } }`);
      expect(raw.headers).toMatch(/^HTTP\/1\.1 200/);
      expect(raw.headers).toMatch(/X-SPARQL-MaxRows: 100/i);
      expect(JSON.parse(raw.body).results.bindings).toHaveLength(MAX_ROWS);
    });

    it('is refused by the store, never served cut short', async () => {
      await expect(store.query(`SELECT ?s WHERE { ?s <${EX}n> ?o }`)).rejects.toThrow(/limit of 100 rows/);
      await expect(store.query(`CONSTRUCT WHERE { ?s <${EX}n> ?o }`)).rejects.toThrow(QueryEvaluationError);
      const page = await store.select(`SELECT ?s WHERE { ?s <${EX}n> ?o } ORDER BY ?s LIMIT 50`);
      expect(page.results.bindings).toHaveLength(50);
    });

    it('does not cut dumps: the store reads graphs in ordered pages', async () => {
      const dump = await store.dump('application/n-triples', `${EX}g/items`);
      expect(dump.trim().split('\n')).toHaveLength(150);
      await expect(store.size()).resolves.toBe(150 + 13);
    });
  });

  describe('partial results on timeout ("anytime" queries)', () => {
    const SLOW = `SELECT (COUNT(*) AS ?n) WHERE { ?a <${EX}n> ?x . ?b <${EX}n> ?y . ?c <${EX}n> ?z . ?d <${EX}n> ?w FILTER(?x + ?y + ?z + ?w > -1) }`;

    it('answers 200 with a wrong count and X-SQL-State: S1TAT', async () => {
      const raw = await query(SLOW, ['--data-urlencode', 'timeout=200']);
      expect(raw.headers).toMatch(/^HTTP\/1\.1 200/);
      expect(raw.headers).toMatch(/X-SQL-State: S1TAT/i);
      expect(Number(JSON.parse(raw.body).results.bindings[0]?.n?.value ?? 0)).toBeLessThan(150 ** 4);
    });

    it('is a QueryTimeoutError from the store', async () => {
      await expect(store.query(SLOW, { timeoutMs: 200 })).rejects.toThrow(QueryTimeoutError);
    });
  });

  describe('the format it picks when not asked precisely', () => {
    it('answers HTML to a request without Accept', async () => {
      const raw = await curl(virtuoso, ['--data-urlencode', `query=ASK {}`, virtuoso.env.UNKG_REMOTE_QUERY_URL]);
      expect(raw.headers).toMatch(/Content-Type: text\/html/i);
    });

    it.each(['application/sparql-results+json', 'application/sparql-results+xml', 'text/csv', 'text/tab-separated-values'] as const)(
      'gives %s from the store when asked for it',
      async (format) => {
        const result = await store.query(`SELECT ?o WHERE { <${EX}l> ?p ?o } ORDER BY ?o LIMIT 2`, { resultsFormat: format });
        expect(result.mediaType).toBe(format);
        expect(result.body).not.toMatch(/<html/i);
      },
    );
  });

  describe('literal typing in JSON results', () => {
    it('writes typed literals as "typed-literal" (SPARQL 1.0 draft form)', async () => {
      const raw = await query(`SELECT ?o WHERE { <${EX}l> <${EX}v> ?o FILTER(isNumeric(?o)) }`);
      expect(raw.body).toContain('"typed-literal"');
    });

    it('gives the same bytes from the store as the embedded store does, in every format', async () => {
      const embedded = await createStore({ sources: [LITERALS], workers: 1 });
      try {
        const text = `SELECT ?o WHERE { <${EX}l> <${EX}v> ?o } ORDER BY STR(?o)`;
        for (const resultsFormat of ['application/sparql-results+json', 'application/sparql-results+xml', 'text/csv', 'text/tab-separated-values'] as const) {
          const [remote, local] = await Promise.all([store.query(text, { resultsFormat }), embedded.query(text, { resultsFormat })]);
          expect(remote.body).toBe(local.body);
        }
      } finally {
        await embedded.close();
      }
    });
  });

  describe('size limits on INSERT DATA', () => {
    const insert = (count: number, graph: string) =>
      `INSERT DATA { GRAPH <${graph}> { ${Array.from({ length: count }, (_, i) => `<${EX}big/${i}> <${EX}n> ${i} .`).join(' ')} } }`;

    it('fails in Virtuoso past about 1,200 triples', async () => {
      const file = join(virtuoso.dir, 'insert.ru');
      writeFileSync(file, insert(3000, `${EX}g/raw-insert`));
      const raw = await curl(virtuoso, ['--data-urlencode', `update@${file}`, virtuoso.env.UNKG_REMOTE_UPDATE_URL]);
      expect(raw.headers).not.toMatch(/^HTTP\/1\.1 2/);
      expect(raw.body).toMatch(/SP031|SP030/);
    });

    it('goes through the Graph Store Protocol from the store', async () => {
      await store.update(insert(3000, `${EX}g/insert`));
      const rows = await store.select(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${EX}g/insert> { ?s ?p ?o } }`);
      expect(rows.results.bindings[0].n.value).toBe('3000');
    });
  });

  describe('transitive paths', () => {
    beforeAll(async () => {
      const chain = Array.from({ length: 20_000 }, (_, i) => `<${EX}c/${i}> <${EX}next> <${EX}c/${i + 1}> .`).join('\n');
      await store.load(chain, 'application/n-triples', `${EX}g/chain`);
    });

    it('answers a path from a bound end', async () => {
      const rows = await store.select(`SELECT ?b WHERE { <${EX}c/0> <${EX}next>/<${EX}next>/<${EX}next> ?b }`);
      expect(rows.results.bindings.map((b) => b.b.value)).toEqual([`${EX}c/3`]);
    });

    it('explains that a path with no bound end is not evaluated, with a 4xx-class error', async () => {
      await expect(store.query(`SELECT (COUNT(*) AS ?n) WHERE { ?a <${EX}next>+ ?b }`)).rejects.toThrow(/only from a bound end/);
    });

    it('ends a long closure at the time budget with a clear error, not a hang', async () => {
      const started = Date.now();
      await expect(store.query(`SELECT (COUNT(*) AS ?n) WHERE { ?a <${EX}next>+ <${EX}c/20000> }`, { timeoutMs: 1_000 })).rejects.toThrow(QueryTimeoutError);
      expect(Date.now() - started).toBeLessThan(10_000);
    });
  });
});

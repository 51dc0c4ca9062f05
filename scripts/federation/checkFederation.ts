/** Checks what the federating clients of run.sh answered.
 *
 *  Usage: tsx scripts/federation/checkFederation.ts <work dir> <endpoint URL>
 *
 *  run.sh leaves, for each client and query, in <work dir>/out/<client>/: <query>.tsv (the
 *  client's SPARQL TSV output), <query>.status (its exit status), <query>.stderr and
 *  <query>.requests (how many SPARQL requests the endpoint received while it ran). Each answer
 *  is compared with the same pattern asked of the endpoint directly, then with facts of the
 *  seed resolution; the bind join is also checked at the server, by its request count.
 *  Prints one PASS/FAIL line per client and `N passed, M failed`; exits 1 on any failure. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'n3';
import { createIriScheme, DEFAULT_BASE, NS } from '../../src/vocab';

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const iris = createIriScheme(DEFAULT_BASE);
const RESOLUTION = iris.document('E/RES/2017/18');
const CITED = 'A/RES/64/293';
const WATCHLIST = join(__dirname, 'watchlist.ttl');
const QUERIES = join(__dirname, 'queries');
const STDERR_PREVIEW_CHARS = 400;

/** How a client evaluates SERVICE after a local pattern. */
type JoinStrategy =
  /** One request per local solution, its bindings substituted or sent as VALUES. */
  | 'one request per binding'
  /** One request for the whole SERVICE pattern; the join happens in the client. */
  | 'one request, joined locally';

interface Client {
  id: string;
  label: string;
  join: JoinStrategy;
}

export const CLIENTS: readonly Client[] = [
  { id: 'jena-arq', label: 'Apache Jena ARQ (arq.sparql)', join: 'one request per binding' },
  { id: 'rdflib', label: 'Python rdflib', join: 'one request per binding' },
  { id: 'roqet', label: 'roqet (Rasqal)', join: 'one request, joined locally' },
];

type Row = Record<string, string>;

// ---- terms: one canonical string per RDF term ("lex" for xsd:string, "lex"@fr, <iri>) ----

const literalKey = (lexical: string, language?: string, datatype?: string): string =>
  `"${lexical}"${language ? `@${language.toLowerCase()}` : datatype && datatype !== `${XSD}string` ? `^^<${datatype}>` : ''}`;

function unescapeTsv(text: string): string {
  return text.replace(/\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[tbnrf"'\\])/g, (_, code: string) => {
    if (code[0] === 'u' || code[0] === 'U') return String.fromCodePoint(parseInt(code.slice(1), 16));
    return { t: '\t', b: '\b', n: '\n', r: '\r', f: '\f', '"': '"', "'": "'", '\\': '\\' }[code] as string;
  });
}

/** A term in SPARQL TSV (Turtle syntax, numbers and booleans possibly bare). */
export function tsvTermKey(cell: string): string | undefined {
  const text = cell.trim();
  if (!text) return undefined;
  if (text.startsWith('<') && text.endsWith('>')) return text;
  if (text.startsWith('_:')) return text;
  const literal = /^"((?:[^"\\]|\\.)*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?$/s.exec(text);
  if (literal) return literalKey(unescapeTsv(literal[1]), literal[2], literal[3]);
  if (/^(true|false)$/.test(text)) return literalKey(text, undefined, `${XSD}boolean`);
  if (/^[+-]?\d+$/.test(text)) return literalKey(text, undefined, `${XSD}integer`);
  if (/^[+-]?\d*\.\d+$/.test(text)) return literalKey(text, undefined, `${XSD}decimal`);
  if (/^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$/.test(text)) return literalKey(text, undefined, `${XSD}double`);
  throw new Error(`Not a SPARQL TSV term: ${text}`);
}

export function parseTsv(text: string): Row[] {
  const [header, ...lines] = text.replace(/\r?\n$/, '').split(/\r?\n/);
  const names = header.split('\t').map((name) => name.replace(/^[?$]/, ''));
  return lines.map((line) => {
    const cells = line.split('\t');
    const row: Row = {};
    names.forEach((name, index) => {
      const key = tsvTermKey(cells[index] ?? '');
      if (key !== undefined) row[name] = key;
    });
    return row;
  });
}

interface JsonTerm {
  type: string;
  value: string;
  'xml:lang'?: string;
  datatype?: string;
}

async function askEndpoint(endpoint: string, query: string): Promise<Row[]> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/sparql-query', accept: 'application/sparql-results+json' },
    body: query,
  });
  if (!response.ok) throw new Error(`The endpoint answered ${response.status}: ${await response.text()}`);
  const json = (await response.json()) as { results: { bindings: Array<Record<string, JsonTerm>> } };
  return json.results.bindings.map((binding) =>
    Object.fromEntries(
      Object.entries(binding).map(([name, term]) => [
        name,
        term.type === 'literal' ? literalKey(term.value, term['xml:lang'], term.datatype) : term.type === 'bnode' ? `_:${term.value}` : `<${term.value}>`,
      ]),
    ),
  );
}

const rowKey = (row: Row, names: string[]) => names.map((name) => row[name] ?? 'UNBOUND').join(' | ');
/** Rows as a multiset: the default graph is a set of triples, so a triple stated in two
 *  graphs must not give two rows; comparing bags catches that. */
const rowBag = (rows: Row[], names: string[]) => rows.map((row) => rowKey(row, names)).sort();

// ---- the queries and what their answers must show ----

interface QueryCheck {
  name: string;
  variables: string[];
  /** The same pattern asked of the endpoint directly. */
  direct: (federated: string) => string;
  /** Facts of the seed the answer must show; returns problems. */
  facts: (rows: Row[]) => string[];
  /** Requests the endpoint must receive from a client with this join strategy. */
  expectedRequests: (join: JoinStrategy) => number;
  summary: (rows: Row[], requests: number) => string;
}

const watchedSymbols = (): string[] =>
  new Parser()
    .parse(readFileSync(WATCHLIST, 'utf8'))
    .filter((quad) => quad.predicate.value === 'http://example.org/watchlist#symbol')
    .map((quad) => quad.object.value);

const withoutService = (query: string) => query.replace(/SERVICE\s*<[^>]*>/, '');

const CHECKS: readonly QueryCheck[] = [
  {
    name: 'citing-paragraphs',
    variables: ['paragraph', 'id', 'text'],
    direct: withoutService,
    facts(rows) {
      const problems: string[] = [];
      const paragraph5 = rows.find((row) => row.paragraph === `<${iris.preambular(RESOLUTION, 5)}>`);
      if (!paragraph5) problems.push(`no row for ${iris.preambular(RESOLUTION, 5)} (IRI)`);
      else if (!/^"Conscient de la portée du Plan d'action mondial[^"]*"@fr$/.test(paragraph5.text ?? ''))
        problems.push(`its text is not the @fr literal of the seed: ${paragraph5.text}`);
      if (!rows.every((row) => row.id === `"${CITED}"`)) problems.push(`?id is not the plain literal "${CITED}" in every row`);
      if (!rows.every((row) => row.text?.endsWith('"@fr'))) problems.push('a ?text is not a French-tagged literal');
      // pp/5, op/2, op/13 and fn/5 cite it; its eli:id_local is stated in two graphs.
      if (rows.length !== 4) problems.push(`expected 4 rows (one per citing paragraph), got ${rows.length}`);
      return problems;
    },
    expectedRequests: () => 1,
    summary: (rows) => `citing-paragraphs ${rows.length} rows (IRIs, plain and @fr literals)`,
  },
  {
    name: 'bind-join',
    variables: ['symbol', 'doc'],
    direct: () => {
      const values = watchedSymbols()
        .map((symbol) => JSON.stringify(symbol))
        .join(' ');
      return `PREFIX eli: <${NS.eli}>\nSELECT ?symbol ?doc WHERE { VALUES ?symbol { ${values} } ?doc eli:id_local ?symbol }`;
    },
    facts(rows) {
      const expected = [CITED, 'A/RES/70/1'].map((symbol) => `"${symbol}" | <${iris.document(symbol)}>`).sort();
      const got = rowBag(rows, ['symbol', 'doc']);
      return JSON.stringify(got) === JSON.stringify(expected) ? [] : [`expected ${expected.join(', ')}, each once; got ${got.join(', ')}`];
    },
    expectedRequests: (join) => (join === 'one request per binding' ? watchedSymbols().length : 1),
    summary: (rows, requests) => `bind-join ${rows.length} rows from ${watchedSymbols().length} local bindings in ${requests} request(s)`,
  },
  {
    name: 'count-citing',
    variables: ['citing'],
    direct: withoutService,
    facts(rows) {
      const count = rows[0]?.citing?.match(/^"?(\d+)/)?.[1];
      return rows.length === 1 && count === '4' ? [] : [`expected one row counting 4 citing paragraphs; got ${rows.map((row) => row.citing).join(', ')}`];
    },
    expectedRequests: () => 1,
    summary: (rows) => `count-citing ${rows[0]?.citing ?? 'nothing'}`,
  },
];

async function checkClient(client: Client, workDir: string, endpoint: string): Promise<{ ok: boolean; detail: string }> {
  const done: string[] = [];
  for (const check of CHECKS) {
    const base = join(workDir, 'out', client.id, check.name);
    const status = existsSync(`${base}.status`) ? readFileSync(`${base}.status`, 'utf8').trim() : 'missing';
    if (status !== '0') {
      const stderr = existsSync(`${base}.stderr`) ? readFileSync(`${base}.stderr`, 'utf8').trim().slice(-STDERR_PREVIEW_CHARS) : '';
      return { ok: false, detail: `${check.name}: exit status ${status}${stderr ? `: ${stderr.replace(/\s+/g, ' ')}` : ''}` };
    }
    let rows: Row[];
    try {
      rows = parseTsv(readFileSync(`${base}.tsv`, 'utf8'));
    } catch (error) {
      return { ok: false, detail: `${check.name}: unreadable output: ${(error as Error).message}` };
    }
    const federatedQuery = readFileSync(join(QUERIES, `${check.name}.rq`), 'utf8');
    const expected = rowBag(await askEndpoint(endpoint, check.direct(federatedQuery)), check.variables);
    const got = rowBag(rows, check.variables);
    if (JSON.stringify(got) !== JSON.stringify(expected)) {
      return {
        ok: false,
        detail: `${check.name}: answer differs from the endpoint's own\n    expected: ${expected.join('\n              ')}\n    got:      ${got.join('\n              ')}`,
      };
    }
    const problems = check.facts(rows);
    if (problems.length) return { ok: false, detail: `${check.name}: ${problems.join('; ')}` };
    const requests = Number(readFileSync(`${base}.requests`, 'utf8').trim());
    const expectedRequests = check.expectedRequests(client.join);
    if (requests !== expectedRequests) {
      return { ok: false, detail: `${check.name}: the endpoint received ${requests} request(s), expected ${expectedRequests} (${client.join})` };
    }
    done.push(check.summary(rows, requests));
  }
  return { ok: true, detail: `${done.join('; ')} (${client.join})` };
}

async function main(): Promise<number> {
  const [workDir, endpoint] = process.argv.slice(2);
  if (!workDir || !endpoint) {
    process.stderr.write('Usage: checkFederation.ts <work dir> <endpoint URL>\n');
    return 2;
  }
  let passed = 0;
  for (const client of CLIENTS) {
    const { ok, detail } = await checkClient(client, workDir, endpoint);
    if (ok) passed++;
    console.log(`${ok ? 'PASS' : 'FAIL'} ${client.label}: ${detail}`);
  }
  const failed = CLIENTS.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: Error) => {
      process.stderr.write(`${error.stack ?? error.message}\n`);
      process.exit(1);
    },
  );
}

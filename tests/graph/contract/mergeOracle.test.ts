import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import fc from 'fast-check';
import { createStore, type GraphStore, type SparqlJsonResults, type SparqlJsonTerm } from '../../../src/graph';

/** The default graph against an independent oracle. fast-check writes small datasets whose
 *  triples repeat across named graphs, through bulk loads, SPARQL Update and Graph Store
 *  writes, then asks one query with COUNT, SUM, DISTINCT, OPTIONAL, MINUS or a property path.
 *  The store's rows must equal, as a multiset, those of rdflib (Debian's python3-rdflib) over
 *  the RDF merge of the same graphs: a plain rdflib Graph, which is a set of triples. The
 *  merge given to rdflib is computed here from a model of the writes, not read from the store. */

const RUNS = 500;
const PYTHON = '/usr/bin/python3';
const ORACLE = join(__dirname, 'rdflibOracle.py');

const E = 'http://example.org/oracle/';
const NODES = ['n0', 'n1', 'n2', 'n3'].map((n) => `<${E}${n}>`);
const PREDICATES = [`<${E}p>`, `<${E}q>`];
const NUMBERS = [1, 2, 3].map((n) => `"${n}"^^<http://www.w3.org/2001/XMLSchema#integer>`);
/** '' is the default graph's own statements. */
const GRAPHS = ['', `${E}g1`, `${E}g2`, `${E}g3`];

const PREFIX = `PREFIX e: <${E}>\n`;
const QUERIES = [
  'SELECT ?s ?o WHERE { ?s e:p ?o }',
  'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }',
  'SELECT ?s (SUM(?v) AS ?sum) WHERE { ?s e:q ?v FILTER(isLiteral(?v)) } GROUP BY ?s',
  'SELECT DISTINCT ?s WHERE { ?s ?p ?o }',
  'SELECT ?s ?o ?v WHERE { ?s e:p ?o OPTIONAL { ?o e:q ?v } }',
  'SELECT ?s ?z WHERE { ?s e:p/e:q ?z }',
  'SELECT ?s ?z WHERE { ?s e:p+ ?z }',
  'SELECT (COUNT(?o) AS ?n) WHERE { ?s e:p|e:q ?o }',
  'SELECT ?s ?o WHERE { ?s e:p ?o . ?o e:p ?s }',
  'ASK { ?s e:p ?s }',
  'SELECT ?s (COUNT(*) AS ?n) WHERE { ?s e:q ?v } GROUP BY ?s',
  'SELECT ?x ?y WHERE { ?x ^e:p ?y }',
  'SELECT ?s ?o WHERE { ?s e:p ?o MINUS { ?o e:q ?v } }',
  'SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?s ?p ?o }',
  'SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s e:p ?o } GROUP BY ?s HAVING (COUNT(?o) > 1)',
];

interface Quad {
  triple: string;
  graph: string;
}
type Write =
  | { kind: 'insert'; quads: Quad[] }
  | { kind: 'delete'; quads: Quad[] }
  | { kind: 'load'; graph: string; triples: string[] }
  | { kind: 'drop'; graph: string }
  | { kind: 'deleteWhere'; predicate: string };

const triple = fc
  .tuple(fc.constantFrom(...NODES), fc.constantFrom(...PREDICATES), fc.constantFrom(...NODES, ...NUMBERS))
  .map(([s, p, o]) => `${s} ${p} ${o} .`);
const quad = fc.record({ triple, graph: fc.constantFrom(...GRAPHS) });
const write: fc.Arbitrary<Write> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), quads: fc.array(quad, { minLength: 1, maxLength: 5 }) }),
  fc.record({ kind: fc.constant('delete' as const), quads: fc.array(quad, { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('load' as const), graph: fc.constantFrom(...GRAPHS), triples: fc.array(triple, { minLength: 1, maxLength: 5 }) }),
  fc.record({ kind: fc.constant('drop' as const), graph: fc.constantFrom(...GRAPHS) }),
  fc.record({ kind: fc.constant('deleteWhere' as const), predicate: fc.constantFrom(...PREDICATES) }),
);

/** What the graphs hold after the writes, by plain set operations. */
function model(initial: Quad[], writes: Write[]): Map<string, Set<string>> {
  const graphs = new Map<string, Set<string>>(GRAPHS.map((graph) => [graph, new Set<string>()]));
  const add = ({ graph, triple }: Quad) => graphs.get(graph)!.add(triple);
  initial.forEach(add);
  for (const w of writes) {
    if (w.kind === 'insert') w.quads.forEach(add);
    else if (w.kind === 'delete') w.quads.forEach(({ graph, triple }) => graphs.get(graph)!.delete(triple));
    else if (w.kind === 'load') w.triples.forEach((t) => add({ graph: w.graph, triple: t }));
    else if (w.kind === 'drop') graphs.get(w.graph)!.clear();
    else for (const [graph, set] of graphs) if (graph) for (const t of set) if (t.split(' ')[1] === w.predicate) set.delete(t);
  }
  return graphs;
}

const block = (quads: Quad[]) => quads.map(({ graph, triple: t }) => (graph ? `GRAPH <${graph}> { ${t.slice(0, -2)} }` : `${t.slice(0, -2)} .`)).join(' ');

async function apply(store: GraphStore, initial: Quad[], writes: Write[]): Promise<void> {
  await store.update('DROP SILENT ALL');
  if (initial.length) {
    await store.load(initial.map(({ graph, triple: t }) => (graph ? `${t.slice(0, -2)} <${graph}> .` : t)).join('\n'), 'application/n-quads');
  }
  for (const w of writes) {
    if (w.kind === 'insert') await store.update(`INSERT DATA { ${block(w.quads)} }`);
    else if (w.kind === 'delete') await store.update(`DELETE DATA { ${block(w.quads)} }`);
    else if (w.kind === 'load') await store.load(w.triples.join('\n'), 'application/n-triples', w.graph || undefined);
    else if (w.kind === 'drop') await store.update(w.graph ? `DROP SILENT GRAPH <${w.graph}>` : 'DROP SILENT DEFAULT');
    else await store.update(`DELETE WHERE { GRAPH ?g { ?s ${w.predicate} ?o } }`);
  }
}

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
function termKey(term: SparqlJsonTerm | undefined): string | null {
  if (!term) return null;
  if (term.type === 'uri') return `<${term.value}>`;
  if (term.type === 'bnode') return `_:${term.value}`;
  const lexical = JSON.stringify(term.value);
  if (term['xml:lang']) return `${lexical}@${term['xml:lang']}`;
  return term.datatype && term.datatype !== XSD_STRING ? `${lexical}^^<${term.datatype}>` : lexical;
}

/** Rows as a sorted list of "var=term" keys: a multiset, independent of variable order. */
const rowsKey = (vars: string[], rows: Array<Array<string | null>>) =>
  rows
    .map((row) =>
      vars
        .map((name, i) => `${name}=${row[i]}`)
        .sort()
        .join(' '),
    )
    .sort();

interface OracleReply {
  vars?: string[];
  rows?: Array<Array<string | null>>;
  boolean?: boolean;
  error?: string;
}

class Oracle {
  private readonly process: ChildProcessWithoutNullStreams;
  private readonly waiting: Array<(reply: OracleReply) => void> = [];

  constructor() {
    this.process = spawn(PYTHON, [ORACLE], { stdio: 'pipe' });
    createInterface({ input: this.process.stdout }).on('line', (line) => this.waiting.shift()?.(JSON.parse(line) as OracleReply));
  }

  ask(triples: string, query: string): Promise<OracleReply> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.process.stdin.write(`${JSON.stringify({ triples, query })}\n`);
    });
  }

  close(): void {
    this.process.stdin.end();
  }
}

describe('the default graph against rdflib over the merge of the same graphs', () => {
  let store: GraphStore;
  let oracle: Oracle;

  beforeAll(async () => {
    store = await createStore({ sources: [], workers: 1 });
    oracle = new Oracle();
  });
  afterAll(async () => {
    oracle.close();
    await store.close();
  });

  it(`gives the same rows on ${RUNS} generated datasets and queries`, async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(quad, { maxLength: 12 }), fc.array(write, { maxLength: 5 }), fc.nat(QUERIES.length - 1), async (initial, writes, which) => {
        cases++;
        const query = PREFIX + QUERIES[which];
        await apply(store, initial, writes);
        const merge = new Set([...model(initial, writes).values()].flatMap((set) => [...set]));
        const expected = await oracle.ask([...merge].join('\n'), query);
        if (expected.error) throw new Error(`rdflib could not answer ${query}: ${expected.error}`);
        const result = JSON.parse((await store.query(query)).body) as SparqlJsonResults | { boolean: boolean };
        if ('boolean' in result) {
          expect(result.boolean).toBe(expected.boolean);
          return;
        }
        const vars = result.head.vars;
        const got = rowsKey(
          vars,
          result.results.bindings.map((row) => vars.map((name) => termKey(row[name]))),
        );
        expect(got).toEqual(rowsKey(expected.vars!, expected.rows!));
      }),
      { numRuns: RUNS, seed: Number(process.env.FC_SEED ?? Date.now() % 2_147_483_647), endOnFailure: true },
    );
    expect(cases).toBeGreaterThanOrEqual(RUNS);
  }, 300_000);
});

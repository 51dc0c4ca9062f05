/** npm run bench:graphql: for the persisted operations, the median latency of the
 *  GraphQL request (through graphql-yoga, in process) against the equivalent hand-written
 *  SPARQL SELECT through the same store, in the same run, interleaved. The load average is
 *  printed around each comparison, and a comparison during which it moved more than
 *  LOAD_CHANGE_LIMIT gives no ratio. Writes bench/results/graphql.json and graphql.md.
 *  Usage: tsx bench/graphql.ts [iterations=60] [warmup=15] */
import { createStore, DEFAULT_WORKERS, type GraphStore } from '../src/graph';
import { projectSources } from './queryShapes';
import { createGraphqlServer, persistedOperationNamed, type GraphqlServer } from '../src/graphql';
import { DEFAULT_BASE, NS } from '../src/vocab';
import { LOAD_CHANGE_LIMIT, machine, oversubscribed, underLoadWatch } from './lib/machineLoad';
import { writeResults } from './lib/writeResults';

const ITERATIONS = Math.max(30, Number(process.argv[2] ?? 60));
const WARMUP = Number(process.argv[3] ?? 15);
const DOC = `${DEFAULT_BASE}eli/un/E/RES/2017/18`;
const PREFIXES = Object.entries(NS)
  .map(([prefix, ns]) => `PREFIX ${prefix}: <${ns}>`)
  .join('\n');
const TOP_LEVEL = 'FILTER(?kind IN (unkg:PreambularParagraph, unkg:OperativeParagraph))';
const ANY_PARAGRAPH = 'FILTER(?kind IN (unkg:PreambularParagraph, unkg:OperativeParagraph, unkg:SubParagraph))';

interface Request {
  name: string;
  operation: string;
  variables: Record<string, unknown>;
  /** The same data in one hand-written query, as an analyst would write it. */
  sparql: string;
}

const REQUESTS: Request[] = [
  {
    name: 'a resolution with all its paragraphs and their citations',
    operation: 'ResolutionWithParagraphs',
    variables: { symbol: 'E/RES/2017/18', lang: ['en'] },
    sparql: `SELECT ?title ?date ?organLabel ?p ?kind ?position ?number ?text ?verbSlug ?verbLabel ?matched ?start ?end ?footnote ?target ?symbol ?label ?code WHERE {
      BIND(<${DOC}> AS ?doc)
      OPTIONAL { ?doc dcterms:title ?title } OPTIONAL { ?doc eli:date_document ?date }
      OPTIONAL { ?doc eli:passed_by/skos:prefLabel ?organLabel FILTER(LANG(?organLabel) = "en") }
      ?doc eli:has_part ?p . ?p a ?kind ; unkg:position ?position . ${TOP_LEVEL}
      OPTIONAL { ?p eli:number ?number } OPTIONAL { ?p schema:text ?text }
      {
        ?p unkg:clauseVerb ?verb . ?verb skos:notation ?verbSlug ; skos:prefLabel ?verbLabel FILTER(LANG(?verbLabel) = "en")
      } UNION {
        ?ref cito:hasCitingEntity ?p ; a unkg:Citation ; cito:hasCitedEntity ?target ; unkg:matchedText ?matched ; unkg:startOffset ?start ; unkg:endOffset ?end .
        OPTIONAL { ?ref unkg:viaFootnote/eli:number ?footnote }
        OPTIONAL { ?target eli:id_local ?symbol }
        OPTIONAL { ?target skos:prefLabel ?label FILTER(LANG(?label) = "en") }
        OPTIONAL { ?target skos:notation ?code FILTER(DATATYPE(?code) = sdgo:SDGCodeCompact) }
      }
    } ORDER BY ?kind ?position ?p ?start`,
  },
  {
    name: 'the paragraphs citing a resolution',
    operation: 'ParagraphsCiting',
    variables: { cites: 'A/RES/64/293' },
    sparql: `SELECT ?total ?p ?kind ?number ?text ?symbol ?verbSlug ?verbLabel WHERE {
      { SELECT (COUNT(DISTINCT ?q) AS ?total) WHERE { ?q eli:cites <${DEFAULT_BASE}eli/un/A/RES/64/293> ; a ?k . FILTER(?k IN (unkg:PreambularParagraph, unkg:OperativeParagraph, unkg:SubParagraph)) } }
      ?p eli:cites <${DEFAULT_BASE}eli/un/A/RES/64/293> ; a ?kind ; eli:is_part_of+ ?doc ; unkg:position ?position . ${ANY_PARAGRAPH}
      ?doc eli:id_local ?symbol .
      OPTIONAL { ?p eli:number ?number } OPTIONAL { ?p schema:text ?text }
      OPTIONAL { ?p unkg:clauseVerb ?verb . ?verb skos:notation ?verbSlug ; skos:prefLabel ?verbLabel FILTER(LANG(?verbLabel) = "en") }
    } ORDER BY ?symbol ?kind ?position ?p LIMIT 100`,
  },
  {
    name: 'an SDG target with its citing paragraphs and their documents',
    operation: 'SdgTargetWithCitingParagraphs',
    variables: { code: '5.2', lang: ['en'] },
    sparql: `SELECT ?label ?goalCode ?goalLabel ?p ?number ?text ?doc ?symbol ?title ?date WHERE {
      BIND(sdg:5.2 AS ?target)
      ?target skos:prefLabel ?label FILTER(LANG(?label) = "en")
      OPTIONAL { ?target sdgo:isTargetOf ?goal . ?goal skos:notation ?goalCode ; skos:prefLabel ?goalLabel FILTER(DATATYPE(?goalCode) = sdgo:SDGCodeCompact && LANG(?goalLabel) = "en") }
      OPTIONAL {
        ?p eli:cites ?target ; a ?kind ; eli:is_part_of+ ?doc . ${ANY_PARAGRAPH} ?doc eli:id_local ?symbol .
        OPTIONAL { ?p eli:number ?number } OPTIONAL { ?p schema:text ?text }
        OPTIONAL { ?doc dcterms:title ?title } OPTIONAL { ?doc eli:date_document ?date }
      }
    } ORDER BY ?symbol ?p`,
  },
  {
    name: 'any resource with its names and what it cites and mentions (a paragraph)',
    operation: 'NodeNeighbourhood',
    variables: { id: `${DOC}/op/2`, lang: ['en'] },
    sparql: `SELECT ?type ?text ?symbol ?cited ?citedType ?mentioned ?mentionedType WHERE {
      { <${DOC}/op/2> a ?type } UNION { <${DOC}/op/2> schema:text ?text }
      UNION { <${DOC}/op/2> eli:is_part_of+ ?doc . ?doc eli:id_local ?symbol }
      UNION { <${DOC}/op/2> eli:cites ?cited . OPTIONAL { ?cited a ?citedType } }
      UNION { <${DOC}/op/2> schema:mentions ?mentioned . OPTIONAL { ?mentioned a ?mentionedType } }
    }`,
  },
];

async function graphqlRequest(server: GraphqlServer, request: Request): Promise<void> {
  const operation = persistedOperationNamed(request.operation);
  if (!operation) throw new Error(`no persisted operation ${request.operation}`);
  const response = await server.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: operation.document, variables: request.variables }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (response.status !== 200 || body.errors) throw new Error(`${request.operation} failed: ${JSON.stringify(body).slice(0, 500)}`);
}

async function sparqlRequest(store: GraphStore, request: Request): Promise<void> {
  const results = await store.select(`${PREFIXES}\n${request.sparql}`);
  if (!results.results.bindings.length) throw new Error(`the SPARQL of "${request.name}" found nothing`);
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const percentile = (values: number[], p: number): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

async function timed(run: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** The store, counting the queries sent through it and the round trips they make (queries sent
 *  before any answer came back share one). */
function counted(store: GraphStore): { store: GraphStore; count: () => number; rounds: () => number } {
  let n = 0;
  let rounds = 0;
  let answered = true;
  const proxy = new Proxy(store, {
    get(target, key) {
      if (key === 'select' || key === 'query') {
        return (...args: Parameters<GraphStore['query']>) => {
          n++;
          if (answered) rounds++;
          answered = false;
          return (Reflect.apply(target[key], target, args) as Promise<unknown>).finally(() => {
            answered = true;
          });
        };
      }
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: proxy, count: () => n, rounds: () => rounds };
}

async function main(): Promise<void> {
  const sources = projectSources();
  const store = await createStore({ sources, workers: DEFAULT_WORKERS });
  const server = createGraphqlServer({ store, base: DEFAULT_BASE, graphiql: false });
  const counting = counted(store);
  const countingServer = createGraphqlServer({ store: counting.store, base: DEFAULT_BASE, graphiql: false });
  try {
    // The floor: a request that reaches no resolver (HTTP parsing, validation, serialisation).
    const floor: number[] = [];
    for (let i = 0; i < WARMUP + ITERATIONS; i++) {
      const ms = await timed(async () => {
        const response = await server.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        await response.text();
      });
      if (i >= WARMUP) floor.push(ms);
    }
    const rows = [];
    for (const request of REQUESTS) {
      for (let i = 0; i < WARMUP; i++) {
        await graphqlRequest(server, request);
        await sparqlRequest(store, request);
      }
      const graphql: number[] = [];
      const sparql: number[] = [];
      // Interleaved, so that both see the same machine load.
      const { load } = await underLoadWatch(request.operation, async () => {
        for (let i = 0; i < ITERATIONS; i++) {
          graphql.push(await timed(() => graphqlRequest(server, request)));
          sparql.push(await timed(() => sparqlRequest(store, request)));
        }
      });
      const [before, roundsBefore] = [counting.count(), counting.rounds()];
      await graphqlRequest(countingServer, request);
      const row = {
        request: request.name,
        operation: request.operation,
        storeQueries: counting.count() - before,
        storeRoundTrips: counting.rounds() - roundsBefore,
        graphqlMedianMs: +median(graphql).toFixed(2),
        sparqlMedianMs: +median(sparql).toFixed(2),
        ratio: load.changed ? null : +(median(graphql) / median(sparql)).toFixed(2),
        loadBefore: load.before,
        loadAfter: load.after,
        oversubscribed: oversubscribed(load.before),
        graphqlP90Ms: +percentile(graphql, 0.9).toFixed(2),
        sparqlP90Ms: +percentile(sparql, 0.9).toFixed(2),
      };
      rows.push(row);
    }
    console.log(
      `GraphQL (graphql-yoga, in process) vs hand-written SPARQL, same store (${DEFAULT_WORKERS} workers), ${ITERATIONS} iterations after ${WARMUP} warm-up\n`,
    );
    console.table(
      rows.map((r) => ({
        request: r.request,
        'GraphQL ms': r.graphqlMedianMs,
        'SPARQL ms': r.sparqlMedianMs,
        'GraphQL / SPARQL': r.ratio,
        'store queries': r.storeQueries,
        'round trips': r.storeRoundTrips,
      })),
    );
    const floorMs = +median(floor).toFixed(2);
    console.log(`\nFloor of a GraphQL request that reaches no resolver ({ __typename }): ${floorMs} ms`);
    const result = {
      when: new Date().toISOString(),
      node: process.version,
      machine: machine(),
      loadChangeLimit: LOAD_CHANGE_LIMIT,
      iterations: ITERATIONS,
      warmup: WARMUP,
      workers: DEFAULT_WORKERS,
      graphqlFloorMs: floorMs,
      requests: rows,
    };
    writeResults('graphql', result, {
      title: 'GraphQL against hand-written SPARQL, same store, same run',
      method: `Median latency of each persisted GraphQL operation (graphql-yoga, in process) and of the equivalent hand-written SPARQL SELECT through the same store (${DEFAULT_WORKERS} query workers), interleaved, ${ITERATIONS} iterations after ${WARMUP} warm-up. No ratio from a comparison during which the one-minute load average moved more than ${LOAD_CHANGE_LIMIT}. Floor of a GraphQL request reaching no resolver: ${floorMs} ms. Machine: ${machine().cores} cores, node ${process.version}, ${result.when}.`,
      tables: [{ caption: 'Requests', rows: rows.map((r) => ({ ...r })) }],
    });
  } finally {
    await store.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

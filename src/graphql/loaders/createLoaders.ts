import DataLoader from 'dataloader';
import { VALUES_BATCH_SIZE, type GraphStore, type SparqlJsonResults, type SparqlJsonTerm } from '../../graph';
import type { PlanNode } from '../plan/PlanNode';
import type { Description } from '../rdf/Description';
import { iri, PREFIXES, valuesOf } from '../rdf/sparqlSyntax';
import { selectBatch, type Select } from '../rdf/selectBatch';
import { levelQuery, type LevelRoot } from './levelQuery';
import { INDEX_VARIABLES, ORDER_KEYS, paragraphIndex, paragraphRows, type ParagraphRow } from './paragraphIndex';
import type { ParagraphRelation } from './paragraphRelations';
import { RequestGraph } from './RequestGraph';

/** The loaders of one request, all writing into its RequestGraph.
 *
 *  The planned path: `level(node)` loads resources together with everything the operation
 *  reaches from them by links, reading only the predicates it reads (see levelQuery), in one
 *  round trip for all the resources asked for in the same tick. An operation then costs one
 *  round trip per list it goes down, whatever the number of results. Levels are fetched as TSV
 *  (see tsvResults).
 *
 *  The fallback path, for what no plan foresaw: batch loaders that each send ONE SPARQL SELECT
 *  with a VALUES block for all the keys asked for in the same tick (DataLoader splits batches
 *  larger than VALUES_BATCH_SIZE), and describe resources whole. Loaders cache per request only:
 *  a request never sees another's data, and writes show up in the next request. */
export interface Loaders {
  /** What the request has loaded. */
  readonly graph: RequestGraph;
  /** A SELECT fetched as TSV, in one query with the others sent in the same turn (see selectBatch). */
  readonly select: Select;
  /** Loads resources as `node` of the operation's plan plans them. */
  level(node: PlanNode): DataLoader<string, Description>;
  /** Loads the resources a pattern binds to `?${variable}` as `node` plans them, in IRI order;
   *  later `level(node)` loads of them are answered from what this loaded. */
  levelWhere(node: PlanNode, where: (variable: string) => string): Promise<Description[]>;
  /** Sets the links the operation will follow (see prefetchPaths): each batch of `describe`
   *  then also describes the resources at the end of them. */
  lookAhead(paths: readonly string[]): void;
  /** Resources described whole (every outgoing triple). */
  describe: DataLoader<string, Description>;
  /** The references of one class (unkg:Citation, unkg:Mention) whose citing entity is the
   *  key, in IRI order; their descriptions come with them, whole. */
  references(referenceClass: string): DataLoader<string, string[]>;
  /** Subjects with `predicate` pointing at the key, in IRI order. */
  inverse(predicate: string): DataLoader<string, string[]>;
  /** The paragraphs in `relation` to the key, in reading order. */
  paragraphs(relation: ParagraphRelation): DataLoader<string, ParagraphRow[]>;
  /** The resources matching a pattern over ?s, described whole in the same query, in IRI order. */
  describeWhere(pattern: string): Promise<Description[]>;
  /** What a document and its parts cite, in IRI order. */
  documentCites: DataLoader<string, string[]>;
  /** The SDG targets the paragraphs of a document cite, each with those paragraphs in
   *  reading order. */
  documentSdgTargets: DataLoader<string, Array<{ target: string; paragraphs: string[] }>>;
}

const OPTIONS = { maxBatchSize: VALUES_BATCH_SIZE } as const;
const NO_ROWS: SparqlJsonResults = { head: { vars: [] }, results: { bindings: [] } };

export function createLoaders(store: GraphStore): Loaders {
  const graph = new RequestGraph();
  const select = selectBatch(store);
  const json = (query: string): Promise<SparqlJsonResults> => store.select(`${PREFIXES}\n${query}`);
  const lookAhead = new LookAhead();
  return {
    graph,
    select,
    lookAhead: (paths) => lookAhead.set(paths),
    ...plannedLoaders(select, graph),
    ...describeLoaders(json, graph, lookAhead),
    ...linkLoaders(json, graph, lookAhead),
    ...paragraphLoaders(json, graph),
    ...documentLoaders(json),
  };
}

/** The links the operation will follow (see prefetchPaths), as set before it runs. */
class LookAhead {
  paths: readonly string[] = [];

  set(paths: readonly string[]): void {
    this.paths = paths;
  }

  /** `(<a>|<b>/<c>)`, or undefined without paths. */
  get alternatives(): string | undefined {
    return this.paths.length ? `(${this.paths.join('|')})` : undefined;
  }
}

/** One DataLoader per key (a plan node, a class, a predicate, a relation), made on first use. */
function perKey<K, V>(make: (key: K) => DataLoader<string, V>): (key: K) => DataLoader<string, V> {
  const loaders = new Map<K, DataLoader<string, V>>();
  return (key) => {
    let loader = loaders.get(key);
    if (!loader) loaders.set(key, (loader = make(key)));
    return loader;
  };
}

/** The planned path: levels (see levelQuery), through the request's query batch. */
function plannedLoaders(select: Select, graph: RequestGraph): Pick<Loaders, 'level' | 'levelWhere'> {
  const loadLevel = async (node: PlanNode, root: LevelRoot): Promise<string[]> => {
    const level = levelQuery(node, root);
    return level.load(level.query === undefined ? NO_ROWS : await select(level.query), graph);
  };
  const level = perKey(
    (node: PlanNode) => new DataLoader<string, Description>(async (ids) => (await loadLevel(node, { ids })).map((id) => graph.ensure(id)), OPTIONS),
  );
  const levelWhere = async (node: PlanNode, where: (variable: string) => string): Promise<Description[]> => {
    const found = (await loadLevel(node, { where })).map((id) => graph.ensure(id));
    // Loaded exactly as level(node) would load them.
    const loader = level(node);
    for (const description of found) loader.prime(description.id, description);
    return found;
  };
  return { level, levelWhere };
}

/** Whole descriptions, with what the look-ahead reaches from them. No DISTINCT: a triple stated
 *  in two graphs comes twice and the description keeps it once, which is cheaper than having
 *  the engine sort the rows. */
function describeLoaders(json: Json, graph: RequestGraph, lookAhead: LookAhead): Pick<Loaders, 'describe' | 'describeWhere'> {
  const describe = new DataLoader<string, Description>(async (ids) => {
    const paths = lookAhead.alternatives;
    const results = await json(
      paths
        ? // The resources and those the look-ahead reaches from them (the path is zero-or-one).
          `SELECT ?s ?p ?o WHERE { { SELECT DISTINCT ?s WHERE { ${valuesOf('root', ids)} ?root ${paths}? ?s } } ?s ?p ?o }`
        : `SELECT ?s ?p ?o WHERE { ${valuesOf('s', ids)} ?s ?p ?o }`,
    );
    const triples = wholeAll(graph, results);
    return ids.map((id) => graph.whole(id, triples.get(id)));
  }, OPTIONS);

  const describeWhere = async (pattern: string): Promise<Description[]> => {
    const triples = groupTriples(await json(`SELECT ?s ?p ?o WHERE { { SELECT DISTINCT ?s WHERE { ${pattern} } } ?s ?p ?o }`), 's');
    return [...triples.keys()].sort().map((id) => graph.whole(id, triples.get(id)));
  };
  return { describe, describeWhere };
}

/** References a resource makes and subjects pointing at it. */
function linkLoaders(json: Json, graph: RequestGraph, lookAhead: LookAhead): Pick<Loaders, 'references' | 'inverse'> {
  const references = perKey(
    (referenceClass: string) =>
      new DataLoader<string, string[]>(async (citing) => {
        const made = `${valuesOf('citing', citing)} ?reference cito:hasCitingEntity ?citing ; a ${iri(referenceClass)} .`;
        // The references (with their citing entity) and, unkeyed, what the look-ahead reaches from them.
        const paths = lookAhead.alternatives;
        const reached = paths ? `UNION { SELECT DISTINCT ?s WHERE { ${made} ?reference ${paths} ?s } }` : '';
        const results = await json(`SELECT ?citing ?s ?p ?o WHERE { { SELECT ?citing ?s WHERE { ${made} BIND(?reference AS ?s) } } ${reached} ?s ?p ?o }`);
        wholeAll(graph, results);
        return citing.map((key) => {
          const sorted = distinctSorted(results, 'citing', key, 's');
          graph.setReferences(referenceClass, key, sorted);
          return sorted;
        });
      }, OPTIONS),
  );
  const inverse = perKey(
    (predicate: string) =>
      new DataLoader<string, string[]>(async (objects) => {
        const results = await json(`SELECT DISTINCT ?o ?s WHERE { ${valuesOf('o', objects)} ?s ${iri(predicate)} ?o }`);
        return objects.map((key) => distinctSorted(results, 'o', key, 's'));
      }, OPTIONS),
  );
  return { references, inverse };
}

/** Paragraph lists in reading order. */
function paragraphLoaders(json: Json, graph: RequestGraph): Pick<Loaders, 'paragraphs'> {
  const paragraphs = perKey(
    (relation: ParagraphRelation) =>
      new DataLoader<string, ParagraphRow[]>(async (keys) => {
        const keyVariable = relation.pattern ? 'key' : 'doc';
        const restriction = `${valuesOf(keyVariable, keys)} ${relation.pattern ?? ''}`;
        const results = await json(
          `SELECT DISTINCT ${keyVariable === 'doc' ? '' : '?key'} ${INDEX_VARIABLES} WHERE { ${paragraphIndex(restriction, relation)} ${relation.filter ?? ''} } ORDER BY ${ORDER_KEYS}`,
        );
        const byKey = new Map<string, ParagraphRow[]>(keys.map((key) => [key, []]));
        for (const { row, ...paragraph } of paragraphRows(results)) byKey.get(row[keyVariable].value)?.push(paragraph);
        return keys.map((key) => {
          const rows = byKey.get(key) ?? [];
          graph.setParagraphs(relation, key, rows);
          return rows;
        });
      }, OPTIONS),
  );
  return { paragraphs };
}

/** What a document and its parts cite. */
function documentLoaders(json: Json): Pick<Loaders, 'documentCites' | 'documentSdgTargets'> {
  const documentCites = new DataLoader<string, string[]>(async (documents) => {
    const results = await json(`SELECT DISTINCT ?doc ?cited WHERE { ${valuesOf('doc', documents)} ?doc eli:has_part* ?part . ?part eli:cites ?cited }`);
    return documents.map((key) => distinctSorted(results, 'doc', key, 'cited'));
  }, OPTIONS);

  const documentSdgTargets = new DataLoader<string, Array<{ target: string; paragraphs: string[] }>>(async (documents) => {
    const results = await json(
      `SELECT DISTINCT ?target ${INDEX_VARIABLES} WHERE { ${paragraphIndex(valuesOf('doc', documents))} ?p eli:cites ?target . ?target a sdgo:Target } ORDER BY ${ORDER_KEYS}`,
    );
    return documents.map((key) => {
      const byTarget = new Map<string, string[]>();
      for (const row of results.results.bindings) {
        if (row.doc.value !== key) continue;
        const list = byTarget.get(row.target.value) ?? [];
        if (!list.includes(row.p.value)) list.push(row.p.value);
        byTarget.set(row.target.value, list);
      }
      return [...byTarget].map(([target, paragraphs]) => ({ target, paragraphs }));
    });
  }, OPTIONS);
  return { documentCites, documentSdgTargets };
}

type Json = (query: string) => Promise<SparqlJsonResults>;

/** Adds the ?s ?p ?o rows to the graph as whole descriptions; returns them grouped. */
function wholeAll(graph: RequestGraph, results: SparqlJsonResults): Map<string, Map<string, SparqlJsonTerm[]>> {
  const triples = groupTriples(results, 's');
  for (const [id, values] of triples) graph.whole(id, values);
  return triples;
}

/** subject → predicate → objects, from ?{subject} ?p ?o rows. */
function groupTriples(results: SparqlJsonResults, subject: string): Map<string, Map<string, SparqlJsonTerm[]>> {
  const out = new Map<string, Map<string, SparqlJsonTerm[]>>();
  for (const row of results.results.bindings) {
    const s = row[subject].value;
    let byPredicate = out.get(s);
    if (!byPredicate) out.set(s, (byPredicate = new Map()));
    const objects = byPredicate.get(row.p.value);
    if (objects) objects.push(row.o);
    else byPredicate.set(row.p.value, [row.o]);
  }
  return out;
}

/** The distinct IRI values of `column` in the rows whose `keyColumn` is `key`, sorted. */
function distinctSorted(results: SparqlJsonResults, keyColumn: string, key: string, column: string): string[] {
  const values = new Set<string>();
  for (const row of results.results.bindings) {
    if (row[keyColumn]?.value === key && row[column]?.type === 'uri') values.add(row[column].value);
  }
  return [...values].sort();
}

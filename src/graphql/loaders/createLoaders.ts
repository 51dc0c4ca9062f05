import DataLoader from 'dataloader';
import { VALUES_BATCH_SIZE, type GraphStore, type SparqlJsonResults, type SparqlJsonTerm } from '../../graph';
import type { PlanNode } from '../plan/PlanNode';
import type { Description } from '../rdf/Description';
import { iri, PREFIXES, valuesOf } from '../rdf/sparqlSyntax';
import { selectAsTsv } from '../rdf/tsvResults';
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

export function createLoaders(store: GraphStore): Loaders {
  const graph = new RequestGraph();
  const select = (query: string): Promise<SparqlJsonResults> => store.select(`${PREFIXES}\n${query}`);
  let paths: readonly string[] = [];
  const wholeAll = (triples: Map<string, Map<string, SparqlJsonTerm[]>>): void => {
    for (const [id, values] of triples) graph.whole(id, values);
  };

  const loadLevel = async (node: PlanNode, root: LevelRoot): Promise<string[]> => {
    const level = levelQuery(node, root);
    const results = await Promise.all(level.queries.map((query) => selectAsTsv(store, query)));
    return level.load(results, graph);
  };
  const levelLoaders = new Map<PlanNode, DataLoader<string, Description>>();
  const level = (node: PlanNode): DataLoader<string, Description> => {
    let loader = levelLoaders.get(node);
    if (!loader) {
      loader = new DataLoader<string, Description>(async (ids) => (await loadLevel(node, { ids })).map((id) => graph.ensure(id)), OPTIONS);
      levelLoaders.set(node, loader);
    }
    return loader;
  };
  const levelWhere = async (node: PlanNode, where: (variable: string) => string): Promise<Description[]> => {
    const found = (await loadLevel(node, { where })).map((id) => graph.ensure(id));
    // Loaded exactly as level(node) would load them.
    const loader = level(node);
    for (const description of found) loader.prime(description.id, description);
    return found;
  };

  // No DISTINCT: a triple stated in two graphs comes twice and the description keeps it once,
  // which is cheaper than having the engine sort the rows.
  const describe: DataLoader<string, Description> = new DataLoader<string, Description>(async (ids) => {
    const results = await select(
      paths.length
        ? // The resources and those the look-ahead reaches from them (the path is zero-or-one).
          `SELECT ?s ?p ?o WHERE { { SELECT DISTINCT ?s WHERE { ${valuesOf('root', ids)} ?root (${paths.join('|')})? ?s } } ?s ?p ?o }`
        : `SELECT ?s ?p ?o WHERE { ${valuesOf('s', ids)} ?s ?p ?o }`,
    );
    const triples = groupTriples(results, 's');
    wholeAll(triples);
    return ids.map((id) => graph.whole(id, triples.get(id)));
  }, OPTIONS);

  const describeWhere = async (pattern: string): Promise<Description[]> => {
    const triples = groupTriples(await select(`SELECT ?s ?p ?o WHERE { { SELECT DISTINCT ?s WHERE { ${pattern} } } ?s ?p ?o }`), 's');
    return [...triples.keys()].sort().map((id) => graph.whole(id, triples.get(id)));
  };

  const referenceLoaders = new Map<string, DataLoader<string, string[]>>();
  const references = (referenceClass: string): DataLoader<string, string[]> => {
    let loader = referenceLoaders.get(referenceClass);
    if (!loader) {
      loader = new DataLoader<string, string[]>(async (citing) => {
        const references = `${valuesOf('citing', citing)} ?reference cito:hasCitingEntity ?citing ; a ${iri(referenceClass)} .`;
        // The references (with their citing entity) and, unkeyed, what the look-ahead reaches from them.
        const reached = paths.length ? `UNION { SELECT DISTINCT ?s WHERE { ${references} ?reference (${paths.join('|')}) ?s } }` : '';
        const results = await select(
          `SELECT ?citing ?s ?p ?o WHERE { { SELECT ?citing ?s WHERE { ${references} BIND(?reference AS ?s) } } ${reached} ?s ?p ?o }`,
        );
        wholeAll(groupTriples(results, 's'));
        return citing.map((key) => {
          const made = distinctSorted(results, 'citing', key, 's');
          graph.setReferences(referenceClass, key, made);
          return made;
        });
      }, OPTIONS);
      referenceLoaders.set(referenceClass, loader);
    }
    return loader;
  };

  const inverseLoaders = new Map<string, DataLoader<string, string[]>>();
  const inverse = (predicate: string): DataLoader<string, string[]> => {
    let loader = inverseLoaders.get(predicate);
    if (!loader) {
      loader = new DataLoader<string, string[]>(async (objects) => {
        const results = await select(`SELECT DISTINCT ?o ?s WHERE { ${valuesOf('o', objects)} ?s ${iri(predicate)} ?o }`);
        return objects.map((key) => distinctSorted(results, 'o', key, 's'));
      }, OPTIONS);
      inverseLoaders.set(predicate, loader);
    }
    return loader;
  };

  const paragraphLoaders = new Map<string, DataLoader<string, ParagraphRow[]>>();
  const paragraphs = (relation: ParagraphRelation): DataLoader<string, ParagraphRow[]> => {
    let loader = paragraphLoaders.get(relation.name);
    if (!loader) {
      loader = new DataLoader<string, ParagraphRow[]>(async (keys) => {
        const keyVariable = relation.pattern ? 'key' : 'doc';
        const restriction = `${valuesOf(keyVariable, keys)} ${relation.pattern ?? ''}`;
        const results = await select(
          `SELECT DISTINCT ${keyVariable === 'doc' ? '' : '?key'} ${INDEX_VARIABLES} WHERE { ${paragraphIndex(restriction, relation)} ${relation.filter ?? ''} } ORDER BY ${ORDER_KEYS}`,
        );
        const byKey = new Map<string, ParagraphRow[]>(keys.map((key) => [key, []]));
        for (const { row, ...paragraph } of paragraphRows(results)) byKey.get(row[keyVariable].value)?.push(paragraph);
        return keys.map((key) => {
          const rows = byKey.get(key) ?? [];
          graph.setParagraphs(relation, key, rows);
          return rows;
        });
      }, OPTIONS);
      paragraphLoaders.set(relation.name, loader);
    }
    return loader;
  };

  const documentCites = new DataLoader<string, string[]>(async (documents) => {
    const results = await select(`SELECT DISTINCT ?doc ?cited WHERE { ${valuesOf('doc', documents)} ?doc eli:has_part* ?part . ?part eli:cites ?cited }`);
    return documents.map((key) => distinctSorted(results, 'doc', key, 'cited'));
  }, OPTIONS);

  const documentSdgTargets = new DataLoader<string, Array<{ target: string; paragraphs: string[] }>>(async (documents) => {
    const restriction = `${valuesOf('doc', documents)}`;
    const results = await select(
      `SELECT DISTINCT ?target ${INDEX_VARIABLES} WHERE { ${paragraphIndex(restriction)} ?p eli:cites ?target . ?target a sdgo:Target } ORDER BY ${ORDER_KEYS}`,
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

  const lookAhead = (next: readonly string[]): void => {
    paths = next;
  };

  return { graph, level, levelWhere, lookAhead, describe, describeWhere, references, inverse, paragraphs, documentCites, documentSdgTargets };
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

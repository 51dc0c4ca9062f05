import {
  Generator,
  Parser,
  type GraphOrDefault,
  type GraphQuads,
  type IriTerm,
  type Pattern,
  type Quads,
  type Triple,
  type Update,
  type UpdateOperation,
} from 'sparqljs';
import { QuerySyntaxError } from './errors';

/** The default graph as a set: how a store keeps "the default graph is the RDF merge of all
 *  graphs" on an engine whose own union of graphs is a bag (oxigraph 0.5, Virtuoso: a triple
 *  stated in two graphs matches twice).
 *
 *  The store materialises the merge. Its layout:
 *  - the named graphs, as written;
 *  - OWN_DEFAULT_GRAPH: the statements written to the default graph itself (INSERT without
 *    GRAPH, Graph Store `?default`), kept apart so that they outlive the named graphs that
 *    happen to state them too;
 *  - the merge: every triple of the two above, once. On an engine with a stored default graph
 *    (oxigraph) the merge is that default graph, so a query without a dataset reads it with no
 *    rewrite and no cost; a backend without one keeps it in UNION_GRAPH and queries it by
 *    protocol dataset.
 *
 *  Every write keeps the merge exact: `maintainUnion` rewrites a SPARQL update so that each
 *  triple it inserts or deletes (in any graph) is noted in a scratch graph, and after the
 *  operation the merge gains the noted triples still stated somewhere and loses those stated
 *  nowhere. The WHERE clauses see the merge as their default graph, as queries do. */

/** Holds the statements written to the default graph itself (hidden from graph listings). */
export const OWN_DEFAULT_GRAPH = 'urn:x-unkg:graph:default';
/** Where a backend without a stored default graph keeps the merge. */
export const UNION_GRAPH = 'urn:x-unkg:graph:union';
/** Scratch graph of one operation: the triples it touched. Never outlives the operation. */
export const TOUCHED_GRAPH = 'urn:x-unkg:graph:touched';
/** Scratch graph used while the named graphs are cleared. */
const KEPT_GRAPH = 'urn:x-unkg:graph:kept';

/** Graphs of the store's own making: never listed, served or counted as the user's. */
export const INTERNAL_GRAPHS: ReadonlySet<string> = new Set([OWN_DEFAULT_GRAPH, UNION_GRAPH, TOUCHED_GRAPH, KEPT_GRAPH]);

export const isInternalGraph = (iri: string): boolean => INTERNAL_GRAPHS.has(iri);

/** Where the merge lives: the engine's stored default graph, or a named graph. */
export type UnionTarget = { kind: 'default' } | { kind: 'graph'; iri: string };

const iri = (value: string) => `<${value}>`;

/** The merge as a template or pattern block. */
const inUnion = (target: UnionTarget, triples: string) => (target.kind === 'default' ? triples : `GRAPH ${iri(target.iri)} { ${triples} }`);

/** After an operation: the merge gains what the touched triples still state somewhere and
 *  loses what they state nowhere; the scratch graph goes. */
export function syncTouched(target: UnionTarget): string[] {
  const elsewhere = `GRAPH ?h { ?s ?p ?o } FILTER (?h != ${iri(TOUCHED_GRAPH)}${target.kind === 'graph' ? ` && ?h != ${iri(target.iri)}` : ''})`;
  return [
    `DELETE { ${inUnion(target, '?s ?p ?o')} } WHERE { GRAPH ${iri(TOUCHED_GRAPH)} { ?s ?p ?o } FILTER NOT EXISTS { ${elsewhere} } }`,
    `INSERT { ${inUnion(target, '?s ?p ?o')} } WHERE { GRAPH ${iri(TOUCHED_GRAPH)} { ?s ?p ?o } FILTER EXISTS { ${elsewhere} } }`,
    `DROP SILENT GRAPH ${iri(TOUCHED_GRAPH)}`,
  ];
}

/** Notes every triple of a graph as touched (before the graph is cleared or dropped). */
const touchGraph = (graph: string) => `INSERT { GRAPH ${iri(TOUCHED_GRAPH)} { ?s ?p ?o } } WHERE { GRAPH ${iri(graph)} { ?s ?p ?o } }`;

/** Rebuilds the merge from scratch: after a bulk load of sources. */
export function rebuildUnion(target: UnionTarget): string[] {
  const clear = target.kind === 'default' ? 'CLEAR SILENT DEFAULT' : `CLEAR SILENT GRAPH ${iri(target.iri)}`;
  const exclude = target.kind === 'graph' ? ` FILTER (?g != ${iri(target.iri)})` : '';
  return [clear, `INSERT { ${inUnion(target, '?s ?p ?o')} } WHERE { GRAPH ?g { ?s ?p ?o }${exclude} }`];
}

/** Updates that keep the merge exact when one named graph (or the own default graph) is
 *  emptied by `operation` (CLEAR / DROP / replace). */
export function emptyGraphKeepingUnion(graph: string, operation: string, target: UnionTarget): string[] {
  return [touchGraph(graph), operation, ...syncTouched(target)];
}

const DEFAULT_NAME = { termType: 'NamedNode', value: OWN_DEFAULT_GRAPH } as IriTerm;
const TOUCHED_NAME = { termType: 'NamedNode', value: TOUCHED_GRAPH } as IriTerm;

function parseUpdate(update: string, baseIri?: string): Update {
  let parsed;
  try {
    parsed = new Parser({ sparqlStar: true, ...(baseIri ? { baseIRI: baseIri } : {}) }).parse(update);
  } catch (error) {
    throw new QuerySyntaxError((error as Error).message);
  }
  if (parsed.type !== 'update') throw new QuerySyntaxError('Expected a SPARQL update, found a query');
  return parsed;
}

const generator = new Generator();
const stringify = (operation: UpdateOperation) => generator.stringify({ type: 'update', prefixes: {}, updates: [operation] } as Update);

/** Template quads with the default graph made explicit (the own default graph, or WITH's). */
function qualify(quads: Quads[], withGraph: IriTerm | undefined): GraphQuads[] {
  return quads.map((group) => (group.type === 'graph' ? group : { type: 'graph', name: withGraph ?? DEFAULT_NAME, triples: group.triples }));
}

/** The same triples, noted in the scratch graph. */
const touched = (groups: GraphQuads[]): GraphQuads[] => groups.map((group) => ({ type: 'graph', name: TOUCHED_NAME, triples: group.triples as Triple[] }));

const graphName = (graph: GraphOrDefault): string => (graph.default || !graph.name ? OWN_DEFAULT_GRAPH : graph.name.value);

/** The pattern reading a graph as a source: the merge for the default graph (what queries see). */
const sourcePattern = (graph: GraphOrDefault, target: UnionTarget) =>
  graph.default || !graph.name ? inUnion(target, '?s ?p ?o') : `GRAPH ${iri(graph.name.value)} { ?s ?p ?o }`;

/** GRAPH ?g in a WHERE clause ranges over the user's graphs only: each such pattern gets a
 *  filter excluding the store's own (the own default graph's statements are read through the
 *  merge, as the default graph). */
function hideInternalGraphs(patterns: Pattern[]): Pattern[] {
  return patterns.map((pattern): Pattern => {
    switch (pattern.type) {
      case 'graph': {
        const inner = { ...pattern, patterns: hideInternalGraphs(pattern.patterns) };
        if (pattern.name.termType !== 'Variable') return inner;
        const excluded = [...INTERNAL_GRAPHS].map((graph) => ({ termType: 'NamedNode', value: graph }) as IriTerm);
        return {
          type: 'group',
          patterns: [inner, { type: 'filter', expression: { type: 'operation', operator: 'notin', args: [pattern.name, excluded] } }],
        } as Pattern;
      }
      case 'group':
      case 'optional':
      case 'minus':
      case 'union':
      case 'service':
        return { ...pattern, patterns: hideInternalGraphs(pattern.patterns) } as Pattern;
      case 'query':
        return { ...pattern, where: hideInternalGraphs(pattern.where ?? []) };
      default:
        return pattern;
    }
  });
}

/** Rewrites one operation for a store that materialises the merge (see the module comment). */
function rewriteOperation(operation: UpdateOperation, target: UnionTarget): string[] {
  if ('updateType' in operation) {
    switch (operation.updateType) {
      case 'insert': {
        const insert = qualify(operation.insert, undefined);
        return [stringify({ updateType: 'insert', insert: [...insert, ...touched(insert)] }), ...syncTouched(target)];
      }
      case 'delete': {
        const remove = qualify(operation.delete, undefined);
        return [stringify({ updateType: 'delete', delete: remove }), stringify({ updateType: 'insert', insert: touched(remove) }), ...syncTouched(target)];
      }
      case 'deletewhere': {
        // DELETE WHERE { P } reads P in the merge and deletes it from the graphs that state it.
        const where: Pattern[] = operation.delete.map((group) =>
          group.type === 'graph'
            ? { type: 'graph', name: group.name, patterns: [{ type: 'bgp', triples: group.triples }] }
            : { type: 'bgp', triples: group.triples },
        );
        return rewriteOperation({ updateType: 'insertdelete', delete: operation.delete, insert: [], where }, target);
      }
      case 'insertdelete': {
        const withGraph = operation.graph;
        const remove = qualify(operation.delete ?? [], withGraph);
        const insert = qualify(operation.insert ?? [], withGraph);
        // WITH g also makes g the default graph of WHERE unless USING says otherwise; the
        // rewrite names g in the templates, so WHERE is wrapped in GRAPH g instead.
        const userWhere = hideInternalGraphs(operation.where ?? []);
        const where: Pattern[] = withGraph && !operation.using ? [{ type: 'graph', name: withGraph, patterns: userWhere }] : userWhere;
        const rewritten: UpdateOperation = {
          updateType: 'insertdelete',
          delete: remove,
          insert: [...insert, ...touched(remove), ...touched(insert)],
          where,
          ...(operation.using ? { using: operation.using } : {}),
        };
        return [stringify(rewritten), ...syncTouched(target)];
      }
    }
  }
  switch (operation.type) {
    case 'create':
    case 'load':
      return [stringify(operation)];
    case 'clear':
    case 'drop': {
      const verb = operation.type.toUpperCase();
      const silent = operation.silent ? ' SILENT' : '';
      const graph = operation.graph;
      if (graph.all) return [`${verb}${silent} ALL`];
      if (graph.named) {
        // Every named graph but the own default graph; the merge keeps what that one states.
        return [
          `INSERT { GRAPH ${iri(KEPT_GRAPH)} { ?s ?p ?o } } WHERE { GRAPH ${iri(OWN_DEFAULT_GRAPH)} { ?s ?p ?o } }`,
          `${verb}${silent} NAMED`,
          `INSERT { GRAPH ${iri(OWN_DEFAULT_GRAPH)} { ?s ?p ?o } } WHERE { GRAPH ${iri(KEPT_GRAPH)} { ?s ?p ?o } }`,
          `DROP SILENT GRAPH ${iri(KEPT_GRAPH)}`,
          ...rebuildUnion(target),
        ];
      }
      if (graph.default || !graph.name) return emptyGraphKeepingUnion(OWN_DEFAULT_GRAPH, `DROP SILENT GRAPH ${iri(OWN_DEFAULT_GRAPH)}`, target);
      return emptyGraphKeepingUnion(graph.name.value, `${verb}${silent} GRAPH ${iri(graph.name.value)}`, target);
    }
    case 'add':
    case 'copy':
    case 'move': {
      const source = graphName(operation.source);
      const destination = graphName(operation.destination);
      const sameGraph = source === destination && !operation.source.default === !operation.destination.default;
      if (sameGraph) return [];
      const checkSource =
        operation.silent || operation.source.default ? [] : [`ADD ${iri(source)} TO ${iri(TOUCHED_GRAPH)}`, `DROP SILENT GRAPH ${iri(TOUCHED_GRAPH)}`];
      const steps: string[] = [...checkSource];
      if (operation.type !== 'add')
        steps.push(...emptyGraphKeepingUnion(destination, `${destination === OWN_DEFAULT_GRAPH ? 'DROP' : 'CLEAR'} SILENT GRAPH ${iri(destination)}`, target));
      steps.push(
        ...(destination === OWN_DEFAULT_GRAPH ? [] : [`CREATE SILENT GRAPH ${iri(destination)}`]),
        `INSERT { GRAPH ${iri(destination)} { ?s ?p ?o } GRAPH ${iri(TOUCHED_GRAPH)} { ?s ?p ?o } } WHERE { ${sourcePattern(operation.source, target)} }`,
        ...syncTouched(target),
      );
      if (operation.type === 'move') {
        steps.push(...emptyGraphKeepingUnion(source, `DROP SILENT GRAPH ${iri(source)}`, target));
      }
      return steps;
    }
  }
}

/** Rewrites a SPARQL update so that it keeps the materialised merge exact (module comment).
 *  The result is one update request: the engine applies it as one transaction. */
export function maintainUnion(update: string, target: UnionTarget, baseIri?: string): string {
  const parsed = parseUpdate(update, baseIri);
  const steps = parsed.updates.flatMap((operation) => rewriteOperation(operation, target));
  return steps.length ? steps.join(' ;\n') : 'CLEAR SILENT GRAPH <urn:x-unkg:graph:nothing>';
}

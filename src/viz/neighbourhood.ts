/** The ego graph of one resource: what it links to and what links to it, one or two hops
 *  out, within a node limit. */
import { VALUES_BATCH_SIZE } from '../graph';
import { EVIDENCE_CLASSES, NS } from '../vocab';
import { byCodeUnits } from './byCodeUnits';
import { buildVizGraph, type GraphViewOptions, type SelectStore } from './buildVizGraph';
import { VizRequestError } from './errors';
import type { VizGraph } from './model';
import { batches, iriRef, valuesClause } from './sparqlTerms';
import { validateViewOptions } from './validateViewOptions';

export type Direction = 'out' | 'in' | 'both';

export interface NeighbourhoodOptions extends GraphViewOptions {
  /** Hops from the resource. */
  depth: 1 | 2;
  /** Follow links from the resource ('out'), to it ('in') or both. */
  direction: Direction;
  /** Follow only these predicates (and draw only these as edges). */
  predicates?: readonly string[];
  /** Also reach the extraction evidence nodes ({para}/ref/n, {para}/act/n). Default false. */
  evidence?: boolean;
}

/** Evidence nodes are not part of the drawn graph unless asked for. */
export { EVIDENCE_CLASSES };

const RDF_TYPE = `${NS.rdf}type`;

function neighbourQuery(frontier: readonly string[], options: NeighbourhoodOptions, rowLimit: number): string {
  const patterns: string[] = [];
  if (options.direction !== 'in') patterns.push('{ ?n ?p ?m }');
  if (options.direction !== 'out') patterns.push('{ ?m ?p ?n }');
  const evidence = options.evidence ? '' : `FILTER NOT EXISTS { ?m a ?evidence . ${valuesClause('evidence', EVIDENCE_CLASSES)} }`;
  return [
    'SELECT DISTINCT ?m WHERE {',
    `  ${valuesClause('n', frontier)}`,
    options.predicates ? `  ${valuesClause('p', options.predicates)}` : '',
    `  ${patterns.join(' UNION ')}`,
    `  FILTER(isIRI(?m) && ?m != ?n && ?p != ${iriRef(RDF_TYPE)})`,
    `  ${evidence}`,
    `} ORDER BY ?m LIMIT ${rowLimit}`,
  ].join('\n');
}

/** The resources one hop from `frontier` that are not yet `seen`, in IRI order, at most
 *  `room` of them; `more` tells whether others were left out. Each batch asks for
 *  room + seen + 1 rows, enough to find the first `room` new ones across all batches. */
async function nextHop(
  store: SelectStore,
  frontier: readonly string[],
  seen: ReadonlySet<string>,
  room: number,
  options: NeighbourhoodOptions,
): Promise<{ found: string[]; more: boolean }> {
  const candidates = new Set<string>();
  const rowLimit = room + seen.size + 1;
  for (const batch of batches(frontier, VALUES_BATCH_SIZE)) {
    const result = await store.select(neighbourQuery(batch, options, rowLimit));
    for (const { m } of result.results.bindings) if (!seen.has(m.value)) candidates.add(m.value);
  }
  const ordered = [...candidates].sort(byCodeUnits);
  return { found: ordered.slice(0, room), more: ordered.length > room };
}

export async function neighbourhood(store: SelectStore, iri: string, options: NeighbourhoodOptions): Promise<VizGraph> {
  validateViewOptions(options, iri);
  if (options.depth !== 1 && options.depth !== 2) throw new VizRequestError(`depth must be 1 or 2: ${options.depth}`);
  if (!['out', 'in', 'both'].includes(options.direction)) throw new VizRequestError(`direction must be out, in or both: ${options.direction}`);

  const nodes = [iri];
  const seen = new Set(nodes);
  let frontier = [iri];
  let truncated = false;
  for (let hop = 0; hop < options.depth && frontier.length > 0; hop++) {
    const room = options.limit - nodes.length;
    if (room <= 0) {
      // Full already: anything one more hop out is left out.
      const { more } = await nextHop(store, frontier, seen, 0, options);
      truncated ||= more;
      break;
    }
    const { found, more } = await nextHop(store, frontier, seen, room, options);
    truncated ||= more;
    for (const n of found) seen.add(n);
    nodes.push(...found);
    frontier = found;
  }
  return buildVizGraph(store, nodes, { root: iri, truncated }, options);
}

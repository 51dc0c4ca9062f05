import type { RdfMediaType } from '../GraphStore';

/** One accepted write, as applied to every worker and appended to the journal. Updates are
 *  stored after rewriting (protocol dataset applied, NOW() frozen) so a replay reproduces
 *  exactly what was acknowledged. */
export type WriteOp =
  | { op: 'update'; sparql: string; baseIri?: string }
  /** Add data to a graph (Graph Store POST; bulk load). graph: IRI, null = default graph,
   *  absent = as written (dataset formats keep their graph names). */
  | { op: 'load'; data: string; format: RdfMediaType; graph?: string | null; baseIri?: string }
  /** Replace a graph's content (Graph Store PUT). */
  | { op: 'replace'; data: string; format: RdfMediaType; graph: string | null; baseIri?: string }
  /** Remove a named graph, or empty the default graph (Graph Store DELETE). */
  | { op: 'drop'; graph: string | null }
  /** Replace a graph with its quads in a file, read when applied (how a replace whose data
   *  a file keeps is replayed: the file as it is now; a file that is gone empties the graph). */
  | { op: 'reload'; path: string; format: RdfMediaType; graph: string | null };

/** What a write did, as seen by the first worker that applied it. */
export interface WriteOutcome {
  /** False when the write was a no-op (deleting a graph that does not exist). */
  changed: boolean;
  /** True when the target graph did not exist before. */
  created: boolean;
}

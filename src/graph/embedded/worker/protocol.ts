import type { RdfMediaType } from '../../GraphStore';
import type { WireError } from '../../errors';
import type { StoreSource } from '../../StoreSource';
import type { WriteOp } from '../writeOps';
import type { QueryRequest } from './engine';

/** Messages between the pool (main thread) and one oxigraph worker. */

export interface WorkerInit {
  sources: StoreSource[];
  /** Journal entries to replay after the sources. */
  journal: WriteOp[];
  /** The default graph is the merge of all graphs (EngineOptions). */
  unionDefaultGraph: boolean;
}

export type WorkerTask =
  | { kind: 'query'; request: QueryRequest }
  | { kind: 'write'; write: WriteOp }
  | { kind: 'replay'; writes: WriteOp[] }
  | { kind: 'dump'; format: RdfMediaType; graph?: string | null }
  | { kind: 'graphs' }
  | { kind: 'hasGraph'; graph: string }
  | { kind: 'size' }
  /** Writes the whole dataset as N-Quads to `path` (flushed to disk) and reports the named
   *  graphs that hold no triple (N-Quads cannot carry them). */
  | { kind: 'snapshot'; path: string };

export type WorkerRequest = WorkerTask & { id: number };

/** `fatal`: the engine failed in a way that leaves its memory untrusted; the worker exits
 *  right after this reply and must not be handed another task. */
export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError; fatal?: boolean };

/** What a snapshot task reports. */
export interface SnapshotOutcome {
  quads: number;
  bytes: number;
  emptyGraphs: string[];
}

/** Sent once, after the sources and journal are loaded (or failed to). */
export type WorkerStatus = { kind: 'ready'; quads: number } | { kind: 'failed'; error: WireError };

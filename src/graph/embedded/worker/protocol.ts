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
  | { kind: 'size' };

export type WorkerRequest = WorkerTask & { id: number };

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError };

/** Sent once, after the sources and journal are loaded (or failed to). */
export type WorkerStatus = { kind: 'ready'; quads: number } | { kind: 'failed'; error: WireError };

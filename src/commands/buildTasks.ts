/** What the build's calling thread and its worker threads say to each other (buildThreads.ts,
 *  buildWorker.ts). */
import { IngestError, type ResolutionAnalysis } from '../ingest';

export type TaskBody = { kind: 'analyse'; file: string } | { kind: 'write'; versions: ResolutionAnalysis[]; nqPath: string; ttlPath: string };
export type BuildTask = TaskBody & { id: number };

interface WireError {
  name: string;
  message: string;
  file?: string;
  line?: number;
}

export type TaskAnswer = { id: number; value: unknown } | { id: number; error: WireError };

/** An error as a worker sends it: an IngestError keeps its file and line. */
export function errorOnTheWire(error: unknown): WireError {
  const e = error instanceof Error ? (error as Error & { file?: string; line?: number }) : new Error(String(error));
  return { name: e.name, message: e.message, ...(e instanceof IngestError ? { file: e.file, line: e.line } : {}) };
}

export function errorFromTheWire(wire: WireError): Error {
  const error = wire.name === 'IngestError' && wire.file !== undefined ? new IngestError('', wire.file, wire.line) : new Error();
  error.message = wire.message;
  return error;
}

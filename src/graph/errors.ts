/** Typed errors of the store layer. The HTTP tier maps each class to a status in one place
 *  (src/http/errors.ts); errors cross the worker boundary as `{ name, message, details }`
 *  and are rebuilt here by name, so a caller always sees the same classes. */

import { describeEngineSyntaxError } from './describeSyntaxError';

export abstract class GraphStoreError extends Error {
  override readonly name: string = this.constructor.name;
  /** Extra fields that survive the trip from a worker (line, column, ...). */
  details(): Record<string, unknown> {
    return {};
  }
}

/** The query or update text is not valid SPARQL: where (line and column, 1-based) and what
 *  was expected there, in words (see describeSyntaxError); the engine's own text is kept in
 *  `engineMessage` for the logs. */
export class QuerySyntaxError extends GraphStoreError {
  constructor(
    readonly engineMessage: string,
    readonly line?: number,
    readonly column?: number,
    /** What was wrong, in words; the engine's message when absent. */
    readonly description?: string,
  ) {
    const what = description ?? engineMessage.replace(/^error at \d+:\d+:\s*/, '');
    super(line === undefined ? `SPARQL syntax error: ${what}` : `SPARQL syntax error at line ${line}, column ${column}: ${what}`);
  }
  /** From oxigraph's `error at 3:17: expected ...` form, described against the query text. */
  static fromEngine(message: string, query?: string): QuerySyntaxError {
    const at = /^error at (\d+):(\d+):\s*(?:expected\s+)?([\s\S]*)$/.exec(message);
    if (!at) return new QuerySyntaxError(message);
    const described = describeEngineSyntaxError(at[3], query, Number(at[1]), Number(at[2]));
    return new QuerySyntaxError(message, described.line, described.column, described.description);
  }
  override details() {
    return { engineMessage: this.engineMessage, line: this.line, column: this.column, description: this.description };
  }
}

/** RDF data (a source file, a load, a Graph Store body) could not be parsed. */
export class RdfSyntaxError extends GraphStoreError {}

/** The query ran past its time budget; its worker was stopped. */
export class QueryTimeoutError extends GraphStoreError {
  constructor(readonly timeoutMs: number) {
    super(`The query was stopped after ${timeoutMs} ms (the time limit of this service)`);
  }
  override details() {
    return { timeoutMs: this.timeoutMs };
  }
}

/** A media type the engine cannot read or write for this kind of result. */
export class UnsupportedFormatError extends GraphStoreError {}

/** Valid SPARQL the engine refused to evaluate (SERVICE, LOAD, CREATE of an existing graph, ...). */
export class QueryEvaluationError extends GraphStoreError {}

/** A query refused before evaluation because its shape (nesting, size) is beyond what the
 *  engine evaluates safely (see queryComplexity.ts). */
export class QueryTooComplexError extends GraphStoreError {}

/** The store refused to take a query now (its queue is full, or the client already has as
 *  many queries queued or running as it may): the caller may try again after `retryAfterS`. */
export class StoreBusyError extends GraphStoreError {
  constructor(
    message: string,
    readonly retryAfterS: number,
  ) {
    super(message);
  }
  override details() {
    return { retryAfterS: this.retryAfterS };
  }
}

/** The client went away before its query was answered (it was dropped or stopped). */
export class QueryCancelledError extends GraphStoreError {
  constructor() {
    super('The query was cancelled: its client went away');
  }
}

/** Protocol dataset parameters given together with USING/WITH in the update text. */
export class DatasetConflictError extends GraphStoreError {}

/** An update whose result would differ on every replay (RAND, UUID, STRUUID). */
export class NonDeterministicUpdateError extends GraphStoreError {}

/** A data source could not be loaded at start-up. */
export class SourceLoadError extends GraphStoreError {}

/** The write journal is unreadable or could not be written. */
export class JournalError extends GraphStoreError {}

/** The store was closed. */
export class StoreClosedError extends GraphStoreError {
  constructor() {
    super('The store is closed');
  }
}

/** The engine failed in a way the caller cannot fix (a worker crashed, memory ran out). */
export class StoreFailureError extends GraphStoreError {}

/** The shape of an error after structured cloning between threads. */
export interface WireError {
  name: string;
  message: string;
  details?: Record<string, unknown>;
}

export function toWire(error: unknown): WireError {
  if (error instanceof GraphStoreError) return { name: error.name, message: error.message, details: error.details() };
  const message = error instanceof Error ? error.message : String(error);
  return { name: StoreFailureError.name, message };
}

export function fromWire(wire: WireError): GraphStoreError {
  const d = wire.details ?? {};
  switch (wire.name) {
    case QuerySyntaxError.name:
      return new QuerySyntaxError(
        String(d.engineMessage ?? wire.message),
        d.line as number | undefined,
        d.column as number | undefined,
        d.description as string | undefined,
      );
    case QueryTimeoutError.name:
      return new QueryTimeoutError(Number(d.timeoutMs));
    case RdfSyntaxError.name:
      return new RdfSyntaxError(wire.message);
    case UnsupportedFormatError.name:
      return new UnsupportedFormatError(wire.message);
    case QueryEvaluationError.name:
      return new QueryEvaluationError(wire.message);
    case QueryTooComplexError.name:
      return new QueryTooComplexError(wire.message);
    case DatasetConflictError.name:
      return new DatasetConflictError(wire.message);
    case NonDeterministicUpdateError.name:
      return new NonDeterministicUpdateError(wire.message);
    case SourceLoadError.name:
      return new SourceLoadError(wire.message);
    case JournalError.name:
      return new JournalError(wire.message);
    default:
      return new StoreFailureError(wire.message);
  }
}

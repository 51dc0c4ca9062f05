import { GraphStoreError, QueryEvaluationError, QuerySyntaxError, QueryTimeoutError, RdfSyntaxError, StoreFailureError } from '../errors';
import type { HttpResponse } from './RemoteHttp';

/** The remote store's answers mapped to the store's error classes, in one place. The cases
 *  are Virtuoso's (7.2, Debian) as observed; another SPARQL 1.1 store answering 400 for a
 *  bad request and 5xx for its own failures falls into the general ones. */

/** Virtuoso answered with partial results after its time budget ("anytime" queries). */
const PARTIAL_RESULTS_STATE = 'S1TAT';

/** Virtuoso refuses a query it estimates will run past MaxQueryCostEstimationTime. */
const ESTIMATED_TOO_LONG = /estimated execution time .* exceeds the limit/i;

/** Virtuoso's transaction timer (S1T00, SR171) ended the query. */
const TRANSACTION_TIMEOUT = /S1T00|SR171: Transaction timed out/i;

/** Virtuoso evaluates a transitive path only from a bound end. */
const TRANSITIVE_UNBOUND = /transitive start not given|neither end of it is bound/i;

/** Virtuoso's transitive-path evaluation ran out of its working memory. */
const TRANSITIVE_MEMORY = /transitive (?:temp|start) memory|TN\.\.\.|SR\d+: Exceeded \d+ bytes in transitive temp memory/i;

/** Virtuoso's SPARQL compiler limits (INSERT DATA past about 1,200 triples). */
const COMPILER_LIMIT = /memory exhausted|generated SQL text has exceeded/i;

const SYNTAX = /SP030|SP031|syntax error|37000 Error/i;

/** The text of an error body without the echo of the query Virtuoso appends. */
function engineMessage(body: string): string {
  return body
    .split(/\n\s*SPARQL query:/)[0]
    .trim()
    .slice(0, 2000);
}

/** Partial results answered with 200 are a timeout, never an answer. */
export function partialResults(response: HttpResponse, timeoutMs: number): GraphStoreError | undefined {
  const state = response.headers['x-sql-state'];
  return state !== undefined && String(state).trim() === PARTIAL_RESULTS_STATE ? new QueryTimeoutError(timeoutMs) : undefined;
}

export function remoteError(response: HttpResponse, kind: 'query' | 'update' | 'data', timeoutMs: number): GraphStoreError {
  const message = engineMessage(response.body);
  const partial = partialResults(response, timeoutMs);
  if (partial) return partial;
  if (ESTIMATED_TOO_LONG.test(message) || TRANSACTION_TIMEOUT.test(message)) return new QueryTimeoutError(timeoutMs);
  if (TRANSITIVE_UNBOUND.test(message)) {
    return new QueryEvaluationError(
      'The store evaluates a transitive property path (+ or *) only from a bound end: give the subject or the object of the path a value, or join it to a pattern that binds one',
    );
  }
  if (/already exists/i.test(message)) return new QueryEvaluationError(message);
  if (/SPARQL compiler: Internal error/i.test(message)) return new QueryEvaluationError(`The store could not evaluate this query (${message})`);
  if (TRANSITIVE_MEMORY.test(message)) {
    return new QueryEvaluationError(
      `The store ran out of working memory on a transitive property path (${message}); bind one end of the path or bound its length`,
    );
  }
  if (COMPILER_LIMIT.test(message)) {
    return new QueryEvaluationError(`The request is too large for the store's SPARQL compiler (${message}); send large data with the Graph Store Protocol`);
  }
  if (response.status === 401 || response.status === 403)
    return new StoreFailureError(`The remote store refused the service's credentials (HTTP ${response.status})`);
  if (response.status >= 400 && response.status < 500) {
    if (kind === 'data') return new RdfSyntaxError(`The remote store refused the data: ${message}`);
    if (SYNTAX.test(message)) return new QuerySyntaxError(message);
    return new QueryEvaluationError(message || `The remote store answered HTTP ${response.status}`);
  }
  return new StoreFailureError(`The remote store failed (HTTP ${response.status}): ${message}`);
}

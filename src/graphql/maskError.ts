import { GraphQLError } from 'graphql';
import { QueryTimeoutError, StoreClosedError } from '../graph';
import { QueryTooSlowError, StoreUnavailableError } from './errors';

/** Client mistakes (GraphQLErrors the API throws: bad cursor, page too large, unknown
 *  argument) reach the client as they are; a store timeout or shutdown is said plainly;
 *  anything else is masked as "Unexpected error." (yoga logs the original). */
export function maskError(error: unknown, message: string): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  const located = error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {};
  if (original instanceof QueryTimeoutError) return new QueryTooSlowError(original.timeoutMs).withLocation(located);
  if (original instanceof StoreClosedError) return new StoreUnavailableError().withLocation(located);
  if (error instanceof GraphQLError && (!original || original instanceof GraphQLError)) return error;
  return new GraphQLError(message, { ...located, extensions: { code: 'INTERNAL_SERVER_ERROR', unexpected: true } });
}

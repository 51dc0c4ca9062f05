import { GraphQLError, type ASTNode } from 'graphql';

/** An error of the API, placed where it happened in the response. */
class LocatableError extends GraphQLError {
  withLocation({ nodes, path }: { nodes?: readonly ASTNode[]; path?: readonly (string | number)[] }): GraphQLError {
    return new GraphQLError(this.message, { nodes, path, extensions: this.extensions });
  }
}

/** Errors that are the client's to fix. They reach the client as they are, with
 *  `extensions.code = "BAD_USER_INPUT"`; every other failure is masked (see maskError). */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, argument?: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
  }
}

/** A store query that ran out of time: the service's limit, said plainly. */
export class QueryTooSlowError extends LocatableError {
  constructor(timeoutMs: number) {
    super(`A query behind this request took longer than ${timeoutMs} ms and was stopped; ask for fewer or smaller pages`, {
      extensions: { code: 'QUERY_TIMEOUT', http: { status: 503 } },
    });
  }
}

/** The store is shutting down or restarting. */
export class StoreUnavailableError extends LocatableError {
  constructor() {
    super('The service is shutting down', { extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } } });
  }
}

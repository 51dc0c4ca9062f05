import type { DocumentNode, GraphQLSchema } from 'graphql';
import { prefetchPaths } from '../loaders/prefetchPaths';
import { nullVariables, planOperation, type OperationPlan, type ResolverMap } from './planOperation';
import { PLAN_CACHE_SIZE } from '../limits';

/** What an operation needs before it runs: its plan and the look-ahead of the fallback loaders. */
export interface PreparedOperation {
  readonly plan: OperationPlan;
  readonly paths: readonly string[];
}

/** Prepared operations, per query text, operation name and the variables that are null: a
 *  request that sends the same operation again (a persisted one, a front end's) is planned
 *  once, whatever document object the parser hands over. Bounded: a client sending ever new
 *  texts pushes out the oldest. */
export class OperationPlans {
  private readonly prepared = new Map<string, PreparedOperation>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly resolvers: ResolverMap,
    private readonly limit = PLAN_CACHE_SIZE,
  ) {}

  get size(): number {
    return this.prepared.size;
  }

  prepare(
    document: DocumentNode,
    text: string | undefined,
    operationName: string | null | undefined,
    variables: Readonly<Record<string, unknown>> | undefined,
  ): PreparedOperation {
    const nulls = nullVariables(document, operationName, variables);
    const key = text === undefined ? undefined : `${operationName ?? ''}\u0000${nulls.join(' ')}\u0000${text}`;
    const kept = key === undefined ? undefined : this.prepared.get(key);
    if (kept) {
      // Most recently used last.
      this.prepared.delete(key!);
      this.prepared.set(key!, kept);
      return kept;
    }
    const prepared = {
      plan: planOperation(this.schema, this.resolvers, document, operationName, nulls),
      paths: prefetchPaths(this.schema, document, operationName),
    };
    if (key !== undefined) {
      this.prepared.set(key, prepared);
      if (this.prepared.size > this.limit) this.prepared.delete(this.prepared.keys().next().value!);
    }
    return prepared;
  }
}

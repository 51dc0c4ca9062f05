import type { ParagraphRelation } from '../loaders/paragraphRelations';

/** What a field resolver reads from the graph, declared beside the resolver so that an operation
 *  can be planned before it runs (see planOperation): the planner adds up the needs of the
 *  selected fields and the loaders fetch exactly that, a whole subtree per round trip. A need the
 *  declaration misses costs a query, never a wrong answer: resolvers check that what they read
 *  was loaded (Description.covers) and load it otherwise. Predicates are full IRIs. */
export interface FieldNeeds {
  /** Predicates read on the resource itself. */
  readonly reads?: readonly string[];
  /** The field's resources are the objects of these predicates (any of them). */
  readonly links?: readonly string[];
  /** Read by the resolver itself on the resources it returns (to filter, order or type them). */
  readonly linkedReads?: readonly string[];
  /** Follow `links` again from each linked resource, up to this many links in all (a climb up
   *  eli:is_part_of to the document); the resources on the way count as linked. */
  readonly hops?: number;
  /** Resources the resolver passes through without returning them (the clause acts behind
   *  clause verbs), with what it reads on them. */
  readonly through?: { readonly links: readonly string[]; readonly reads: readonly string[] };
  /** The field's resources are the references of this class (unkg:Citation, unkg:Mention) the
   *  resource makes (cito:hasCitingEntity). */
  readonly references?: string;
  /** The field's resources are the paragraphs in this relation to the resource, a list whose
   *  order comes with the resource and whose members load in the next round trip; or the
   *  relation given the names of the arguments the operation passes to the field. */
  readonly paragraphs?: ParagraphRelation | ((given: ReadonlySet<string>) => ParagraphRelation);
}

const NEEDS = new WeakMap<object, FieldNeeds>();

/** Declares what `resolver` reads; returns the resolver. */
export function needing<R extends object>(needs: FieldNeeds, resolver: R): R {
  NEEDS.set(resolver, needs);
  return resolver;
}

/** The declared needs of a resolver; undefined when it declares none. */
export const needsOf = (resolver: unknown): FieldNeeds | undefined =>
  typeof resolver === 'function' || (typeof resolver === 'object' && resolver !== null) ? NEEDS.get(resolver) : undefined;

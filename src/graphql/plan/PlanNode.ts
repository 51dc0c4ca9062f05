import type { ParagraphRelation } from '../loaders/paragraphRelations';

/** One set of resources an operation reaches (the resources of one field, or of the fields that
 *  share a link), with what the operation reads on them and how it goes on from them. The
 *  resources themselves are known only once loaded: a node is reached from its parent's. */
export class PlanNode {
  /** Predicates read on these resources (full IRIs). */
  readonly reads = new Set<string>();
  /** Resources linked from these by one of `predicates`, in up to `hops` hops. */
  readonly links = new Map<string, { readonly predicates: readonly string[]; readonly hops: number; readonly node: PlanNode }>();
  /** References (unkg:Citation, unkg:Mention) these resources make. */
  readonly references = new Map<string, PlanNode>();
  /** Paragraph lists hanging off these resources: the order comes with these resources, the
   *  members (`node`) load in a round trip of their own, one page at a time. */
  readonly lists = new Map<string, { readonly relation: ParagraphRelation; readonly node: PlanNode }>();
  /** Fields selected on the connection these resources are members of (totalCount ...). */
  readonly connectionFields = new Set<string>();

  /** The node of the resources linked from these by one of `predicates`, in up to `hops` hops
   *  (a climb up eli:is_part_of): every resource on the way belongs to it. */
  link(predicates: readonly string[], hops = 1): PlanNode {
    const sorted = [...predicates].sort();
    const key = `${sorted.join(' ')} ${hops}`;
    let edge = this.links.get(key);
    if (!edge) this.links.set(key, (edge = { predicates: sorted, hops, node: new PlanNode() }));
    this.read(predicates);
    // Climbing on reads the links on the way.
    if (hops > 1) edge.node.read(predicates);
    return edge.node;
  }

  referencesOf(referenceClass: string): PlanNode {
    let node = this.references.get(referenceClass);
    if (!node) this.references.set(referenceClass, (node = new PlanNode()));
    return node;
  }

  list(relation: ParagraphRelation): PlanNode {
    let edge = this.lists.get(relation.name);
    if (!edge) this.lists.set(relation.name, (edge = { relation, node: new PlanNode() }));
    return edge.node;
  }

  read(predicates: Iterable<string> = []): this {
    for (const predicate of predicates) this.reads.add(predicate);
    return this;
  }
}

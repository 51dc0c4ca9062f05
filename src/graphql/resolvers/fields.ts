import type { GraphQLResolveInfo } from 'graphql';
import type { SparqlJsonTerm } from '../../graph';
import { NS } from '../../vocab';
import type { GraphqlContext } from '../GraphqlContext';
import { langString, pickLiteral } from '../languages/pickLiteral';
import { pageOf, pageOfList, type Connection, type PageArgs } from '../lists/connection';
import type { ParagraphRow } from '../loaders/paragraphIndex';
import type { ParagraphRelation } from '../loaders/paragraphRelations';
import type { NodeRef } from '../NodeRef';
import { needing } from '../plan/FieldNeeds';
import type { PlanNode } from '../plan/PlanNode';
import { Description } from '../rdf/Description';

/** Building blocks of the field resolvers. A resolver's parent is a NodeRef: the IRI alone, or
 *  the resource's Description. Each resolver declares what it reads (FieldNeeds) so that the
 *  operation's plan loads it beforehand; it then answers at once from the request's graph, and
 *  loads only what was not loaded (a Promise then). */

export const RDF_TYPE = `${NS.rdf}type`;

export type MaybePromise<T> = T | Promise<T>;

/** `next(value)`, now if the value is here, else once it is. */
export function then<T, R>(value: MaybePromise<T>, next: (value: T) => MaybePromise<R>): MaybePromise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}

export type LangArgs = { lang?: string[] | null };

/** The description of a resource with `reads` loaded: from the request's graph when there, else
 *  loaded whole. */
export function describe(context: GraphqlContext, node: NodeRef, reads: readonly string[] = []): MaybePromise<Description> {
  const description = node instanceof Description ? node : context.loaders.graph.get(node.id);
  if (description?.covers(reads)) return description;
  return context.loaders.describe.load(node.id);
}

export function describeAll(context: GraphqlContext, ids: readonly string[], reads: readonly string[] = []): MaybePromise<Description[]> {
  const descriptions = ids.map((id) => describe(context, { id }, reads));
  return descriptions.some((d) => d instanceof Promise) ? Promise.all(descriptions) : (descriptions as Description[]);
}

/** What a resolver returns for a resource: its description when loaded, else its IRI. */
export const refOf = (context: GraphqlContext, id: string): NodeRef => context.loaders.graph.get(id) ?? { id };

/** Loads resources the resolver found by itself as the plan node of its field (`suffix` picks
 *  the members of a list) plans them. */
export const loadAs = (context: GraphqlContext, info: GraphQLResolveInfo, ids: readonly string[], suffix?: string): MaybePromise<NodeRef[]> =>
  loadAt(context, context.plan?.at(info.path, suffix), ids);

/** Loads resources as `node` plans them; without a node, returns their IRIs for later loads. */
export function loadAt(context: GraphqlContext, node: PlanNode | undefined, ids: readonly string[]): MaybePromise<NodeRef[]> {
  if (!node || !ids.length) return ids.map((id) => refOf(context, id));
  const loader = context.loaders.level(node);
  return Promise.all(ids.map((id) => loader.load(id)));
}

/** The language preference of a field: its `lang` argument, else the request's. */
export const preferenceOf = (args: LangArgs, context: GraphqlContext): string[] => args.lang ?? context.languages;

/** `id` and `types`, shared by every Node type. */
export const nodeFields = {
  id: needing({}, (node: NodeRef) => node.id),
  types: needing({ reads: [RDF_TYPE] }, (node: NodeRef, _: unknown, context: GraphqlContext) => then(describe(context, node, [RDF_TYPE]), (d) => d.types)),
};

/** A resolver reading a description: `read(description, args, context)` once `predicates` are loaded. */
export function reading<A, R>(predicates: readonly string[], read: (description: Description, args: A, context: GraphqlContext) => R) {
  return needing({ reads: predicates }, (node: NodeRef, args: A, context: GraphqlContext): MaybePromise<R> =>
    then(describe(context, node, predicates), (d) => read(d, args, context)),
  );
}

/** A text field with a language preference, and its `...s` twin listing all versions. */
export const textOf = (...predicates: string[]) =>
  reading(predicates, (d, args: LangArgs, context): string | null => pickLiteral(literalsOf(d, predicates), preferenceOf(args, context))?.value ?? null);

export const textsOf = (...predicates: string[]) => reading(predicates, (d) => literalsOf(d, predicates).map(langString));

/** All versions in the one language the preference picks (preferred, untagged, any). */
export const namesOf = (predicate: string) =>
  reading([predicate], (d, args: LangArgs, context) => {
    const literals = d.literals(predicate);
    const chosen = pickLiteral(literals, preferenceOf(args, context));
    return chosen ? literals.filter((l) => l['xml:lang'] === chosen['xml:lang']).map(langString) : [];
  });

/** The first predicate that has literals wins (skos:prefLabel before rdfs:label ...). */
function literalsOf(description: Description, predicates: readonly string[]): SparqlJsonTerm[] {
  for (const predicate of predicates) {
    const literals = description.literals(predicate);
    if (literals.length) return literals;
  }
  return [];
}

export const stringOf = (predicate: string) => reading([predicate], (d): string | null => d.string(predicate) ?? null);

export const integerOf = (predicate: string) => reading([predicate], (d): number | null => d.integer(predicate) ?? null);

/** A single-valued link (the first object by IRI). */
export const linkOf = (predicate: string) =>
  needing({ reads: [predicate], links: [predicate] }, (node: NodeRef, _: unknown, context: GraphqlContext) =>
    then(describe(context, node, [predicate]), (d): NodeRef | null => {
      const target = d.iri(predicate);
      return target ? refOf(context, target) : null;
    }),
  );

/** A multi-valued link, by IRI. */
export const linksOf = (predicate: string) =>
  needing({ reads: [predicate], links: [predicate] }, (node: NodeRef, _: unknown, context: GraphqlContext) =>
    then(describe(context, node, [predicate]), (d) => d.iris(predicate).map((id) => refOf(context, id))),
  );

/** Objects of `predicate` that are of one of `classes`, by IRI. */
export const linksOfClass = (predicate: string, ...classes: string[]) =>
  needing({ reads: [predicate], links: [predicate], linkedReads: [RDF_TYPE] }, (node: NodeRef, _: unknown, context: GraphqlContext) =>
    then(describe(context, node, [predicate]), (d) =>
      then(describeAll(context, d.iris(predicate), [RDF_TYPE]), (linked) => linked.filter((l) => l.isA(...classes))),
    ),
  );

/** Subjects pointing at the node with `predicate`, by IRI. */
export const inverseLinksOf = (predicate: string) =>
  needing({}, async (node: NodeRef, _: unknown, context: GraphqlContext, info: GraphQLResolveInfo) =>
    loadAs(context, info, await context.loaders.inverse(predicate).load(node.id)),
  );

/** The paragraphs in `relation` to `key`, in reading order. */
export const paragraphListOf = (context: GraphqlContext, relation: ParagraphRelation, key: string): MaybePromise<ParagraphRow[]> =>
  context.loaders.graph.paragraphs(relation, key) ?? context.loaders.paragraphs(relation).load(key);

/** A paragraph connection in `relation` to the node, optionally narrowed. */
export const paragraphsIn = <A extends PageArgs>(relation: ParagraphRelation, keep: (row: ParagraphRow, args: A) => boolean = () => true) =>
  needing({ paragraphs: relation }, (node: NodeRef, args: A, context: GraphqlContext, info: GraphQLResolveInfo) =>
    paragraphConnection(context, info, relation, node.id, args, (row) => keep(row, args)),
  );

/** One page of the paragraphs in `relation` to `key`; the page's paragraphs load as the plan
 *  plans the connection's members. */
export function paragraphConnection(
  context: GraphqlContext,
  info: GraphQLResolveInfo,
  relation: ParagraphRelation,
  key: string,
  args: PageArgs,
  keep: (row: ParagraphRow) => boolean,
): MaybePromise<Connection<NodeRef>> {
  const page = pageOf(args);
  return then(paragraphListOf(context, relation, key), (rows) => {
    const ids = rows.filter(keep).map((row) => row.id);
    return then(loadAs(context, info, ids.slice(page.offset, page.offset + page.first), relation.name), (members) => pageOfList(members, page, ids.length));
  });
}

/** Orders by the first key, then the next ... ; undefined sorts last. */
export function byKeys<T>(...keys: Array<(item: T) => number | string | undefined>): (a: T, b: T) => number {
  return (a, b) => {
    for (const key of keys) {
      const x = key(a);
      const y = key(b);
      if (x === y) continue;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      return x < y ? -1 : 1;
    }
    return 0;
  };
}

/** "5.2" < "5.a" < "16.2": numeric parts as numbers, others as text. */
export function compareCodes(a: string, b: string): number {
  const x = a.split('.');
  const y = b.split('.');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] === undefined) return -1;
    if (y[i] === undefined) return 1;
    const [m, n] = [Number(x[i]), Number(y[i])];
    const diff = Number.isNaN(m) || Number.isNaN(n) ? x[i].localeCompare(y[i]) : m - n;
    if (diff) return diff;
  }
  return 0;
}

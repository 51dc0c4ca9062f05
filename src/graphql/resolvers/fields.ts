import type { SparqlJsonTerm } from '../../graph';
import type { GraphqlContext } from '../GraphqlContext';
import { langString, pickLiteral } from '../languages/pickLiteral';
import { connectionOf, pageOf, type PageArgs } from '../lists/connection';
import type { ParagraphRow } from '../loaders/paragraphIndex';
import type { ParagraphRelation } from '../loaders/paragraphRelations';
import { nodeRef, type NodeRef } from '../NodeRef';
import { Description } from '../rdf/Description';

/** Building blocks of the field resolvers. A resolver's parent is a NodeRef: the IRI alone,
 *  or the resource's Description when it is already loaded. Field values come from the
 *  batched `describe` loader, so a field costs no query of its own. */

export type LangArgs = { lang?: string[] | null };

export function describe(context: GraphqlContext, node: NodeRef): Promise<Description> {
  return node instanceof Description ? Promise.resolve(node) : context.loaders.describe.load(node.id);
}

export async function describeAll(context: GraphqlContext, ids: readonly string[]): Promise<Description[]> {
  return Promise.all(ids.map((id) => context.loaders.describe.load(id)));
}

/** The language preference of a field: its `lang` argument, else the request's. */
export const preferenceOf = (args: LangArgs, context: GraphqlContext): string[] => args.lang ?? context.languages;

/** `id` and `types`, shared by every Node type. */
export const nodeFields = {
  id: (node: NodeRef) => node.id,
  types: async (node: NodeRef, _: unknown, context: GraphqlContext) => (await describe(context, node)).types,
};

/** A text field with a language preference, and its `...s` twin listing all versions. */
export const textOf =
  (...predicates: string[]) =>
  async (node: NodeRef, args: LangArgs, context: GraphqlContext): Promise<string | null> =>
    pickLiteral(literalsOf(await describe(context, node), predicates), preferenceOf(args, context))?.value ?? null;

export const textsOf =
  (...predicates: string[]) =>
  async (node: NodeRef, _: unknown, context: GraphqlContext) =>
    literalsOf(await describe(context, node), predicates).map(langString);

/** All versions in the one language the preference picks (preferred, untagged, any). */
export const namesOf =
  (predicate: string) =>
  async (node: NodeRef, args: LangArgs, context: GraphqlContext) => {
    const literals = (await describe(context, node)).literals(predicate);
    const chosen = pickLiteral(literals, preferenceOf(args, context));
    return chosen ? literals.filter((l) => l['xml:lang'] === chosen['xml:lang']).map(langString) : [];
  };

/** The first predicate that has literals wins (skos:prefLabel before rdfs:label ...). */
function literalsOf(description: Description, predicates: string[]): SparqlJsonTerm[] {
  for (const predicate of predicates) {
    const literals = description.literals(predicate);
    if (literals.length) return literals;
  }
  return [];
}

export const stringOf =
  (predicate: string) =>
  async (node: NodeRef, _: unknown, context: GraphqlContext): Promise<string | null> =>
    (await describe(context, node)).string(predicate) ?? null;

export const integerOf =
  (predicate: string) =>
  async (node: NodeRef, _: unknown, context: GraphqlContext): Promise<number | null> =>
    (await describe(context, node)).integer(predicate) ?? null;

/** A single-valued link (the first object by IRI). */
export const linkOf =
  (predicate: string) =>
  async (node: NodeRef, _: unknown, context: GraphqlContext): Promise<NodeRef | null> => {
    const target = (await describe(context, node)).iri(predicate);
    return target ? nodeRef(target) : null;
  };

/** A multi-valued link, by IRI. */
export const linksOf =
  (predicate: string) =>
  async (node: NodeRef, _: unknown, context: GraphqlContext): Promise<NodeRef[]> =>
    (await describe(context, node)).iris(predicate).map(nodeRef);

/** Objects of `predicate` that are of one of `classes`, by IRI. */
export const linksOfClass =
  (predicate: string, ...classes: string[]) =>
  async (node: NodeRef, _: unknown, context: GraphqlContext): Promise<Description[]> =>
    (await describeAll(context, (await describe(context, node)).iris(predicate))).filter((d) => d.isA(...classes));

/** Subjects pointing at the node with `predicate`, by IRI. */
export const inverseLinksOf =
  (predicate: string) =>
  async (node: NodeRef, _: unknown, context: GraphqlContext): Promise<NodeRef[]> =>
    (await context.loaders.inverse(predicate).load(node.id)).map(nodeRef);

/** A paragraph connection in `relation` to the node, optionally narrowed. */
export const paragraphsIn =
  (relation: ParagraphRelation, keep: (row: ParagraphRow) => boolean = () => true) =>
  async (node: NodeRef, args: PageArgs, context: GraphqlContext) => {
    const page = pageOf(args);
    const rows = await context.loaders.paragraphs(relation).load(node.id);
    return connectionOf(
      rows.filter(keep).map((row) => nodeRef(row.id)),
      page,
    );
  };

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

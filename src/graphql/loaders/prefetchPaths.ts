import {
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { RDF_BINDINGS } from '../schema/rdfBindings';
import { MAX_HOPS } from '../limits';

/** Look-ahead: the links an operation will follow from the resources it loads, as SPARQL
 *  property paths (`eli:is_part_of`, `unkg:clauseAct/unkg:verb`). The describe loader fetches
 *  the resources at the end of these paths in the same query as the resources themselves, so
 *  `paragraphs { document { symbol } }` costs one round trip to the store, not two.
 *
 *  A path is a chain of forward link fields (bound to an RDF property in RDF_BINDINGS) selected
 *  one inside the other, of at most MAX_HOPS links, starting at any level of the operation.
 *  Paths only save round trips: a link the look-ahead misses is still loaded when resolved. */

/** Links a resolver follows beyond its own binding (to order or to climb). */
const RESOLVER_NEEDS: Readonly<Record<string, readonly string[]>> = {
  'Paragraph.clauseVerbs': ['unkg:clauseAct'],
  'Paragraph.document': ['eli:is_part_of/eli:is_part_of'],
};

const fields: Record<string, string> = RDF_BINDINGS.fields;

function linkOf(type: GraphQLNamedType, field: string): string | undefined {
  const owners = isObjectType(type) || isInterfaceType(type) ? [type.name, ...type.getInterfaces().map((i) => i.name)] : [type.name];
  const binding = owners.map((owner) => fields[`${owner}.${field}`]).find(Boolean);
  return binding && !binding.startsWith('^') ? binding : undefined;
}

const cache = new WeakMap<DocumentNode, Map<string, string[]>>();

export function prefetchPaths(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): string[] {
  const byOperation = cache.get(document) ?? new Map<string, string[]>();
  cache.set(document, byOperation);
  const key = operationName ?? '';
  const cached = byOperation.get(key);
  if (cached) return cached;

  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const paths = new Set<string>();

  const walk = (selectionSet: SelectionSetNode, type: GraphQLNamedType, chains: string[][], visited: Set<string>): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, (selection.typeCondition && schema.getType(selection.typeCondition.name.value)) || type, chains, visited);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !visited.has(fragment.name.value)) {
          walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? type, chains, new Set([...visited, fragment.name.value]));
        }
      } else if (selection.selectionSet && (isObjectType(type) || isInterfaceType(type))) {
        const definition = type.getFields()[selection.name.value];
        if (!definition) continue;
        const target = getNamedType(definition.type);
        const link = isCompositeType(target) && !target.name.endsWith('Connection') ? linkOf(type, selection.name.value) : undefined;
        const next = link ? [[link], ...chains.filter((c) => c.length < MAX_HOPS).map((c) => [...c, link])] : [];
        for (const chain of next) paths.add(chain.join('/'));
        for (const need of RESOLVER_NEEDS[`${type.name}.${selection.name.value}`] ?? []) paths.add(need);
        walk(selection.selectionSet, target, next, visited);
      }
    }
  };
  const root = operation && schema.getRootType(operation.operation);
  if (operation && root) walk(operation.selectionSet, root, [], new Set());

  const result = [...paths].sort();
  byOperation.set(key, result);
  return result;
}

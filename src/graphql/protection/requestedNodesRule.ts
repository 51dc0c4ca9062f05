import {
  GraphQLError,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLNamedType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_REQUESTED_NODES } from '../limits';

/** Refuses, before anything runs, an operation whose nested connections could return more
 *  than MAX_REQUESTED_NODES items. Static cost (graphql-armor) counts fields; this counts what
 *  page sizes multiply: `first: 100` inside `first: 100` inside `first: 100` is a million
 *  paragraphs. Each connection contributes the product of the page sizes along its path; a
 *  `first` given by a variable counts as MAX_PAGE_SIZE, an absent one as DEFAULT_PAGE_SIZE. */
export const requestedNodesRule: ValidationRule = (context: ValidationContext) => ({
  OperationDefinition(operation) {
    const root = context.getSchema().getRootType(operation.operation);
    if (!root) return;
    const total = countNodes(context, operation.selectionSet, root, 1, new Set());
    if (total > MAX_REQUESTED_NODES) {
      context.reportError(
        new GraphQLError(
          `This operation may return up to ${total} items through nested connections, above the limit of ${MAX_REQUESTED_NODES}. Ask for smaller pages ("first") or nest fewer connections.`,
          { nodes: operation, extensions: { code: 'REQUEST_TOO_LARGE' } },
        ),
      );
    }
  },
});

function countNodes(context: ValidationContext, selectionSet: SelectionSetNode, parent: GraphQLNamedType, multiplier: number, fragments: Set<string>): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      total += countField(context, selection, parent, multiplier, fragments);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? (context.getSchema().getType(selection.typeCondition.name.value) ?? parent) : parent;
      total += countNodes(context, selection.selectionSet, type, multiplier, fragments);
    } else {
      const name = selection.name.value;
      const fragment = context.getFragment(name);
      if (!fragment || fragments.has(name)) continue; // unknown or cyclic: other rules report it
      const type = context.getSchema().getType(fragment.typeCondition.name.value) ?? parent;
      total += countNodes(context, fragment.selectionSet, type, multiplier, new Set([...fragments, name]));
    }
    if (total > MAX_REQUESTED_NODES) return total;
  }
  return total;
}

function countField(context: ValidationContext, field: FieldNode, parent: GraphQLNamedType, multiplier: number, fragments: Set<string>): number {
  if (!field.selectionSet || !(isObjectType(parent) || isInterfaceType(parent))) return 0;
  const definition = parent.getFields()[field.name.value];
  if (!definition) return 0;
  const type = getNamedType(definition.type);
  const isConnection = type.name.endsWith('Connection') && definition.args.some((arg) => arg.name === 'first');
  const pageSize = isConnection ? firstOf(field) : 1;
  const nested = countNodes(context, field.selectionSet, type, multiplier * pageSize, fragments);
  return (isConnection ? multiplier * pageSize : 0) + nested;
}

function firstOf(field: FieldNode): number {
  const argument = field.arguments?.find((arg) => arg.name.value === 'first');
  if (!argument) return DEFAULT_PAGE_SIZE;
  if (argument.value.kind === Kind.INT) return Math.max(0, Number(argument.value.value));
  return MAX_PAGE_SIZE;
}

import {
  getNamedType,
  isAbstractType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Path } from 'graphql/jsutils/Path';
import { NS } from '../../vocab';
import type { ParagraphRelation } from '../loaders/paragraphRelations';
import { needsOf, type FieldNeeds } from './FieldNeeds';
import { PlanNode } from './PlanNode';

const RDF_TYPE = `${NS.rdf}type`;

/** Resolvers by type and field, as given to the schema. */
export type ResolverMap = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** The plan of one operation: for each field that returns resources, the PlanNode of those
 *  resources. Resolvers find theirs by their response path (list indices left out); the members
 *  of a connection are under the connection's path and `|page` (a top-level list) or
 *  `|<relation name>` (a paragraph list). */
export class OperationPlan {
  constructor(private readonly nodes: ReadonlyMap<string, PlanNode>) {}

  /** The node of the field at `path`, with an optional suffix (`page`, a relation name). */
  at(path: Path, suffix?: string): PlanNode | undefined {
    const key = pathKey(path);
    return this.nodes.get(suffix ? `${key}|${suffix}` : key);
  }

  /** Every registered key, for tests and diagnostics. */
  get keys(): string[] {
    return [...this.nodes.keys()].sort();
  }
}

/** `resolution.paragraphs.nodes.citations` for `resolution.paragraphs.nodes[3].citations`. */
export function pathKey(path: Path | undefined): string {
  const keys: string[] = [];
  for (let p = path; p; p = p.prev) if (typeof p.key === 'string') keys.push(p.key);
  return keys.reverse().join('.');
}

const cache = new WeakMap<DocumentNode, Map<string, OperationPlan>>();

/** The variables of a request that are null or absent, sorted: an argument given such a
 *  variable is planned as not given (see FieldNeeds.paragraphs). */
export function nullVariables(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> | undefined,
): string[] {
  const operation = operationOf(document, operationName);
  return (operation?.variableDefinitions ?? [])
    .map((definition) => definition.variable.name.value)
    .filter((name) => variables?.[name] == null)
    .sort();
}

/** Plans an operation from its selections and the needs its resolvers declare (FieldNeeds),
 *  given the variables that are null (see nullVariables). Plans are cached per parsed document
 *  (see also OperationPlans, which keeps them per query text). */
export function planOperation(
  schema: GraphQLSchema,
  resolvers: ResolverMap,
  document: DocumentNode,
  operationName?: string | null,
  nulls: readonly string[] = [],
): OperationPlan {
  let byOperation = cache.get(document);
  if (!byOperation) cache.set(document, (byOperation = new Map()));
  const key = `${operationName ?? ''}\u0000${nulls.join(' ')}`;
  const cached = byOperation.get(key);
  if (cached) return cached;

  const operation = operationOf(document, operationName);
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const nodes = new Map<string, PlanNode>();
  const root = operation && schema.getRootType(operation.operation);
  if (operation && root) new Planner(schema, resolvers, fragments, nodes, new Set(nulls)).selections(operation.selectionSet, root, new PlanNode(), '');

  const plan = new OperationPlan(nodes);
  byOperation.set(key, plan);
  return plan;
}

export const operationOf = (document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined =>
  document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName));

class Planner {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly resolvers: ResolverMap,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly nodes: Map<string, PlanNode>,
    private readonly nulls: ReadonlySet<string>,
  ) {}

  /** Adds what the selections read on `node`'s resources, of (static) type `type`. */
  selections(selectionSet: SelectionSetNode, type: GraphQLNamedType, node: PlanNode, path: string, seen: ReadonlySet<string> = new Set()): void {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        this.field(selection, type, node, path, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const narrowed = selection.typeCondition ? this.schema.getType(selection.typeCondition.name.value) : type;
        this.selections(selection.selectionSet, narrowed ?? type, node, path, seen);
      } else {
        const fragment = this.fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        const narrowed = this.schema.getType(fragment.typeCondition.name.value) ?? type;
        this.selections(fragment.selectionSet, narrowed, node, path, new Set([...seen, fragment.name.value]));
      }
    }
  }

  private field(selection: FieldNode, type: GraphQLNamedType, node: PlanNode, path: string, seen: ReadonlySet<string>): void {
    const name = selection.name.value;
    if (name.startsWith('__')) return;
    const fieldPath = path ? `${path}.${selection.alias?.value ?? name}` : (selection.alias?.value ?? name);
    for (const owner of this.ownersOf(type, name)) {
      const definition = owner.getFields()[name];
      const needs: FieldNeeds = needsOf(this.resolvers[owner.name]?.[name]) ?? {};
      node.read(needs.reads);
      if (needs.through) node.link(needs.through.links).read(needs.through.reads);
      if (!selection.selectionSet) continue;
      const target = getNamedType(definition.type);
      const given = new Set(
        (selection.arguments ?? [])
          .filter(({ value }) => value.kind !== Kind.NULL && !(value.kind === Kind.VARIABLE && this.nulls.has(value.name.value)))
          .map((argument) => argument.name.value),
      );
      const relation = typeof needs.paragraphs === 'function' ? needs.paragraphs(given) : needs.paragraphs;
      const child = this.childOf(node, { ...needs, paragraphs: relation }, target, fieldPath);
      if (isAbstractType(target)) child.read([RDF_TYPE]);
      if (target.name.endsWith('Connection') && isObjectType(target)) this.connection(selection.selectionSet, target, child, fieldPath, seen);
      else this.selections(selection.selectionSet, target, child, fieldPath, seen);
    }
  }

  /** The object types whose field `name` a selection on `type` may resolve. */
  private ownersOf(type: GraphQLNamedType, name: string): GraphQLObjectType[] {
    if (isObjectType(type)) return type.getFields()[name] ? [type] : [];
    if (isAbstractType(type)) return this.schema.getPossibleTypes(type).filter((t) => t.getFields()[name]);
    return [];
  }

  /** The node of a field's resources, registered under the field's path. For a connection it is
   *  the node of its members. */
  private childOf(node: PlanNode, needs: FieldNeeds & { paragraphs?: ParagraphRelation }, target: GraphQLNamedType, path: string): PlanNode {
    const register = (key: string, child: PlanNode): PlanNode => {
      if (!this.nodes.has(key)) this.nodes.set(key, child);
      return child.read(needs.linkedReads);
    };
    if (needs.paragraphs) return register(`${path}|${needs.paragraphs.name}`, node.list(needs.paragraphs));
    if (needs.references) return register(path, node.referencesOf(needs.references));
    if (needs.links) return register(path, node.link(needs.links, needs.hops));
    // Resources the resolver finds by itself (a lookup, a top-level list, a query of its own):
    // it loads them with this node, one per path.
    const key = target.name.endsWith('Connection') ? `${path}|page` : path;
    return register(key, this.nodes.get(key) ?? new PlanNode());
  }

  /** A connection's selections: its members are under `nodes` and `edges.node`; the rest is
   *  about the list (totalCount, pageInfo, cursors). */
  private connection(selectionSet: SelectionSetNode, type: GraphQLObjectType, members: PlanNode, path: string, seen: ReadonlySet<string>): void {
    this.fieldsOf(selectionSet, seen, (selection, seenHere) => {
      const name = selection.name.value;
      members.connectionFields.add(name);
      const definition = type.getFields()[name];
      if (!definition || !selection.selectionSet) return;
      const target = getNamedType(definition.type);
      if (name === 'nodes') this.members(selection.selectionSet, target, members, `${path}.nodes`, seenHere);
      else if (name === 'edges' && isObjectType(target)) this.edges(selection.selectionSet, target, members, `${path}.edges`, seenHere);
    });
  }

  private edges(selectionSet: SelectionSetNode, type: GraphQLObjectType, members: PlanNode, path: string, seen: ReadonlySet<string>): void {
    this.fieldsOf(selectionSet, seen, (selection, seenHere) => {
      if (selection.name.value !== 'node' || !selection.selectionSet) return;
      this.members(selection.selectionSet, getNamedType(type.getFields().node.type), members, `${path}.node`, seenHere);
    });
  }

  /** The selections on a connection's members (`nodes`, `edges.node`). */
  private members(selectionSet: SelectionSetNode, target: GraphQLNamedType, members: PlanNode, path: string, seen: ReadonlySet<string>): void {
    if (isAbstractType(target)) members.read([RDF_TYPE]);
    this.selections(selectionSet, target, members, path, seen);
  }

  /** Calls `visit` on each field selected, through inline fragments and fragment spreads (each
   *  named fragment once on a path), with the fragments spread on the way. */
  private fieldsOf(selectionSet: SelectionSetNode, seen: ReadonlySet<string>, visit: (field: FieldNode, seen: ReadonlySet<string>) => void): void {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        visit(selection, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        this.fieldsOf(selection.selectionSet, seen, visit);
      } else {
        const fragment = this.fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) this.fieldsOf(fragment.selectionSet, new Set([...seen, fragment.name.value]), visit);
      }
    }
  }
}

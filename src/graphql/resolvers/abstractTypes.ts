import type { GraphqlContext } from '../GraphqlContext';
import type { NodeRef } from '../NodeRef';
import { typeNameOf, type TypeName } from '../typeNameOf';
import { describe } from './fields';

/** The concrete type of a resource, for interfaces and unions: from its rdf:types, falling
 *  back to the member the abstract type allows (Resource, or OtherDocument for a document). */
const resolveType =
  (allowed: readonly TypeName[], fallback: TypeName) =>
  async (node: NodeRef, context: GraphqlContext): Promise<TypeName> => {
    const name = typeNameOf(await describe(context, node));
    return allowed.includes(name) ? name : fallback;
  };

const ALL: TypeName[] = [
  'Paragraph',
  'Footnote',
  'ClauseAct',
  'Citation',
  'Mention',
  'Treaty',
  'Resolution',
  'OtherDocument',
  'SdgTarget',
  'SdgGoal',
  'Organisation',
  'Event',
  'Publication',
  'Plan',
  'ClauseVerb',
  'Resource',
];

export const abstractTypeResolvers = {
  Node: { __resolveType: resolveType(ALL, 'Resource') },
  Document: { __resolveType: resolveType(['Resolution', 'OtherDocument'], 'OtherDocument') },
  Citable: { __resolveType: resolveType(['Resolution', 'OtherDocument', 'Treaty', 'SdgTarget', 'SdgGoal', 'Resource'], 'Resource') },
  Mentionable: {
    __resolveType: resolveType(['Organisation', 'Event', 'Publication', 'Plan', 'Resolution', 'OtherDocument', 'Treaty', 'Resource'], 'Resource'),
  },
};

import type { GraphqlContext } from '../GraphqlContext';
import type { NodeRef } from '../NodeRef';
import { typeNameOf, type TypeName } from '../typeNameOf';
import { describe, RDF_TYPE, then } from './fields';

/** The concrete type of a resource, for interfaces and unions: from its rdf:types, falling
 *  back to the member the abstract type allows (Resource, or OtherDocument for a document).
 *  The plan loads rdf:type for every field of an abstract type. */
const resolveType = (allowed: readonly TypeName[], fallback: TypeName) => (node: NodeRef, context: GraphqlContext) =>
  then(describe(context, node, [RDF_TYPE]), (description) => {
    const name = typeNameOf(description);
    return allowed.includes(name) ? name : fallback;
  });

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

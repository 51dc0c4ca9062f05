import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { MAX_SCHEMA_FIELDS, MAX_TYPE_FIELDS } from '../limits';

/** Counts introspection against the limits: depth and cost exempt it (GraphiQL's own
 *  introspection query is deeper and costlier than any data query allowed), so the number of
 *  `__schema` and `__type` fields in a document is bounded here instead. Fourteen aliased
 *  `__schema` fields once made one 1.6 KB request cost 766 KB of answer. */
export const introspectionRule: ValidationRule = (context: ValidationContext) => {
  const counts = { __schema: 0, __type: 0 };
  const limits = { __schema: MAX_SCHEMA_FIELDS, __type: MAX_TYPE_FIELDS };
  return {
    Field(node) {
      const name = node.name.value;
      if (name !== '__schema' && name !== '__type') return;
      counts[name] += 1;
      if (counts[name] === limits[name] + 1) {
        context.reportError(
          new GraphQLError(`A document may select ${name} at most ${limits[name]} time${limits[name] === 1 ? '' : 's'}; this one selects it more often`, {
            nodes: node,
            extensions: { code: 'QUERY_LIMIT_EXCEEDED' },
          }),
        );
      }
    },
  };
};

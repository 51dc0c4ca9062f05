import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { MAX_ALIASES, MAX_COST, MAX_DEPTH, MAX_DIRECTIVES, MAX_TOKENS } from '../limits';
import { introspectionRule } from './introspectionRule';
import { requestedNodesRule } from './requestedNodesRule';

/** graphql-armor throws out of validation by default, which yoga answers as an unexpected
 *  failure; reported as validation errors instead, they come back as any invalid document does
 *  (HTTP 400, no data), without armor's misleading "Syntax Error:" prefix. */
const REPORT = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: 'QUERY_LIMIT_EXCEEDED' } })),
  ],
};

/** The document limits, all checked while the request is parsed and validated, before any
 *  resolver runs and so before any store query. */
export function protectionPlugins(): Plugin[] {
  const armor = new EnvelopArmor({
    maxDepth: { n: MAX_DEPTH, ignoreIntrospection: true, flattenFragments: true, ...REPORT },
    costLimit: { maxCost: MAX_COST, ignoreIntrospection: true, ...REPORT },
    maxAliases: { n: MAX_ALIASES, ...REPORT },
    maxTokens: { n: MAX_TOKENS },
    maxDirectives: { n: MAX_DIRECTIVES, ...REPORT },
    // The schema is public (introspection and GraphiQL are on): hiding "Did you mean ...?"
    // would only make mistakes harder to fix.
    blockFieldSuggestion: { enabled: false },
  });
  const requestedNodes: Plugin = {
    onValidate({ addValidationRule }) {
      addValidationRule(requestedNodesRule);
      addValidationRule(introspectionRule);
    },
  };
  return [...(armor.protect().plugins as Plugin[]), requestedNodes];
}

export { graphqlPlugin, MISSING_QUERY_MESSAGE } from './graphqlPlugin';
export type { GraphqlPluginOptions } from './graphqlPlugin';
export { createGraphqlServer, GRAPHQL_PATH, GRAPHIQL_ASSETS_PATH, PERSISTED_OPERATIONS_PATH } from './createGraphqlServer';
export type { GraphqlServer, GraphqlServerOptions } from './createGraphqlServer';
export { PERSISTED_OPERATIONS, persistedOperation, persistedOperationNamed, sha256 } from './persisted/persistedOperations';
export type { PersistedOperation } from './persisted/persistedOperations';
export { typeDefs, SCHEMA_DIRECTORY } from './schema/typeDefs';
export { RDF_BINDINGS, COMPUTED_FIELDS } from './schema/rdfBindings';
export * from './limits';

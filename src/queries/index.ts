export { namedQueriesPlugin, NAMED_QUERIES_PATH } from './namedQueriesPlugin';
export type { NamedQueriesPluginOptions } from './namedQueriesPlugin';
export { loadNamedQueries } from './loadNamedQueries';
export { parseNamedQuery } from './parseNamedQuery';
export { bindParameters, ParameterError } from './bindParameters';
export type { NamedQuery, QueryParameter, ParameterType } from './NamedQuery';

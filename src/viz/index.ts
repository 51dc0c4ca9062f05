export type { VizGraph, VizNode, VizEdge, NodeKind } from './model';
export { NODE_KINDS, RESERVED_ATTRIBUTE_KEYS, edgeId, literalNodeId } from './model';
export { NODE_STYLES, nodeSize } from './styles';
export type { NodeStyle } from './styles';
export { neighbourhood, EVIDENCE_CLASSES } from './neighbourhood';
export type { NeighbourhoodOptions, Direction } from './neighbourhood';
export { documentGraph, DOCUMENT_LINK_PREDICATES } from './documentGraph';
export type { DocumentGraphOptions } from './documentGraph';
export type { GraphViewOptions, SelectStore } from './buildVizGraph';
export { VizRequestError, InvalidIriError } from './errors';
export { DEFAULT_NODE_LIMIT, MAX_NODE_LIMIT } from './limits';
export { VALUES_BATCH_SIZE } from '../graph';
export { predicateLabel } from './predicateLabel';
export * from './formats';
export {
  graphRoutes,
  graphFormatName,
  GRAPH_API_PATH,
  GRAPH_FORMAT_NAMES,
  GRAPH_FORMAT_ALIASES,
  DEFAULT_GRAPH_FORMAT,
  TRUNCATED_HEADER,
  type GraphRoutesOptions,
  type GraphFormatName,
} from './graphRoutes';

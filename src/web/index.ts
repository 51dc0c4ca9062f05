export { explorerPlugin, PANEL_BACKLINKS } from './explorerPlugin';
export type { ExplorerOptions } from './explorerPlugin';
export { sparqlEditorPage, renderSparqlEditorPage, SPARQL_EDITOR_PATH, DEFAULT_SPARQL_ENDPOINT } from './sparqlEditorPage';
export type { SparqlEditorOptions } from './sparqlEditorPage';
export { editorExamples, BUILT_IN_EXAMPLE, DEFAULT_QUERIES_DIR } from './editorExamples';
export type { EditorExample } from './editorExamples';
export { EXPLORER_PATH, SEARCH_API_PATH, RESOURCE_API_PATH, explorerConfig, renderExplorerPage } from './explorerPage';
export type { ExplorerConfig } from './explorerPage';
export { searchResources, toSearchHit, documentLabel } from './searchResources';
export type { SearchHit } from './searchResources';
export { listResolutions } from './listResolutions';
export type { ResolutionEntry } from './listResolutions';
export { ASSETS, ASSETS_PATH, assetUrl } from './staticAssets';
export {
  DEFAULT_SEARCH_LIMIT,
  MAX_SEARCH_LIMIT,
  SEARCH_PAGE_LIMIT,
  DOCUMENT_NODE_LIMIT,
  EXPAND_NODE_LIMIT,
  MAX_LISTED_RESOLUTIONS,
  MAX_CITATION_ROWS,
} from './limits';
export { MAX_SEARCH_LENGTH } from '../search';
export { workbenchPlugin } from './workbenchPlugin';
export type { WorkbenchOptions } from './workbenchPlugin';
export { readResolution, readingOrder, documentOrder } from './reading/readResolution';
export type { ResolutionReading, DocumentPart, LinkEvidence } from './reading/readResolution';
export { renderReadingView, readPath, partAnchor, READ_PATH, TIMELINE_PATH, NETWORK_PATH } from './reading/renderReadingView';
export { citationNetwork, LAYOUT_ITERATIONS } from './network/citationNetwork';
export type { CitationNetwork, NetworkNode, NetworkEdge } from './network/citationNetwork';
export { citationTimeline } from './network/timeline';
export type { Timeline, TimelineItem } from './network/timeline';
export { NETWORK_API_PATH } from './network/renderNetworkPage';
export { datasetSummary } from './datasetSummary';
export type { DatasetSummary } from './datasetSummary';
export { SEARCH_PAGE_PATH } from './searchPage';
export { LANDING_PATH } from './landingPage';
export { resolutionDownloads, linksCsvQuery } from './downloads';

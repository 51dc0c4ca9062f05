/** The explorer page: a Cytoscape.js view of a resolution's graph with a legend and type
 *  filters, search, expansion on click and a side panel of details. The page is a shell; the
 *  script (assets/explorer.js) draws from the graph API and the explorer's JSON routes. */
import { escapeHtml, htmlDocument, jsonForScript } from '../linkeddata';
import { GRAPH_API_PATH, NODE_KINDS, NODE_STYLES, cytoscapeStylesheet } from '../viz';
import type { ResolutionEntry } from './listResolutions';
import { assetUrl } from './staticAssets';

export const EXPLORER_PATH = '/explore';
export const SEARCH_API_PATH = '/api/search';
export const RESOURCE_API_PATH = '/api/resource';
/** Nodes asked for when drawing a whole document, and when expanding one node. */
export const DOCUMENT_NODE_LIMIT = 1000;
export const EXPAND_NODE_LIMIT = 60;

export interface ExplorerConfig {
  kinds: Array<{ kind: string; legend: string; color: string; shape: string }>;
  stylesheet: ReturnType<typeof cytoscapeStylesheet>;
  resolutions: ResolutionEntry[];
  /** What to draw first: a document's graph, or one resource's neighbourhood. */
  initial: { document: string } | { iri: string } | null;
  documentLimit: number;
  expandLimit: number;
  languages: string[];
  api: { graph: string; search: string; resource: string };
}

export function explorerConfig(resolutions: ResolutionEntry[], initial: ExplorerConfig['initial'], languages: string[]): ExplorerConfig {
  return {
    kinds: NODE_KINDS.map((kind) => ({ kind, legend: NODE_STYLES[kind].legend, color: NODE_STYLES[kind].color, shape: NODE_STYLES[kind].cytoscapeShape })),
    stylesheet: cytoscapeStylesheet(),
    resolutions,
    initial,
    documentLimit: DOCUMENT_NODE_LIMIT,
    expandLimit: EXPAND_NODE_LIMIT,
    languages,
    api: { graph: GRAPH_API_PATH, search: SEARCH_API_PATH, resource: RESOURCE_API_PATH },
  };
}

export function renderExplorerPage(config: ExplorerConfig): string {
  const current = config.initial && 'document' in config.initial ? config.initial.document : undefined;
  const options = config.resolutions
    .map((r) => `<option value="${escapeHtml(r.iri)}"${r.iri === current ? ' selected' : ''}>${escapeHtml(r.symbol)}${r.title ? ` — ${escapeHtml(r.title)}` : ''}</option>`)
    .join('');
  const body = `<div class="explorer">
<aside class="controls">
  <label class="field">Resolution<select id="resolution">${options || '<option value="">(no resolution in the store)</option>'}</select></label>
  <div class="search" role="search">
    <label class="field">Search<input id="search" type="search" autocomplete="off" placeholder="Symbol, label or text, e.g. 64/293"></label>
    <ul id="search-results" class="results" aria-live="polite"></ul>
  </div>
  <h2>Legend <span class="hint">(untick to hide)</span></h2>
  <ul id="legend" class="legend"></ul>
  <label class="check"><input id="expand-on-click" type="checkbox" checked> Expand a node when clicked</label>
  <div class="buttons"><button id="fit" type="button">Fit</button><button id="relayout" type="button">Lay out again</button></div>
  <p id="status" class="status" aria-live="polite">Loading…</p>
</aside>
<div id="cy" class="graph" aria-label="Graph"></div>
<aside id="panel" class="panel" aria-live="polite"><p class="muted">Click a node to see its text, clause verbs and the evidence of its links.</p></aside>
</div>
<script src="${assetUrl('cytoscape.min.js')}"></script>
<script type="application/json" id="explorer-config">${jsonForScript(config)}</script>
<script src="${assetUrl('explorer.js')}"></script>`;
  return htmlDocument({
    title: 'Explorer — UN resolutions knowledge graph',
    lang: config.languages[0] ?? 'en',
    body,
    head: `<link rel="stylesheet" href="${assetUrl('explorer.css')}">`,
  });
}

/** The explorer page: a Cytoscape.js view of a resolution's graph with a legend and type
 *  filters, search, expansion on click and a side panel of details. The page is a shell; the
 *  script (assets/explorer.ts, served compiled as /assets/explorer.js) draws from the graph API
 *  and the explorer's JSON routes. */
import type { MessageKey, Translator } from '../i18n';
import { escapeHtml, htmlDocument, jsonForScript } from '../linkeddata';
import { GRAPH_API_PATH, NODE_KINDS, NODE_STYLES, cytoscapeStylesheet } from '../viz';
import { DOCUMENT_NODE_LIMIT, EXPAND_NODE_LIMIT } from './limits';
import type { ResolutionEntry } from './listResolutions';
import { assetUrl } from './staticAssets';

export const EXPLORER_PATH = '/explore';
/** Cytoscape.js injects a <style> element unless an element with this id exists: the page's own
 *  stylesheet takes the id (and holds the rule), so nothing inline is needed under a strict CSP. */
export const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';
export const SEARCH_API_PATH = '/api/search';
export const RESOURCE_API_PATH = '/api/resource';

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
  /** The interface language and the messages the script shows. */
  lang: string;
  messages: Record<string, string>;
}

/** Messages the explorer's script writes itself. */
const SCRIPT_MESSAGES: readonly MessageKey[] = [
  'explorer.nodesEdges',
  'explorer.hidden',
  'explorer.loadingMore',
  'explorer.truncated',
  'explorer.openPageOf',
  'explorer.openPage',
  'explorer.expand',
  'explorer.text',
  'explorer.clauseVerbs',
  'explorer.evidence',
  'explorer.properties',
  'explorer.backlinks',
  'explorer.allBacklinks',
  'explorer.noMatch',
  'explorer.more',
  'explorer.score',
  'explorer.via',
  'explorer.empty',
];
/** The graph views' node kinds, named in the interface language. */
const KIND_MESSAGES: Readonly<Record<string, MessageKey>> = {
  resolution: 'kind.resolution',
  document: 'kind.document',
  paragraph: 'kind.paragraph',
  subparagraph: 'kind.subparagraph',
  footnote: 'kind.footnote',
  treaty: 'kind.treaty',
  'sdg-target': 'kind.sdg-target',
  'sdg-goal': 'kind.sdg-goal',
  organisation: 'kind.organisation',
  event: 'kind.event',
  publication: 'kind.publication',
  plan: 'kind.plan',
  'clause-verb': 'kind.clause-verb',
  other: 'kind.other',
};

export function explorerConfig(resolutions: ResolutionEntry[], initial: ExplorerConfig['initial'], languages: string[], i18n?: Translator): ExplorerConfig {
  const legend = (kind: string, fallback: string) => (i18n && KIND_MESSAGES[kind] ? i18n.t(KIND_MESSAGES[kind]) : fallback);
  return {
    kinds: NODE_KINDS.map((kind) => ({
      kind,
      legend: legend(kind, NODE_STYLES[kind].legend),
      color: NODE_STYLES[kind].color,
      shape: NODE_STYLES[kind].cytoscapeShape,
    })),
    stylesheet: cytoscapeStylesheet(),
    resolutions,
    initial,
    documentLimit: DOCUMENT_NODE_LIMIT,
    expandLimit: EXPAND_NODE_LIMIT,
    languages,
    api: { graph: GRAPH_API_PATH, search: SEARCH_API_PATH, resource: RESOURCE_API_PATH },
    lang: i18n?.lang ?? 'en',
    messages: i18n ? Object.fromEntries(SCRIPT_MESSAGES.map((key) => [key, i18n.t(key)])) : {},
  };
}

export function renderExplorerPage(config: ExplorerConfig, i18n: Translator, self?: string): string {
  const t = (key: MessageKey) => escapeHtml(i18n.t(key));
  const current = config.initial && 'document' in config.initial ? config.initial.document : undefined;
  const options = config.resolutions
    .map(
      (r) =>
        `<option value="${escapeHtml(r.iri)}"${r.iri === current ? ' selected' : ''}>${escapeHtml(r.symbol)}${r.title ? ` — ${escapeHtml(r.title)}` : ''}</option>`,
    )
    .join('');
  const body = `<div class="explorer">
<aside class="controls">
  <label class="field">${t('explorer.resolution')}<select id="resolution">${options || `<option value="">${t('explorer.noResolutionOption')}</option>`}</select></label>
  <div class="search" role="search">
    <label class="field">${t('explorer.search')}<input id="search" type="search" autocomplete="off" placeholder="${t('explorer.searchPlaceholder')}"></label>
    <ul id="search-results" class="results" aria-live="polite"></ul>
  </div>
  <h2>${t('explorer.legend')} <span class="hint">${t('explorer.untick')}</span></h2>
  <ul id="legend" class="legend"></ul>
  <label class="check"><input id="expand-on-click" type="checkbox" checked> ${t('explorer.expandOnClick')}</label>
  <div class="buttons"><button id="fit" type="button">${t('explorer.fit')}</button><button id="relayout" type="button">${t('explorer.relayout')}</button></div>
  <p id="status" class="status" aria-live="polite">${t('explorer.loading')}</p>
</aside>
<div id="cy" class="graph" aria-label="${t('explorer.graph')}"></div>
<aside id="panel" class="panel" aria-live="polite"><p class="muted">${t('explorer.clickHint')}</p></aside>
</div>
<script src="${assetUrl('cytoscape.min.js')}"></script>
<script type="application/json" id="explorer-config">${jsonForScript(config)}</script>
<script src="${assetUrl('explorer.js')}"></script>`;
  return htmlDocument({
    title: `${i18n.t('explorer.title')} — ${i18n.t('site.name')}`,
    lang: i18n.lang,
    body,
    i18n,
    ...(self ? { self } : {}),
    head: `<link rel="stylesheet" id="${CYTOSCAPE_STYLESHEET_ID}" href="${assetUrl('explorer.css')}">`,
  });
}

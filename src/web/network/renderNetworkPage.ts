/** The citation network page: a shell whose script (assets/network.js) draws the network the
 *  API lays out, with a side panel listing the citing paragraphs of a selected node or edge. */
import type { MessageKey, Translator } from '../../i18n';
import { escapeHtml, htmlDocument, jsonForScript } from '../../linkeddata';
import { linksCsvQuery } from '../downloads';
import { CYTOSCAPE_STYLESHEET_ID } from '../explorerPage';
import type { CitationNetwork } from './citationNetwork';

/** The network as lists: each resolution, what it cites with the number of citing paragraphs,
 *  and the paragraphs (for keyboards, screen readers and readers without the canvas). */
function networkLists(network: CitationNetwork, i18n: Translator): string {
  const byId = new Map(network.nodes.map((n) => [n.id, n]));
  const link = (label: string, href: string | undefined) =>
    href ? `<a href="${escapeHtml(href.startsWith('/') ? i18n.href(href) : href)}">${escapeHtml(label)}</a>` : escapeHtml(label);
  const sources = network.nodes.filter((n) => n.full);
  return `<section class="network-lists" aria-labelledby="network-lists-title"><h2 id="network-lists-title">${escapeHtml(i18n.t('network.cites'))}</h2>${sources
    .map((source) => {
      const edges = network.edges.filter((e) => e.source === source.id).sort((a, b) => b.weight - a.weight || (a.target < b.target ? -1 : 1));
      return `<details data-iri="${escapeHtml(source.id)}"><summary>${escapeHtml(source.label)} · ${edges.length}</summary><ul>${edges
        .map((e) => {
          const target = byId.get(e.target)!;
          return `<li data-edge="${escapeHtml(e.id)}">${link(target.title ?? target.label, target.href)} · ${escapeHtml(i18n.t('network.paragraphs', { count: e.weight }))}: ${e.paragraphs.map((p) => link(p.label, p.href)).join(', ')}</li>`;
        })
        .join('')}</ul></details>`;
    })
    .join('')}</section>`;
}

export const NETWORK_API_PATH = '/api/network';

/** The messages the script shows. */
const SCRIPT_MESSAGES: readonly MessageKey[] = [
  'network.select',
  'network.paragraphs',
  'network.citedBy',
  'network.cites',
  'network.timeline',
  'network.read',
  'network.nodes',
  'network.empty',
];

export function renderNetworkPage(
  i18n: Translator,
  self: string,
  focus: string | undefined,
  readPathOf: Record<string, string>,
  network: CitationNetwork,
  languages: readonly string[],
): string {
  const config = {
    api: `${NETWORK_API_PATH}?lang=${encodeURIComponent(languages.join(','))}`,
    lang: i18n.lang,
    focus: focus ?? null,
    readPaths: readPathOf,
    messages: Object.fromEntries(SCRIPT_MESSAGES.map((k) => [k, i18n.t(k)])),
    kinds: Object.fromEntries(['resolution', 'document', 'treaty', 'sdg-target', 'sdg-goal', 'other'].map((k) => [k, i18n.t(`kind.${k}` as MessageKey)])),
  };
  const csv = `/sparql?query=${encodeURIComponent(linksCsvQuery())}&format=csv`;
  const body = `<h1>${escapeHtml(i18n.t('network.title'))}</h1>
<p class="lead">${escapeHtml(i18n.t('network.lead'))}</p>
<div class="network">
<div id="network" class="graph" aria-label="${escapeHtml(i18n.t('network.title'))}"></div>
<aside id="network-panel" class="panel" aria-live="polite"><p class="muted">${escapeHtml(i18n.t('network.select'))}</p></aside>
</div>
<p class="status"><span id="network-status" class="muted"></span> <button id="network-fit" type="button">${escapeHtml(i18n.t('network.fit'))}</button>
<span class="muted">${escapeHtml(i18n.t('network.download'))}:</span> <a class="button" href="${escapeHtml(csv)}" download="citations.csv">${escapeHtml(i18n.t('download.csv'))}</a> <a class="button" href="${escapeHtml(NETWORK_API_PATH)}" download="citation-network.json">JSON</a></p>
${networkLists(network, i18n)}
<script type="application/json" id="network-config">${jsonForScript(config)}</script>
<script src="/assets/cytoscape.min.js"></script>
<script src="/assets/network.js"></script>`;
  return htmlDocument({
    title: `${i18n.t('network.title')} — ${i18n.t('site.name')}`,
    lang: i18n.lang,
    body,
    i18n,
    self,
    head: `<link rel="stylesheet" id="${CYTOSCAPE_STYLESHEET_ID}" href="/assets/workbench.css">`,
  });
}

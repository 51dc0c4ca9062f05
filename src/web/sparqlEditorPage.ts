/** The SPARQL query editor: YASGUI, served from its npm package, pointed at this service's
 *  own endpoint and pre-filled with the named queries of queries/*.rq. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { varyOn } from '../http';
import { escapeHtml, htmlDocument, jsonForScript } from '../linkeddata';
import { DEFAULT_QUERIES_DIR, editorExamples, type EditorExample } from './editorExamples';
import { assetUrl } from './staticAssets';

export const SPARQL_EDITOR_PATH = '/yasgui';
export const DEFAULT_SPARQL_ENDPOINT = '/sparql';

export interface SparqlEditorOptions {
  /** Folder of the named queries (default: the project's queries/). Read once, here. */
  queriesDir?: string;
  /** The endpoint queried, on the same origin (default /sparql). */
  endpoint?: string;
}

const EDITOR_CSS = `main { max-width:none; padding:1rem 1.5rem; }
.examples { display:flex; gap:.6rem; align-items:center; margin:0 0 .8rem; flex-wrap:wrap; }
.examples select { font:inherit; padding:.25rem; max-width:40rem; }
.examples .summary { color:var(--muted); font-size:.9rem; }
#yasgui { background:#fff; }`;

export function renderSparqlEditorPage(queries: readonly EditorExample[], endpoint: string): string {
  const options = queries.map((q, i) => `<option value="${i}">${escapeHtml(q.summary)}</option>`).join('');
  const body = `<h1>SPARQL query editor</h1>
<p class="muted">Queries run against this service's endpoint, <code>${escapeHtml(endpoint)}</code>.</p>
<div class="examples"><label for="example">Example</label><select id="example">${options}</select><span id="example-description" class="summary"></span></div>
<div id="yasgui"></div>
<script src="${assetUrl('yasgui/yasgui.min.js')}"></script>
<script type="application/json" id="sparql-editor-config">${jsonForScript({ endpoint, examples: queries })}</script>
<script src="${assetUrl('sparql-editor.js')}"></script>`;
  return htmlDocument({
    title: 'SPARQL — UN resolutions knowledge graph',
    lang: 'en',
    body,
    head: `<link rel="stylesheet" href="${assetUrl('yasgui/yasgui.min.css')}">`,
    css: EDITOR_CSS,
  });
}

/** A request handler answering with the editor page: give it to the SPARQL plugin as its
 *  `htmlPage` (browsers asking /sparql for HTML) and mount it at /yasgui. */
export function sparqlEditorPage(options: SparqlEditorOptions = {}): (request: FastifyRequest, reply: FastifyReply) => FastifyReply {
  const html = renderSparqlEditorPage(editorExamples(options.queriesDir ?? DEFAULT_QUERIES_DIR), options.endpoint ?? DEFAULT_SPARQL_ENDPOINT);
  return (_request, reply) => {
    varyOn(reply, 'Accept');
    return reply.type('text/html; charset=utf-8').send(html);
  };
}

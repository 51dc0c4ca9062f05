import type { GraphiQLOptions } from 'graphql-yoga';

/** GraphiQL served from this service (no CDN): the page references the bundle of
 *  @graphql-yoga/render-graphiql, which the fastify plugin serves under ASSETS_PATH. */

export const GRAPHIQL_ASSETS = {
  'graphiql.js': { type: 'text/javascript; charset=utf-8', key: 'js' },
  'graphiql.css': { type: 'text/css; charset=utf-8', key: 'css' },
  'editor.worker.js': { type: 'text/javascript; charset=utf-8', key: 'editorWorkerService' },
  'json.worker.js': { type: 'text/javascript; charset=utf-8', key: 'jsonWorker' },
  'graphql.worker.js': { type: 'text/javascript; charset=utf-8', key: 'graphqlWorker' },
  'favicon.ico': { type: 'image/x-icon', key: 'favicon' },
  'graphiql-page.js': { type: 'text/javascript; charset=utf-8', key: 'page' },
} as const;

/** Starts GraphiQL from the page's configuration (a JSON data block): an external script, so
 *  that the page runs under a Content-Security-Policy without inline scripts. Loaded before
 *  the bundle (Monaco reads MonacoEnvironment as it loads); renders once the bundle has run. */
const PAGE_SCRIPT = `(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('graphiql-config').textContent);
  self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: function (moduleId, label) { return config.workers[label]; } };
  document.addEventListener('DOMContentLoaded', function () {
    YogaGraphiQL.renderYogaGraphiQL(document.querySelector('#root'), config.options);
  });
})();
`;

export type GraphiqlAssetName = keyof typeof GRAPHIQL_ASSETS;

interface BundledAssets {
  js: string;
  css: string;
  favicon: string;
  editorWorkerService: string;
  jsonWorker: string;
  graphqlWorker: string;
}

let bundled: BundledAssets | undefined;

/** The asset's content; the 9 MB bundle is read on the first request for it. */
export function graphiqlAsset(name: GraphiqlAssetName): string | Buffer {
  // The package maps this subpath in its "exports"; TypeScript's node10 resolution does not read them.
  const key = GRAPHIQL_ASSETS[name].key;
  if (key === 'page') return PAGE_SCRIPT;
  bundled ??= require('@graphql-yoga/render-graphiql/graphiql') as BundledAssets;
  const content = bundled[key];
  return name === 'favicon.ico' ? Buffer.from(content.slice(content.indexOf(',') + 1), 'base64') : content;
}

/** `<` escaped so that no value can close the script element it sits in. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

/** The GraphiQL page, with assets under `assetsPath`. */
export function renderGraphiqlPage(assetsPath: string, options: GraphiQLOptions): string {
  const workers = {
    editorWorkerService: `${assetsPath}/editor.worker.js`,
    json: `${assetsPath}/json.worker.js`,
    graphql: `${assetsPath}/graphql.worker.js`,
  };
  const title = escapeHtml(options.title ?? 'GraphiQL');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <link rel="icon" href="${assetsPath}/favicon.ico" />
    <link rel="stylesheet" href="${assetsPath}/graphiql.css" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript.</noscript>
    <div id="root">Loading ${title}...</div>
    <script type="application/json" id="graphiql-config">${scriptJson({ workers, options })}</script>
    <script src="${assetsPath}/graphiql-page.js"></script>
    <script src="${assetsPath}/graphiql.js"></script>
  </body>
</html>
`;
}

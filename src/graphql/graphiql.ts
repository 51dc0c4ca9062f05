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
} as const;

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
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  bundled ??= require('@graphql-yoga/render-graphiql/graphiql') as BundledAssets;
  const content = bundled[GRAPHIQL_ASSETS[name].key];
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
    <script>
      const workers = ${scriptJson(workers)};
      self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (moduleId, label) => workers[label] };
    </script>
    <script src="${assetsPath}/graphiql.js"></script>
    <script>
      YogaGraphiQL.renderYogaGraphiQL(document.querySelector('#root'), ${scriptJson(options)});
    </script>
  </body>
</html>
`;
}

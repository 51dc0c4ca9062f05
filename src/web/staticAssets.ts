/** The files the pages load, served from this folder and from npm packages (never a CDN:
 *  the pages work on a closed network). Each is read once, on first request. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type {} from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { ASSET_MAX_AGE_SECONDS } from './limits';

export const ASSETS_PATH = '/assets';

interface Asset {
  file: string;
  type: string;
  /** How the body is made when it is not the file itself (a script compiled from TypeScript). */
  load?: () => Promise<Buffer>;
}

/** This folder's assets, found from src/web and from the compiled dist/web alike. */
const OWN = resolve(__dirname, '..', '..', 'src', 'web', 'assets');
const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** Asset path (under /assets) → file. */
export const ASSETS: Readonly<Record<string, Asset>> = {
  'cytoscape.min.js': { file: require.resolve('cytoscape/dist/cytoscape.min.js'), type: JS },
  'yasgui/yasgui.min.js': { file: require.resolve('@zazuko/yasgui/build/yasgui.min.js'), type: JS },
  'yasgui/yasgui.min.css': { file: require.resolve('@zazuko/yasgui/build/yasgui.min.css'), type: CSS },
  'explorer.js': browserScript('explorer'),
  'explorer.css': { file: join(OWN, 'explorer.css'), type: CSS },
  'sparql-editor.js': { file: join(OWN, 'sparql-editor.js'), type: JS },
  'site.css': { file: join(OWN, 'site.css'), type: CSS },
  'workbench.css': { file: join(OWN, 'workbench.css'), type: CSS },
  'network.js': { file: join(OWN, 'network.js'), type: JS },
};

/** A browser script written in TypeScript (src/web/assets/<name>.ts, type-checked with
 *  tsconfig.browser.json). Running from dist/ (npm start, the image), it is the compiled
 *  dist/web/assets/<name>.js. Running from the sources (tests, tsx), the source is compiled
 *  when first asked for into a cache file named by the source's and the options' digest, so
 *  it is compiled once per change, not once per start. */
function browserScript(name: string): Asset {
  const compiled = join(__dirname, 'assets', `${name}.js`);
  if (existsSync(compiled)) return { file: compiled, type: JS };
  const source = join(OWN, `${name}.ts`);
  const tsconfig = join(OWN, '..', '..', '..', 'tsconfig.browser.json');
  const digest = createHash('sha256').update(readFileSync(source)).update(readFileSync(tsconfig)).digest('hex').slice(0, 16);
  const file = join(tmpdir(), 'unkg-browser-scripts', `${name}-${digest}.js`);
  return {
    file,
    type: JS,
    load: async () => {
      if (!existsSync(file)) compileBrowserScript(source, tsconfig, file);
      return readFile(file);
    },
  };
}

function compileBrowserScript(source: string, tsconfig: string, file: string): void {
  // TypeScript is a development dependency: only a service running from the sources gets here.
  const ts: typeof import('typescript') = require('typescript');
  const { config } = ts.readConfigFile(tsconfig, ts.sys.readFile);
  const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, dirname(tsconfig));
  const { outputText } = ts.transpileModule(readFileSync(source, 'utf8'), { compilerOptions: options, fileName: source });
  mkdirSync(dirname(file), { recursive: true });
  // Written aside and renamed: a service starting meanwhile never reads half a file.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, outputText);
  renameSync(partial, file);
}

export const assetUrl = (name: keyof typeof ASSETS | string): string => `${ASSETS_PATH}/${name}`;

export function registerAssets(app: FastifyInstance): void {
  const loaded = new Map<string, Promise<Buffer>>();
  for (const [name, asset] of Object.entries(ASSETS)) {
    app.get(assetUrl(name), { schema: { hide: true } }, async (_request, reply) => {
      if (!loaded.has(name)) loaded.set(name, asset.load ? asset.load() : readFile(asset.file));
      const body = await loaded.get(name)!;
      return reply.type(asset.type).header('Cache-Control', `public, max-age=${ASSET_MAX_AGE_SECONDS}`).send(body);
    });
  }
}

/** The files the pages load, served from this folder and from npm packages (never a CDN:
 *  the pages work on a closed network). Each is read once, on first request. */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type {} from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { ASSET_MAX_AGE_SECONDS } from './limits';

export const ASSETS_PATH = '/assets';

interface Asset {
  file: string;
  type: string;
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
  'explorer.js': { file: join(OWN, 'explorer.js'), type: JS },
  'explorer.css': { file: join(OWN, 'explorer.css'), type: CSS },
  'sparql-editor.js': { file: join(OWN, 'sparql-editor.js'), type: JS },
  'site.css': { file: join(OWN, 'site.css'), type: CSS },
  'workbench.css': { file: join(OWN, 'workbench.css'), type: CSS },
  'network.js': { file: join(OWN, 'network.js'), type: JS },
};

export const assetUrl = (name: keyof typeof ASSETS | string): string => `${ASSETS_PATH}/${name}`;

export function registerAssets(app: FastifyInstance): void {
  const loaded = new Map<string, Promise<Buffer>>();
  for (const [name, asset] of Object.entries(ASSETS)) {
    app.get(assetUrl(name), { schema: { hide: true } }, async (_request, reply) => {
      if (!loaded.has(name)) loaded.set(name, readFile(asset.file));
      const body = await loaded.get(name)!;
      return reply.type(asset.type).header('Cache-Control', `public, max-age=${ASSET_MAX_AGE_SECONDS}`).send(body);
    });
  }
}

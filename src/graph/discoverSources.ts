import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_BASE, ONTOLOGY_IRI } from '../vocab';
import type { StoreSource } from './StoreSource';

/** Where the product keeps its data (paths relative to nothing: pass absolute ones). */
export interface DataLayout {
  /** Generated resolution graphs: `*.nq`, each quad in its resolution's named graph. */
  graphDir: string;
  /** The ontology: `*.ttl`, loaded into the named graph of the ontology IRI. */
  ontologyDir: string;
  /** Curated reference data: `*.ttl`, written with the default base, loaded into `{base}graph/reference`. */
  referenceDir: string;
  base: string;
}

export interface DiscoveredSources {
  sources: StoreSource[];
  /** Folders that were missing or empty (the store starts without them). */
  warnings: string[];
}

/** The IRI of the named graph holding the reference data. */
export const referenceGraphIri = (base: string): string => `${base}graph/reference`;

function filesIn(dir: string, extension: string, warnings: string[]): string[] {
  if (!existsSync(dir)) {
    warnings.push(`${dir} does not exist`);
    return [];
  }
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => join(dir, name));
  if (!files.length) warnings.push(`${dir} has no *${extension} files`);
  return files;
}

/** Lists the sources of the store in load order: resolution graphs, ontology, reference data. */
export function discoverSources(layout: DataLayout): DiscoveredSources {
  const warnings: string[] = [];
  const rebase = layout.base === DEFAULT_BASE ? undefined : { from: DEFAULT_BASE, to: layout.base };
  const sources: StoreSource[] = [
    ...filesIn(layout.graphDir, '.nq', warnings).map((path): StoreSource => ({ path, format: 'application/n-quads' })),
    ...filesIn(layout.ontologyDir, '.ttl', warnings).map((path): StoreSource => ({ path, format: 'text/turtle', graph: ONTOLOGY_IRI })),
    ...filesIn(layout.referenceDir, '.ttl', warnings).map((path): StoreSource => ({
      path,
      format: 'text/turtle',
      graph: referenceGraphIri(layout.base),
      ...(rebase ? { rebase } : {}),
    })),
  ];
  return { sources, warnings };
}

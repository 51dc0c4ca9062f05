import type { RdfMediaType } from './GraphStore';

/** One piece of data a store is built from at start-up (and rebuilt from after a worker is
 *  replaced). Either a file path or inline data. */
export interface StoreSource {
  path?: string;
  data?: string;
  format: RdfMediaType;
  /** Named graph for triple formats; absent = the default graph (dataset formats keep the
   *  graph names they carry). */
  graph?: string;
  /** Base IRI for relative IRIs in the data. */
  baseIri?: string;
  /** Rewrite `<{from}...>` IRIs to `<{to}...>` while reading (see rebaseIris). */
  rebase?: { from: string; to: string };
}

export const describeSource = (source: StoreSource): string => source.path ?? `inline ${source.format} data`;

/** Every graph export format, in one typed table: its media type, file extension and
 *  serializer. The HTTP tier negotiates on `mediaType`; the CLI names files with
 *  `fileExtension`; both render with {@link renderExport}. */
import { FORMATS, type ExportMediaType } from '../../vocab';
import type { VizGraph } from '../model';
import { toCytoscape, type CytoscapeJson } from './cytoscape';
import { toD3, type D3Json } from './d3';
import { toDot } from './dot';
import { toGexf } from './gexf';
import { toGraphml } from './graphml';
import { toGraphology, type GraphologyJson } from './graphology';
import { toVis, type VisJson } from './vis';

interface ExportFormatBase {
  mediaType: string;
  fileExtension: string;
}
/** A format whose serializer returns a JSON value (sent with JSON.stringify). */
export interface JsonExportFormat<T> extends ExportFormatBase {
  kind: 'json';
  serialize(graph: VizGraph): T;
}
/** A format whose serializer returns the document text. */
export interface TextExportFormat extends ExportFormatBase {
  kind: 'text';
  serialize(graph: VizGraph): string;
}
export type ExportFormat = JsonExportFormat<unknown> | TextExportFormat;

/** A text export's media type and file extension, from src/vocab's format registry. */
const registered = (mediaType: ExportMediaType) => ({ mediaType, fileExtension: FORMATS[mediaType].extension });

export const EXPORT_FORMATS = {
  cytoscape: { kind: 'json', mediaType: 'application/json', fileExtension: 'cyjs', serialize: toCytoscape } satisfies JsonExportFormat<CytoscapeJson>,
  vis: { kind: 'json', mediaType: 'application/json', fileExtension: 'json', serialize: toVis } satisfies JsonExportFormat<VisJson>,
  d3: { kind: 'json', mediaType: 'application/json', fileExtension: 'json', serialize: toD3 } satisfies JsonExportFormat<D3Json>,
  graphology: { kind: 'json', mediaType: 'application/json', fileExtension: 'json', serialize: toGraphology } satisfies JsonExportFormat<GraphologyJson>,
  graphml: { kind: 'text', ...registered('application/graphml+xml'), serialize: toGraphml } satisfies TextExportFormat,
  gexf: { kind: 'text', ...registered('application/gexf+xml'), serialize: (graph: VizGraph) => toGexf(graph) } satisfies TextExportFormat,
  dot: { kind: 'text', ...registered('text/vnd.graphviz'), serialize: toDot } satisfies TextExportFormat,
} as const;

export type ExportFormatName = keyof typeof EXPORT_FORMATS;

export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as ExportFormatName[];

export function isExportFormat(name: string): name is ExportFormatName {
  return Object.prototype.hasOwnProperty.call(EXPORT_FORMATS, name);
}

/** The format's document as text, ready to send or write. */
export function renderExport(name: ExportFormatName, graph: VizGraph): string {
  const format: ExportFormat = EXPORT_FORMATS[name];
  return format.kind === 'json' ? JSON.stringify(format.serialize(graph)) : format.serialize(graph);
}

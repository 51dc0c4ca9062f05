import { EXPORT_FORMATS, EXPORT_FORMAT_NAMES, isExportFormat, renderExport } from '../../../src/viz';
import { sampleGraph } from './sampleGraph';

describe('EXPORT_FORMATS', () => {
  it('lists the visualisation formats', () => {
    expect(EXPORT_FORMAT_NAMES).toEqual(['cytoscape', 'vis', 'd3', 'graphology', 'graphml', 'gexf', 'dot']);
  });

  it.each([
    ['cytoscape', 'application/json', 'cyjs'],
    ['vis', 'application/json', 'json'],
    ['d3', 'application/json', 'json'],
    ['graphology', 'application/json', 'json'],
    ['graphml', 'application/graphml+xml', 'graphml'],
    ['gexf', 'application/gexf+xml', 'gexf'],
    ['dot', 'text/vnd.graphviz', 'dot'],
  ] as const)('serves %s as %s in .%s files', (name, mediaType, extension) => {
    expect(EXPORT_FORMATS[name]).toMatchObject({ mediaType, fileExtension: extension });
  });

  it.each(EXPORT_FORMAT_NAMES)('renders %s the same way twice', (name) => {
    const first = renderExport(name, sampleGraph());
    expect(first.length).toBeGreaterThan(100);
    expect(renderExport(name, sampleGraph())).toBe(first);
  });

  it.each(EXPORT_FORMAT_NAMES.filter((n) => EXPORT_FORMATS[n].kind === 'json'))('renders %s as JSON text of its serializer’s value', (name) => {
    expect(JSON.parse(renderExport(name, sampleGraph()))).toEqual(EXPORT_FORMATS[name].serialize(sampleGraph()));
  });

  it('tells known format names from others', () => {
    expect(isExportFormat('gexf')).toBe(true);
    expect(isExportFormat('jsonld')).toBe(false);
    expect(isExportFormat('toString')).toBe(false);
  });
});

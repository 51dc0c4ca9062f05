/** Every export format, read back by a third-party reader: networkx (GraphML, GEXF),
 *  Graphviz (DOT), the cytoscape and graphology npm packages. vis-network and d3 are not
 *  among the project's packages: their JSON is checked against the contract those
 *  libraries document (unique ids, edge ends that resolve). */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import cytoscape from 'cytoscape';
import Graph from 'graphology';
import { createIriScheme, DEFAULT_BASE } from '../../src/vocab';
import {
  EXPORT_FORMATS,
  documentGraph,
  type CytoscapeJson,
  type D3Json,
  type ExportFormatName,
  type GraphologyJson,
  type VisJson,
  type VizGraph,
} from '../../src/viz';
import { fixtureStore } from './OxigraphSelectStore';
import { HOSTILE_LABEL, sampleGraph } from './formats/sampleGraph';

const PYTHON = '/usr/bin/python3';
const DOT = '/usr/bin/dot';

/** Fails, naming the Debian package to install, when a reader is missing. */
function requireReaders(): void {
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} is missing: apt-get install -y --no-install-recommends python3 python3-networkx`);
  const nx = spawnSync(PYTHON, ['-c', 'import networkx'], { encoding: 'utf8' });
  if (nx.status !== 0) throw new Error(`networkx is missing for ${PYTHON}: apt-get install -y --no-install-recommends python3-networkx\n${nx.stderr}`);
  if (!existsSync(DOT)) throw new Error(`${DOT} is missing: apt-get install -y --no-install-recommends graphviz`);
}

interface NetworkxReading {
  directed: boolean;
  nodes: number;
  edges: number;
  /** node key → node data as networkx read it */
  data: Record<string, Record<string, unknown>>;
}

/** Read a file with networkx and report what it saw. */
const NETWORKX_READER = `
import json, sys
import networkx as nx
kind, path = sys.argv[1], sys.argv[2]
g = nx.read_graphml(path, force_multigraph=True) if kind == 'graphml' else nx.read_gexf(path)
print(json.dumps({'directed': g.is_directed(), 'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(),
                  'data': {str(n): d for n, d in g.nodes(data=True)}}, default=str))
`;

let workdir: string;
function readWithNetworkx(kind: 'graphml' | 'gexf', text: string): NetworkxReading {
  const path = join(workdir, `graph.${kind}`);
  writeFileSync(path, text, 'utf8');
  const run = spawnSync(PYTHON, ['-c', NETWORKX_READER, kind, path], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`networkx could not read the ${kind} export:\n${run.stderr}`);
  return JSON.parse(run.stdout) as NetworkxReading;
}

function renderWithGraphviz(text: string): { status: number | null; stderr: string; svg: string } {
  const run = spawnSync(DOT, ['-Tsvg'], { input: text, encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr, svg: run.stdout };
}

const unescapeXml = (text: string): string =>
  text.replace(
    /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi,
    (_, ref: string) =>
      ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[ref] ??
      String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)),
  );

/** What Graphviz wrote for each node or edge: the SVG from its group's start to the next
 *  node's or edge's. */
const svgGroups = (svg: string, cls: 'node' | 'edge'): string[] =>
  svg.split(/(?=<g id="[^"]*" class="(?:node|edge)">)/).filter((chunk) => chunk.startsWith('<g id=') && chunk.includes(` class="${cls}">`));
const svgTexts = (group: string, element: 'title' | 'text'): string[] =>
  [...group.matchAll(new RegExp(`<${element}[^>]*>([^<]*)</${element}>`, 'g'))].map((m) => unescapeXml(m[1]));

/** Node and edge counts, and labels by IRI, as each reader sees the export of a graph. */
interface Reading {
  nodes: number;
  edges: number;
  labels: Record<string, string>;
}

const READERS = {
  cytoscape: (g) => {
    const cy = cytoscape({ headless: true, styleEnabled: false, elements: (EXPORT_FORMATS.cytoscape.serialize(g) as CytoscapeJson).elements });
    const labels = Object.fromEntries(cy.nodes().map((n) => [n.id(), n.data('label') as string]));
    for (const n of g.nodes) if (n.parent !== undefined) expect(cy.getElementById(n.id).parent().first().id()).toBe(n.parent);
    const reading = { nodes: cy.nodes().length, edges: cy.edges().length, labels };
    cy.destroy();
    return reading;
  },
  graphology: (g) => {
    const graph = Graph.from(EXPORT_FORMATS.graphology.serialize(g) as GraphologyJson);
    return { nodes: graph.order, edges: graph.size, labels: Object.fromEntries(graph.mapNodes((key, a) => [key, a.label as string])) };
  },
  graphml: (g) => {
    const read = readWithNetworkx('graphml', EXPORT_FORMATS.graphml.serialize(g));
    expect(read.directed).toBe(true);
    return { nodes: read.nodes, edges: read.edges, labels: Object.fromEntries(Object.values(read.data).map((d) => [d.iri as string, d.label as string])) };
  },
  gexf: (g) => {
    const read = readWithNetworkx('gexf', EXPORT_FORMATS.gexf.serialize(g));
    expect(read.directed).toBe(true);
    return { nodes: read.nodes, edges: read.edges, labels: Object.fromEntries(Object.entries(read.data).map(([id, d]) => [id, d.label as string])) };
  },
  dot: (g) => {
    const { status, stderr, svg } = renderWithGraphviz(EXPORT_FORMATS.dot.serialize(g));
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    const nodes = svgGroups(svg, 'node');
    // Graphviz titles each node with its name (the IRI) and draws each label line as a <text>.
    const labels = Object.fromEntries(nodes.map((group) => [svgTexts(group, 'title')[0], svgTexts(group, 'text').join('\n')]));
    return { nodes: nodes.length, edges: svgGroups(svg, 'edge').length, labels };
  },
  vis: (g) => {
    const json = EXPORT_FORMATS.vis.serialize(g) as VisJson;
    const ids = new Set(json.nodes.map((n) => n.id));
    expect(ids.size).toBe(json.nodes.length);
    expect(new Set(json.edges.map((e) => e.id)).size).toBe(json.edges.length);
    expect(json.edges.filter((e) => !ids.has(e.from) || !ids.has(e.to))).toEqual([]);
    return { nodes: json.nodes.length, edges: json.edges.length, labels: Object.fromEntries(json.nodes.map((n) => [n.id, n.label])) };
  },
  d3: (g) => {
    const json = EXPORT_FORMATS.d3.serialize(g) as D3Json;
    const ids = new Set(json.nodes.map((n) => n.id));
    expect(ids.size).toBe(json.nodes.length);
    expect(json.links.filter((l) => !ids.has(l.source) || !ids.has(l.target))).toEqual([]);
    return { nodes: json.nodes.length, edges: json.links.length, labels: Object.fromEntries(json.nodes.map((n) => [n.id, n.label])) };
  },
} satisfies Record<ExportFormatName, (g: VizGraph) => Reading>;

describe('exports read back by third-party readers', () => {
  let fixture: VizGraph;
  beforeAll(async () => {
    requireReaders();
    workdir = mkdtempSync(join(tmpdir(), 'unkg-viz-'));
    const iris = createIriScheme(DEFAULT_BASE);
    fixture = await documentGraph(fixtureStore(), iris.document('E/RES/2017/18'), { limit: 100, lang: ['fr'], literals: 'attributes' });
  });
  afterAll(() => {
    if (workdir) rmSync(workdir, { recursive: true, force: true });
  });

  it('has a reader for every export format', () => {
    expect(Object.keys(READERS).sort()).toEqual(Object.keys(EXPORT_FORMATS).sort());
  });

  it('reads the resolution fixture as 17 nodes and 22 edges', () => {
    expect([fixture.nodes.length, fixture.edges.length]).toEqual([17, 22]);
  });

  describe.each(Object.keys(READERS) as ExportFormatName[])('%s', (name) => {
    it('reads back the resolution graph with the same nodes, edges and labels', () => {
      const reading = READERS[name](fixture);
      expect([reading.nodes, reading.edges]).toEqual([fixture.nodes.length, fixture.edges.length]);
      expect(reading.labels).toEqual(Object.fromEntries(fixture.nodes.map((n) => [n.id, n.label])));
    });

    it('reads back labels with &, <, > and quotes unchanged, and parallel edges apart', () => {
      const hostile = sampleGraph();
      const reading = READERS[name](hostile);
      expect([reading.nodes, reading.edges]).toEqual([4, 5]);
      expect(reading.labels['https://w3id.org/unkg/treaty/unts/2237/39574']).toBe(HOSTILE_LABEL);
      expect(reading.labels['https://w3id.org/unkg/org/o%22brien&co']).toBe("O'Brien & Co <Ltd>");
    });
  });

  it('networkx reads GraphML attributes with their declared types', () => {
    const read = readWithNetworkx('graphml', EXPORT_FORMATS.graphml.serialize(fixture));
    const pp1 = Object.values(read.data).find((d) => d.iri === 'https://w3id.org/unkg/eli/un/E/RES/2017/18/pp/1')!;
    expect(pp1).toMatchObject({ label: 'pp/1', type: 'paragraph', degree: 10, position: 1, number: '1', parent: 'https://w3id.org/unkg/eli/un/E/RES/2017/18' });
    expect(pp1.text).toBe(fixture.nodes.find((n) => n.id === 'https://w3id.org/unkg/eli/un/E/RES/2017/18/pp/1')!.attributes.text);
  });

  it('networkx reads GEXF attvalues with their declared types and the viz colour', () => {
    const read = readWithNetworkx('gexf', EXPORT_FORMATS.gexf.serialize(fixture));
    expect(read.data['https://w3id.org/unkg/eli/un/E/RES/2017/18']).toMatchObject({
      label: 'E/RES/2017/18',
      type: 'resolution',
      degree: 15,
      plenaryMeeting: 40,
      viz: { color: { r: 31, g: 78, b: 121, a: 1 } },
    });
  });

  it('Graphviz links each SVG node to its IRI', () => {
    const { svg } = renderWithGraphviz(EXPORT_FORMATS.dot.serialize(fixture));
    expect(svg).toContain('xlink:href="https://w3id.org/unkg/eli/un/E/RES/2017/18/pp/2/a"');
  });
});

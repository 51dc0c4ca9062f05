/** The graph API over HTTP: every format of the seed resolution's graph, read back by a
 *  third-party reader (networkx for GraphML and GEXF, Graphviz for DOT, the cytoscape and
 *  graphology packages, oxigraph for JSON-LD), gives the node and edge counts SPARQL finds. */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import cytoscape from 'cytoscape';
import Graph from 'graphology';
import * as oxigraph from 'oxigraph';
import { NS } from '../../src/vocab';
import { DOCUMENT_LINK_PREDICATES, EXPORT_FORMATS, GRAPH_FORMAT_NAMES, TRUNCATED_HEADER, type GraphFormatName } from '../../src/viz';
import { SEED, SEED_OP2, startService, type ServiceUnderTest } from '../web/serviceUnderTest';

const PYTHON = '/usr/bin/python3';
const DOT = '/usr/bin/dot';
const run = promisify(execFile);

const NETWORKX_READER = `
import json, sys
import networkx as nx
kind, path = sys.argv[1], sys.argv[2]
g = nx.read_graphml(path, force_multigraph=True) if kind == 'graphml' else nx.read_gexf(path)
print(json.dumps({'directed': g.is_directed(), 'nodes': g.number_of_nodes(), 'edges': g.number_of_edges()}))
`;

interface Counts {
  nodes: number;
  edges: number;
}

let workdir: string;

/** How each format's reader counts the graph it is given. */
const READERS: Record<GraphFormatName, (body: string) => Promise<Counts>> = {
  cytoscape: async (body) => {
    const cy = cytoscape({ headless: true, styleEnabled: false, elements: JSON.parse(body).elements });
    const counts = { nodes: cy.nodes().length, edges: cy.edges().length };
    cy.destroy();
    return counts;
  },
  graphology: async (body) => {
    const graph = Graph.from(JSON.parse(body));
    return { nodes: graph.order, edges: graph.size };
  },
  vis: async (body) => {
    const json = JSON.parse(body) as { nodes: Array<{ id: string }>; edges: Array<{ from: string; to: string }> };
    const ids = new Set(json.nodes.map((n) => n.id));
    expect(json.edges.filter((e) => !ids.has(e.from) || !ids.has(e.to))).toEqual([]);
    return { nodes: ids.size, edges: json.edges.length };
  },
  d3: async (body) => {
    const json = JSON.parse(body) as { nodes: Array<{ id: string }>; links: Array<{ source: string; target: string }> };
    const ids = new Set(json.nodes.map((n) => n.id));
    expect(json.links.filter((l) => !ids.has(l.source) || !ids.has(l.target))).toEqual([]);
    return { nodes: ids.size, edges: json.links.length };
  },
  graphml: (body) => readWithNetworkx('graphml', body),
  gexf: (body) => readWithNetworkx('gexf', body),
  dot: async (body) => {
    const child = execFile(DOT, ['-Tsvg'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    child.stdin!.end(body);
    const [svg, stderr] = await new Promise<[string, string]>((resolve, reject) => {
      let out = '';
      let err = '';
      child.stdout!.on('data', (d) => (out += d));
      child.stderr!.on('data', (d) => (err += d));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve([out, err]) : reject(new Error(`dot exited ${code}: ${err}`))));
    });
    expect(stderr).toBe('');
    return { nodes: (svg.match(/class="node"/g) ?? []).length, edges: (svg.match(/class="edge"/g) ?? []).length };
  },
  jsonld: async (body) => {
    const quads = oxigraph.parse(body, { format: 'application/ld+json' });
    const links = new Set(
      quads.filter((q) => q.object.termType === 'NamedNode' && q.predicate.value !== `${NS.rdf}type`).map((q) => `${q.subject} ${q.predicate} ${q.object}`),
    );
    const resources = new Set(quads.flatMap((q) => [q.subject.value, ...(links.has(`${q.subject} ${q.predicate} ${q.object}`) ? [q.object.value] : [])]));
    return { nodes: resources.size, edges: links.size };
  },
};

async function readWithNetworkx(kind: 'graphml' | 'gexf', body: string): Promise<Counts> {
  const path = join(workdir, `graph.${kind}`);
  writeFileSync(path, body, 'utf8');
  const { stdout } = await run(PYTHON, ['-c', NETWORKX_READER, kind, path], { encoding: 'utf8' });
  const read = JSON.parse(stdout) as Counts & { directed: boolean };
  expect(read.directed).toBe(true);
  return { nodes: read.nodes, edges: read.edges };
}

describe('GET /api/graph', () => {
  let service: ServiceUnderTest;
  /** The seed resolution's graph as SPARQL finds it. */
  let expected: Counts & { nodes: number };
  const get = (url: string, headers: Record<string, string> = {}) => service.app.inject({ url, headers });

  beforeAll(async () => {
    if (!existsSync(PYTHON)) throw new Error(`${PYTHON} is missing: apt-get install -y --no-install-recommends python3 python3-networkx`);
    if (!existsSync(DOT)) throw new Error(`${DOT} is missing: apt-get install -y --no-install-recommends graphviz`);
    workdir = mkdtempSync(join(tmpdir(), 'unkg-graph-api-'));
    service = await startService();
    const links = DOCUMENT_LINK_PREDICATES.map((p) => `<${p}>`).join(' ');
    const members = `{ BIND(<${SEED}> AS ?n) } UNION { ?n <${NS.eli}is_part_of>+ <${SEED}> } UNION {
      { BIND(<${SEED}> AS ?from) } UNION { ?from <${NS.eli}is_part_of>+ <${SEED}> }
      VALUES ?link { ${links} } ?from ?link ?n FILTER(isIRI(?n)) }`;
    const nodes = await service.store.select(`SELECT DISTINCT ?n WHERE { ${members} }`);
    const iris = nodes.results.bindings.map((b) => `<${b.n.value}>`).join(' ');
    const edges = await service.store.select(
      `SELECT (COUNT(*) AS ?edges) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { VALUES ?s { ${iris} } VALUES ?o { ${iris} } ?s ?p ?o FILTER(?p != <${NS.rdf}type>) } }`,
    );
    expected = { nodes: nodes.results.bindings.length, edges: Number(edges.results.bindings[0].edges.value) };
  });
  afterAll(async () => {
    await service?.close();
    if (workdir) rmSync(workdir, { recursive: true, force: true });
  });

  it('has a reader for every format it serves', () => {
    expect(Object.keys(READERS).sort()).toEqual([...GRAPH_FORMAT_NAMES].sort());
  });

  describe.each([...GRAPH_FORMAT_NAMES])('the seed resolution as %s', (format) => {
    it('reads back with the node and edge counts SPARQL finds', async () => {
      const response = await get(`/api/graph?document=E/RES/2017/18&format=${format}&limit=1000`);
      expect(response.statusCode).toBe(200);
      expect(response.headers[TRUNCATED_HEADER.toLowerCase()]).toBe('false');
      expect(expected.nodes).toBeGreaterThan(50);
      expect(await READERS[format](response.body)).toEqual(expected);
    });

    it('is sent with its media type and a file name', async () => {
      const response = await get(`/api/graph?document=E/RES/2017/18&format=${format}`);
      const type = format === 'jsonld' ? 'application/ld+json' : EXPORT_FORMATS[format].mediaType;
      const extension = format === 'jsonld' ? 'jsonld' : EXPORT_FORMATS[format].fileExtension;
      expect(String(response.headers['content-type']).split(';')[0]).toBe(type);
      const kind = format === 'jsonld' || EXPORT_FORMATS[format].kind === 'json' ? 'inline' : 'attachment';
      expect(response.headers['content-disposition']).toBe(`${kind}; filename="E-RES-2017-18.${extension}"`);
    });
  });

  it('gives the same document graph at /api/graph/document/{symbol}', async () => {
    const byPath = await get('/api/graph/document/E/RES/2017/18?format=d3');
    const byQuery = await get(`/api/graph?document=${encodeURIComponent(SEED)}&format=d3`);
    expect(byPath.statusCode).toBe(200);
    expect(byPath.body).toBe(byQuery.body);
  });

  it.each([
    ['vis-network', 'vis'],
    ['VIS', 'vis'],
    ['cytoscape.js', 'cytoscape'],
    ['graphviz', 'dot'],
    ['json-ld', 'jsonld'],
  ])('answers format=%s as its canonical name %s', async (alias, canonical) => {
    const [byAlias, byName] = await Promise.all([
      get(`/api/graph?document=E/RES/2017/18&format=${alias}`),
      get(`/api/graph?document=E/RES/2017/18&format=${canonical}`),
    ]);
    expect(byAlias.statusCode).toBe(200);
    expect(byAlias.headers['content-disposition']).toBe(byName.headers['content-disposition']);
    expect(byAlias.body).toBe(byName.body);
  });

  it('gives the same ids on every call', async () => {
    const [first, second] = await Promise.all([
      get('/api/graph?document=E/RES/2017/18&format=cytoscape'),
      get('/api/graph?document=E/RES/2017/18&format=cytoscape'),
    ]);
    expect(first.body).toBe(second.body);
  });

  describe('JSON formats', () => {
    it.each(['cytoscape', 'vis', 'd3', 'graphology'])('%s says whether nodes were left out, and gives each node its degree', async (format) => {
      const full = (await get(`/api/graph?iri=${encodeURIComponent(SEED_OP2)}&format=${format}`)).json();
      const cut = await get(`/api/graph?document=E/RES/2017/18&format=${format}&limit=10`);
      expect(full.truncated).toBe(false);
      expect(cut.json().truncated).toBe(true);
      expect(cut.headers[TRUNCATED_HEADER.toLowerCase()]).toBe('true');
      const degreeOf: Record<string, (json: any) => number> = {
        cytoscape: (json) => json.elements.nodes.find((n: any) => n.data.id === SEED_OP2).data.degree,
        vis: (json) => json.nodes.find((n: any) => n.id === SEED_OP2).degree,
        d3: (json) => json.nodes.find((n: any) => n.id === SEED_OP2).degree,
        graphology: (json) => json.nodes.find((n: any) => n.key === SEED_OP2).attributes.degree,
      };
      const touching = await service.store.select(`SELECT (COUNT(*) AS ?n) WHERE { { <${SEED_OP2}> ?p ?o FILTER(isIRI(?o)) } UNION { ?s ?p <${SEED_OP2}> } }`);
      expect(degreeOf[format](full)).toBe(Number(touching.results.bindings[0].n.value));
    });
  });

  describe('neighbourhoods', () => {
    it('follow only the predicates asked for, in the direction asked for', async () => {
      const json = (await get(`/api/graph?iri=${encodeURIComponent(SEED_OP2)}&direction=out&predicates=eli:cites&format=d3`)).json();
      const cited = await service.store.select(`SELECT ?o WHERE { <${SEED_OP2}> <${NS.eli}cites> ?o } ORDER BY ?o`);
      expect(json.nodes.map((n: { id: string }) => n.id).sort()).toEqual([SEED_OP2, ...cited.results.bindings.map((b) => b.o.value)].sort());
      expect(json.links.map((l: { predicate: string }) => l.predicate)).toEqual(cited.results.bindings.map(() => `${NS.eli}cites`));
    });

    it('reach two hops out at depth 2', async () => {
      const one = (await get(`/api/graph?iri=${encodeURIComponent(SEED_OP2)}&format=d3&limit=2000`)).json();
      const two = (await get(`/api/graph?iri=${encodeURIComponent(SEED_OP2)}&depth=2&format=d3&limit=2000`)).json();
      expect(two.nodes.length).toBeGreaterThan(one.nodes.length);
    });

    it('are written as the same triples in JSON-LD', async () => {
      const d3 = (await get(`/api/graph?iri=${encodeURIComponent(SEED_OP2)}&format=d3`)).json();
      const jsonld = (await get(`/api/graph?iri=${encodeURIComponent(SEED_OP2)}&format=jsonld`)).body;
      expect(await READERS.jsonld(jsonld)).toEqual({ nodes: d3.nodes.length, edges: d3.links.length });
    });
  });

  describe('requests it cannot answer', () => {
    it.each([
      ['/api/graph?iri=https://w3id.org/unkg/org/unodc&depth=3', 400, 'depth must be one of 1, 2: "3"'],
      ['/api/graph?iri=https://w3id.org/unkg/org/unodc&direction=sideways', 400, 'direction must be one of out, in, both: "sideways"'],
      [
        '/api/graph?iri=https://w3id.org/unkg/org/unodc&format=png',
        400,
        `format must be one of ${GRAPH_FORMAT_NAMES.join(', ')} (also accepted: vis-network for vis, cytoscape.js for cytoscape, cyjs for cytoscape, graphviz for dot, gv for dot, json-ld for jsonld): "png"`,
      ],
      ['/api/graph?iri=https://w3id.org/unkg/org/unodc&limit=0', 400, 'node limit must be an integer from 1 to 2000: 0'],
      ['/api/graph?iri=https://w3id.org/unkg/org/unodc&limit=many', 400, 'limit must be a whole number: "many"'],
      ['/api/graph?iri=not%20an%20iri', 400, 'not an absolute IRI: "not an iri"'],
      ['/api/graph?iri=https://w3id.org/unkg/org/unodc&predicates=eli:cites,not%20an%20iri', 400, 'not an absolute IRI: "not an iri"'],
      ['/api/graph', 400, 'give either iri=<IRI> (a neighbourhood) or document=<symbol> (the graph of a document)'],
      [
        '/api/graph?iri=https://w3id.org/unkg/org/unodc&document=E/RES/2017/18',
        400,
        'give either iri=<IRI> (a neighbourhood) or document=<symbol> (the graph of a document)',
      ],
      ['/api/graph?document=E/RES/2017/18&depth=2', 400, 'the graph of a document takes no neighbourhood parameter (depth)'],
      ['/api/graph?iri=https://w3id.org/unkg/org/no-such-body', 404, 'no triples about https://w3id.org/unkg/org/no-such-body'],
      ['/api/graph?document=E/RES/1999/99', 404, 'no triples about https://w3id.org/unkg/eli/un/E/RES/1999/99'],
    ])('%s → %i', async (url, status, message) => {
      const response = await get(url);
      expect(response.statusCode).toBe(status);
      expect(response.json().message).toBe(message);
    });
  });
});

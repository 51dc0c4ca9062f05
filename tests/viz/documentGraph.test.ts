import { NS, createIriScheme, DEFAULT_BASE, sdgIri } from '../../src/vocab';
import { documentGraph, type VizGraph } from '../../src/viz';
import { fixtureStore } from './OxigraphSelectStore';

const iris = createIriScheme(DEFAULT_BASE);
const DOC = iris.document('E/RES/2017/18');
const PP1 = iris.preambular(DOC, 1);
const PP2 = iris.preambular(DOC, 2);
const PP2A = iris.subParagraph(PP2, 'a');
const OP1 = iris.operative(DOC, 1);
const OP2 = iris.operative(DOC, 2);
const FN1 = iris.footnote(DOC, 1);
const CITED = iris.document('A/RES/64/293');
const PROTOCOL = iris.treaty(2237, 39574);
const UNODC = iris.organisation('unodc');
const ECOSOC = iris.organisation('ecosoc');
const PLAN = iris.plan('global-plan-of-action-tip');
const clause = (verb: string): string => `${NS.clause}${verb}`;

const OPTIONS = { limit: 100, lang: ['en'], literals: 'attributes' as const };

const node = (g: VizGraph, id: string) => {
  const n = g.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
};
const countBy = (values: string[]): Record<string, number> => values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});

describe('documentGraph', () => {
  let graph: VizGraph;
  let queries: number;
  beforeAll(async () => {
    const store = fixtureStore();
    graph = await documentGraph(store, DOC, OPTIONS);
    queries = store.queries.length;
  });

  it('draws the resolution, its paragraphs, sub-paragraph and footnote, their clause verbs and what they cite or mention', () => {
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(
      [
        DOC,
        PP1,
        PP2,
        PP2A,
        OP1,
        OP2,
        FN1,
        CITED,
        PROTOCOL,
        sdgIri('5.2'),
        UNODC,
        ECOSOC,
        PLAN,
        clause('recalling'),
        clause('aware'),
        clause('urges'),
        clause('requests'),
      ].sort(),
    );
    expect(graph.root).toBe(DOC);
    expect(graph.truncated).toBe(false);
  });

  it('lists the resolution first, then its parts in document order: preamble, operative part, footnotes', () => {
    expect(graph.nodes.slice(0, 7).map((n) => n.id)).toEqual([DOC, PP1, PP2, PP2A, OP1, OP2, FN1]);
  });

  it('leaves out the evidence nodes and the language expression', () => {
    expect(graph.nodes.filter((n) => /\/(act|ref)\/\d+$/.test(n.id) || n.id.endsWith('/fra'))).toEqual([]);
  });

  it('gives each node its kind', () => {
    expect(Object.fromEntries(graph.nodes.map((n) => [n.id, n.type]))).toMatchObject({
      [DOC]: 'resolution',
      [PP1]: 'paragraph',
      [OP2]: 'paragraph',
      [PP2A]: 'subparagraph',
      [FN1]: 'footnote',
      [CITED]: 'resolution',
      [PROTOCOL]: 'treaty',
      [sdgIri('5.2')]: 'sdg-target',
      [UNODC]: 'organisation',
      [PLAN]: 'plan',
      [clause('urges')]: 'clause-verb',
    });
  });

  it('labels documents by symbol, paragraphs by number and entities by their English name', () => {
    expect(Object.fromEntries(graph.nodes.map((n) => [n.id, n.label]))).toMatchObject({
      [DOC]: 'E/RES/2017/18',
      [CITED]: 'A/RES/64/293',
      [PP1]: 'pp/1',
      [OP2]: 'op/2',
      [PP2A]: 'pp/2/a',
      [FN1]: 'fn/1',
      [UNODC]: 'United Nations Office on Drugs and Crime',
      [clause('urges')]: 'urges',
    });
  });

  it('groups paragraphs and the footnote inside the resolution and the sub-paragraph inside its paragraph', () => {
    expect(Object.fromEntries(graph.nodes.filter((n) => n.parent).map((n) => [n.id, n.parent]))).toEqual({
      [PP1]: DOC,
      [PP2]: DOC,
      [OP1]: DOC,
      [OP2]: DOC,
      [FN1]: DOC,
      [PP2A]: PP2,
    });
  });

  it('draws every triple between drawn nodes, and only those', () => {
    expect(countBy(graph.edges.map((e) => e.label))).toEqual({
      'has part': 4,
      'is part of': 6,
      'clause verb': 4,
      cites: 3,
      mentions: 3,
      'has footnote': 1,
      'passed by': 1,
    });
    const ids = new Set(graph.nodes.map((n) => n.id));
    expect(graph.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
    expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
  });

  it('keeps literal values as attributes, numbers as numbers', () => {
    expect(node(graph, PP1).attributes).toMatchObject({ number: '1', position: 1 });
    expect(node(graph, PP1).attributes.text).toMatch(/^Rappelant sa résolution 64\/293/);
    expect(node(graph, DOC).attributes).toMatchObject({ id_local: 'E/RES/2017/18', plenaryMeeting: 40, date_document: '2017-07-06', language: 'fr' });
  });

  it('counts degrees over the whole store, including links to nodes not drawn', () => {
    const store = fixtureStore();
    for (const n of graph.nodes) expect([n.id, n.degree]).toEqual([n.id, store.countTouching(n.id)]);
    // A/RES/64/293 is cited by a paragraph of another resolution too, which is not drawn here.
    expect(node(graph, CITED).degree).toBe(5);
  });

  it('takes three queries: the document parts and links, their descriptions, their degrees', () => {
    expect(queries).toBe(3);
  });

  it('prefers French names when asked, and falls back to any language', async () => {
    const fr = await documentGraph(fixtureStore(), DOC, { ...OPTIONS, lang: ['fr'] });
    expect(node(fr, UNODC).label).toBe('Office des Nations Unies contre la drogue et le crime');
    expect(node(fr, clause('urges')).label).toBe('exhorte');
    expect(node(fr, PLAN).label).toBe('United Nations Global Plan of Action to Combat Trafficking in Persons');
  });

  it('cuts the graph at the node limit, keeping the resolution and its parts first', async () => {
    const cut = await documentGraph(fixtureStore(), DOC, { ...OPTIONS, limit: 5 });
    expect(cut.truncated).toBe(true);
    expect(cut.nodes.map((n) => n.id)).toEqual([DOC, PP1, PP2, PP2A, OP1]);
    expect(countBy(cut.edges.map((e) => e.label))).toEqual({ 'has part': 3, 'is part of': 4 });
  });
});

import { NS, createIriScheme, DEFAULT_BASE, sdgIri } from '../../src/vocab';
import { InvalidIriError, VALUES_BATCH_SIZE, VizRequestError, neighbourhood, type NeighbourhoodOptions, type VizGraph } from '../../src/viz';
import { OxigraphSelectStore, fixtureStore } from './OxigraphSelectStore';

const iris = createIriScheme(DEFAULT_BASE);
const DOC = iris.document('E/RES/2017/18');
const LATER = iris.document('E/RES/2018/5');
const PP1 = iris.preambular(DOC, 1);
const PP2 = iris.preambular(DOC, 2);
const PP2A = iris.subParagraph(PP2, 'a');
const OP1 = iris.operative(DOC, 1);
const OP2 = iris.operative(DOC, 2);
const FN1 = iris.footnote(DOC, 1);
const LATER_OP1 = iris.operative(LATER, 1);
const CITED = iris.document('A/RES/64/293');
const UNODC = iris.organisation('unodc');
const clause = (verb: string): string => `${NS.clause}${verb}`;

const ONE_HOP_OUT: NeighbourhoodOptions = { depth: 1, direction: 'out', limit: 100, lang: ['en'], literals: 'attributes' };

const ids = (g: VizGraph): string[] => g.nodes.map((n) => n.id);
const node = (g: VizGraph, id: string) => g.nodes.find((n) => n.id === id)!;

describe('neighbourhood', () => {
  describe('direction', () => {
    it('follows links out of the resource', async () => {
      const g = await neighbourhood(fixtureStore(), PP1, ONE_HOP_OUT);
      expect(ids(g)).toEqual([PP1, clause('recalling'), CITED, DOC, FN1]);
      expect(g.root).toBe(PP1);
      expect(g.truncated).toBe(false);
    });

    it('follows links into the resource', async () => {
      const g = await neighbourhood(fixtureStore(), CITED, { ...ONE_HOP_OUT, direction: 'in' });
      expect(ids(g)).toEqual([CITED, PP1, LATER_OP1]);
      expect(g.edges.map((e) => [e.source, e.label, e.target])).toEqual([
        [PP1, 'cites', CITED],
        [LATER_OP1, 'cites', CITED],
      ]);
    });

    it('finds nothing out of a resource whose only outgoing IRIs are its types', async () => {
      const g = await neighbourhood(fixtureStore(), CITED, ONE_HOP_OUT);
      expect(ids(g)).toEqual([CITED]);
      expect(g.edges).toEqual([]);
    });

    it('follows both ways at once', async () => {
      const g = await neighbourhood(fixtureStore(), OP1, { ...ONE_HOP_OUT, direction: 'both' });
      expect(ids(g)).toEqual([OP1, clause('urges'), DOC, UNODC]);
    });
  });

  it('reaches two hops out, with every edge between the drawn nodes', async () => {
    const store = fixtureStore();
    const g = await neighbourhood(store, CITED, { ...ONE_HOP_OUT, depth: 2, direction: 'both' });
    expect(ids(g)).toEqual([CITED, PP1, LATER_OP1, clause('recalling'), DOC, FN1, LATER]);
    // pp/1: cites, is part of, clause verb, has footnote; the later paragraph: cites, is part of;
    // the resolutions: has part ×2; the footnote: is part of.
    expect(g.edges).toHaveLength(9);
    expect(g.edges.filter((e) => e.label === 'has part').map((e) => [e.source, e.target])).toEqual([
      [DOC, PP1],
      [LATER, LATER_OP1],
    ]);
    // two hops, then descriptions and degrees: a fixed number of queries, not one per node
    expect(store.queries).toHaveLength(4);
  });

  it('skips the evidence nodes of links and clause verbs unless asked for them', async () => {
    const both = { ...ONE_HOP_OUT, direction: 'both' as const };
    const plain = await neighbourhood(fixtureStore(), PP1, both);
    expect(ids(plain).filter((id) => /\/(act|ref)\/\d+$/.test(id))).toEqual([]);
    const withEvidence = await neighbourhood(fixtureStore(), PP1, { ...both, evidence: true });
    expect(ids(withEvidence).filter((id) => /\/(act|ref)\/\d+$/.test(id))).toEqual([`${PP1}/act/1`, `${PP1}/ref/1`]);
  });

  it('links paragraphs to their clause verbs as nodes', async () => {
    const g = await neighbourhood(fixtureStore(), clause('urges'), { ...ONE_HOP_OUT, direction: 'in' });
    expect(ids(g)).toEqual([clause('urges'), OP1]);
    expect(node(g, clause('urges'))).toMatchObject({ type: 'clause-verb', label: 'urges' });
    expect(g.edges.map((e) => [e.source, e.predicate, e.target])).toEqual([[OP1, `${NS.unkg}clauseVerb`, clause('urges')]]);
  });

  it('follows and draws only the predicates asked for', async () => {
    const g = await neighbourhood(fixtureStore(), DOC, { ...ONE_HOP_OUT, predicates: [`${NS.eli}has_part`] });
    expect(ids(g)).toEqual([DOC, OP1, OP2, PP1, PP2]);
    expect(new Set(g.edges.map((e) => e.label))).toEqual(new Set(['has part']));
    expect(g.edges).toHaveLength(4);
  });

  it('labels a sub-paragraph after its paragraph even when the paragraph is not drawn', async () => {
    const g = await neighbourhood(fixtureStore(), PP2A, { ...ONE_HOP_OUT, predicates: [`${NS.eli}cites`] });
    expect(g.nodes).toEqual([expect.objectContaining({ id: PP2A, label: 'pp/2/a', type: 'subparagraph', degree: 3 })]);
    expect(node(g, PP2A).parent).toBeUndefined();
  });

  it('turns literal values into nodes of their own when asked', async () => {
    const g = await neighbourhood(fixtureStore(), OP2, { ...ONE_HOP_OUT, predicates: [`${NS.eli}is_part_of`], literals: 'nodes' });
    const valueEdges = g.edges.filter((e) => e.source === OP2 && e.target.startsWith('literal:'));
    const values = valueEdges.map((e) => node(g, e.target));
    expect(valueEdges.map((e) => e.label)).toEqual(['number', 'text', 'position']);
    expect(values.map((n) => [n.type, n.label])).toEqual([
      ['literal', '2'],
      ['literal', "Prie l'Office de lui faire rapport ;"],
      ['literal', '4'],
    ]);
    expect(values[2].attributes).toEqual({ value: 4, datatype: `${NS.xsd}integer` });
    expect(values[1].attributes).toEqual({ value: "Prie l'Office de lui faire rapport ;", language: 'fr' });
    expect(node(g, OP2).attributes).toEqual({});
    // the resolution's own values are drawn too
    expect(g.edges.filter((e) => e.source === DOC && e.target.startsWith('literal:')).map((e) => e.label)).toEqual([
      'date document',
      'id local',
      'language',
      'title',
      'plenary meeting',
      'resolution number',
    ]);
  });

  describe('node limit', () => {
    it('keeps the first nodes in IRI order and says the graph was cut', async () => {
      const g = await neighbourhood(fixtureStore(), PP1, { ...ONE_HOP_OUT, limit: 3 });
      expect(ids(g)).toEqual([PP1, clause('recalling'), CITED]);
      expect(g.truncated).toBe(true);
      expect(g.edges.map((e) => e.label)).toEqual(['cites', 'clause verb']);
    });

    it('does not report a cut when the limit is exactly reached', async () => {
      const g = await neighbourhood(fixtureStore(), PP1, { ...ONE_HOP_OUT, limit: 5 });
      expect(g.nodes).toHaveLength(5);
      expect(g.truncated).toBe(false);
    });

    it('reports a cut when only the resource itself fits', async () => {
      const g = await neighbourhood(fixtureStore(), PP1, { ...ONE_HOP_OUT, limit: 1 });
      expect(ids(g)).toEqual([PP1]);
      expect(g.truncated).toBe(true);
    });

    it('counts literal nodes against the limit', async () => {
      const g = await neighbourhood(fixtureStore(), OP2, { ...ONE_HOP_OUT, predicates: [`${NS.eli}is_part_of`], literals: 'nodes', limit: 3 });
      expect(g.nodes.map((n) => n.type)).toEqual(['paragraph', 'resolution', 'literal']);
      expect(g.truncated).toBe(true);
    });
  });

  describe('a resource cited from more paragraphs than one query batch holds', () => {
    const CITING = VALUES_BATCH_SIZE * 2 + 50;
    const big = (): OxigraphSelectStore => {
      const lines = ['@prefix eli: <http://data.europa.eu/eli/ontology#> .', `<${sdgIri('16.2')}> a <${NS.sdgo}Target> .`];
      for (let i = 1; i <= CITING; i++) lines.push(`<${iris.operative(LATER, i)}> eli:cites <${sdgIri('16.2')}> ; eli:number "${i}" .`);
      return new OxigraphSelectStore().loadTurtle(lines.join('\n'), `${DEFAULT_BASE}graph/test`);
    };

    it('draws them all with a query per batch of nodes, not per node', async () => {
      const store = big();
      const g = await neighbourhood(store, sdgIri('16.2'), { ...ONE_HOP_OUT, direction: 'in', limit: 1000 });
      expect(g.nodes).toHaveLength(CITING + 1);
      expect(g.edges).toHaveLength(CITING);
      expect(node(g, sdgIri('16.2'))).toMatchObject({ type: 'sdg-target', degree: CITING + 1 });
      const batches = Math.ceil((CITING + 1) / VALUES_BATCH_SIZE);
      expect(store.queries).toHaveLength(1 + batches + batches);
    });

    it('cuts them at the limit', async () => {
      const g = await neighbourhood(big(), sdgIri('16.2'), { ...ONE_HOP_OUT, direction: 'in', limit: 50 });
      expect(g.nodes).toHaveLength(50);
      expect(g.edges).toHaveLength(49);
      expect(g.truncated).toBe(true);
    });
  });

  it('gives the same graph, ids included, on every call', async () => {
    const options: NeighbourhoodOptions = { ...ONE_HOP_OUT, depth: 2, direction: 'both', literals: 'nodes' };
    const first = await neighbourhood(fixtureStore(), PP2, options);
    const second = await neighbourhood(fixtureStore(), PP2, options);
    expect(second).toEqual(first);
    expect(first.edges.length).toBeGreaterThan(10);
  });

  describe('refuses requests it cannot answer', () => {
    it.each([
      ['a relative IRI', 'E/RES/2017/18'],
      ['an IRI that would close the query', `${DOC}> } DELETE WHERE { ?s ?p ?o } #`],
      ['an IRI with a space', 'https://w3id.org/unkg/a b'],
    ])('%s', async (_, iri) => {
      await expect(neighbourhood(fixtureStore(), iri, ONE_HOP_OUT)).rejects.toThrow(InvalidIriError);
    });

    it('a predicate that is not an absolute IRI', async () => {
      await expect(neighbourhood(fixtureStore(), DOC, { ...ONE_HOP_OUT, predicates: ['cites'] })).rejects.toThrow(InvalidIriError);
    });

    it.each([
      ['a limit of zero', { limit: 0 }],
      ['a fractional limit', { limit: 2.5 }],
      ['a depth of three', { depth: 3 }],
      ['an unknown direction', { direction: 'sideways' }],
      ['a malformed language', { lang: ['en;q=1'] }],
    ])('%s', async (_, bad) => {
      const options = { ...ONE_HOP_OUT, ...bad } as unknown as NeighbourhoodOptions;
      await expect(neighbourhood(fixtureStore(), DOC, options)).rejects.toThrow(VizRequestError);
    });
  });
});

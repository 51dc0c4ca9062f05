import { getNamedType, isEnumType, isObjectType, isScalarType, parse, type GraphQLObjectType } from 'graphql';
import type { GraphStore } from '../../src/graph';
import { createGraphqlServer, PERSISTED_OPERATIONS, type GraphqlServer } from '../../src/graphql';
import type { GraphqlContext } from '../../src/graphql/GraphqlContext';
import { planOperation } from '../../src/graphql/plan';
import { resolvers } from '../../src/graphql/resolvers';
import { createLoaders } from '../../src/graphql/loaders/createLoaders';
import { describe as describeNode } from '../../src/graphql/resolvers/fields';
import { buildSchema } from '../../src/graphql/schema/buildSchema';
import { createIriScheme, DEFAULT_BASE, NS } from '../../src/vocab';
import { CountingStore } from './CountingStore';
import { DOC, execute, GPA_RESOLUTION, seedStore, UNODC } from './seedStore';

/** Resolvers answer from what the operation's plan loaded beforehand: the same answers as from
 *  whole descriptions, in one round trip per list the operation goes down, reading only what it
 *  selects. */

const schema = buildSchema();

/** A resource of each type, and a paragraph with sub-paragraphs, one with citations made
 *  through a footnote, a sub-paragraph and a footnote. */
const SAMPLES: Array<[string, string]> = [
  [`${DOC}/pp/6`, 'Paragraph'],
  [`${DOC}/op/1`, 'Paragraph'],
  [`${DOC}/pp/6/a`, 'Paragraph'],
  [`${DOC}/fn/1`, 'Footnote'],
  [`${DOC}/op/1/act/2`, 'ClauseAct'],
  [`${DOC}/op/1/ref/4`, 'Citation'],
  [`${DOC}/op/1/ref/1`, 'Mention'],
  [DOC, 'Resolution'],
  [GPA_RESOLUTION, 'Resolution'],
  [`${DEFAULT_BASE}eli/un/A/71/119`, 'OtherDocument'],
  [`${DEFAULT_BASE}treaty/unts/2237/39574`, 'Treaty'],
  [UNODC, 'Organisation'],
  [`${DEFAULT_BASE}event/world-day-against-tip`, 'Event'],
  [`${DEFAULT_BASE}pub/unodc-glotip-2016`, 'Publication'],
  [`${DEFAULT_BASE}plan/2030-agenda`, 'Plan'],
  ['http://metadata.un.org/sdg/16', 'SdgGoal'],
  ['http://metadata.un.org/sdg/5.2', 'SdgTarget'],
  [`${NS.clause}urges`, 'ClauseVerb'],
  [`${NS.unkg}Resolution`, 'Resource'],
];

/** Every field of a type, the resources it returns by their type and IRI. */
function everyField(type: GraphQLObjectType): string {
  return Object.values(type.getFields())
    .map((field) => {
      const target = getNamedType(field.type);
      if (isScalarType(target) || isEnumType(target)) return field.name;
      if (target.name === 'LangString') return `${field.name} { value language }`;
      if (target.name === 'DocumentSdgTarget') return `${field.name} { target { code } paragraphs { id number } }`;
      if (target.name.endsWith('Connection')) return `${field.name}(first: 3) { totalCount pageInfo { hasNextPage endCursor } nodes { id number } }`;
      return `${field.name} { __typename ... on Node { id } }`;
    })
    .join(' ');
}

const everyFieldOf = (typename: string): string => {
  const type = schema.getType(typename);
  if (!isObjectType(type)) throw new Error(typename);
  return `query($id: ID!) { node(id: $id) { __typename ... on ${typename} { ${everyField(type)} } } }`;
};

/** Whole descriptions: the same server with the plan dropped before the operation runs. */
const withoutPlan = {
  onExecute({ args }: { args: { contextValue: GraphqlContext } }) {
    delete args.contextValue.plan;
  },
};

const WHOLE_DESCRIPTION = /SELECT (\?citing )?\?s \?p \?o/;

describe('planned loading', () => {
  let real: GraphStore;
  let store: CountingStore;
  let planned: GraphqlServer;
  let whole: GraphqlServer;

  beforeAll(async () => {
    real = await seedStore();
    store = new CountingStore(real);
    planned = createGraphqlServer({ store, base: DEFAULT_BASE });
    whole = createGraphqlServer({ store: real, base: DEFAULT_BASE, plugins: [withoutPlan] });
  });
  afterAll(() => real.close());
  beforeEach(() => store.reset());

  async function bothWays(query: string, variables: Record<string, unknown> = {}) {
    const [fromPlan, fromWhole] = [await execute(planned, query, variables), await execute(whole, query, variables)];
    expect(fromPlan.body.errors).toBeUndefined();
    expect(fromWhole.body.errors).toBeUndefined();
    return { fromPlan: fromPlan.body.data, fromWhole: fromWhole.body.data };
  }

  test.each(SAMPLES)('answers every field of %s (%s) as whole descriptions do, without describing anything whole', async (id, typename) => {
    const { fromPlan, fromWhole } = await bothWays(everyFieldOf(typename), { id });
    expect(fromPlan.node.__typename).toBe(typename);
    expect(fromPlan).toEqual(fromWhole);
    expect(store.queries.filter((query) => WHOLE_DESCRIPTION.test(query))).toEqual([]);
  });

  const VARIABLES = { symbol: 'E/RES/2017/18', code: '5.2', id: `${DOC}/op/2`, lang: ['en'] };
  test.each([
    ['ResolutionWithParagraphs', 1, 1],
    ['ParagraphsCiting', 1, 1],
    ['SdgTargetWithCitingParagraphs', 1, 1],
    ['NodeNeighbourhood', 1, 1],
  ])('answers %s as whole descriptions do, in %i round trips (%i queries)', async (name, rounds, queries) => {
    const operation = PERSISTED_OPERATIONS.find((op) => op.name === name)!;
    const { fromPlan, fromWhole } = await bothWays(operation.document, VARIABLES);
    expect(fromPlan).toEqual(fromWhole);
    expect({ rounds: store.rounds, queries: store.count }).toEqual({ rounds, queries });
  });

  test.each([
    [`{ sdgGoals { code label targets { code label goal { code } } } }`],
    [`{ clauseVerbs(kind: PREAMBULAR) { slug kind label paragraphs(first: 5) { totalCount nodes { number document { symbol } } } } }`],
    [`{ organisations(first: 50) { totalCount edges { cursor node { slug label parent { slug } subOrganizations { slug } } } } }`],
    [`{ search(text: "traite des personnes", first: 10) { totalCount edges { offset node { __typename ... on Paragraph { number document { symbol } } } } } }`],
    [`{ resolution(symbol: "E/RES/2017/18") { sdgTargets { target { code label goal { code } } paragraphs { number citations { matchedText } } } } }`],
    [`{ document(symbol: "A/RES/64/293") { symbol citedBy(first: 100) { nodes { number document { symbol } footnotes { number markedIn { number } } } } } }`],
  ])('answers %s as whole descriptions do', async (query) => {
    const { fromPlan, fromWhole } = await bothWays(query);
    expect(fromPlan).toEqual(fromWhole);
  });

  test('reads only the predicates an operation selects', async () => {
    await execute(planned, `{ sdgTarget(code: "5.2") { code } }`);
    expect(store.count).toBe(1);
    expect(store.queries[0]).toContain(`<${NS.skos}notation>`);
    expect(store.queries[0]).not.toContain(`<${NS.skos}prefLabel>`);
  });

  test('counts a filtered top-level list in the query of its first page, and loads its members alongside', async () => {
    const response = await execute(planned, `{ paragraphs(filter: { cites: "A/RES/64/293" }) { totalCount nodes { number } } }`);
    expect(response.body.data.paragraphs.totalCount).toBe(3);
    expect(response.body.data.paragraphs.nodes).toEqual([{ number: '5' }, { number: '2' }, { number: '13' }]);
    expect(store.rounds).toBe(1);
    expect(store.queries.filter((query) => /COUNT\(DISTINCT \?p\)/.test(query) && /LIMIT 21/.test(query))).toHaveLength(1);
  });

  test('loads a page whose members the filter cannot pin in a second round trip', async () => {
    const response = await execute(planned, `{ paragraphs(filter: { kind: OPERATIVE }, first: 2) { nodes { number } } }`);
    expect(response.body.data.paragraphs.nodes).toEqual([{ number: '1' }, { number: '2' }]);
    expect(store.rounds).toBe(2);
  });

  test('lists the preambular and operative paragraphs when a kind variable turns out null, and the kind asked for otherwise', async () => {
    const query = `query($kind: ParagraphKind) { resolution(symbol: "E/RES/2017/18") { paragraphs(kind: $kind, first: 100) { totalCount nodes { kind } } } }`;
    const all = await execute(planned, query, { kind: null });
    const subs = await execute(planned, query, { kind: 'SUB_PARAGRAPH' });
    expect(all.body.data.resolution.paragraphs.totalCount).toBe(32);
    expect(new Set(all.body.data.resolution.paragraphs.nodes.map((p: { kind: string }) => p.kind))).toEqual(new Set(['PREAMBULAR', 'OPERATIVE']));
    expect(subs.body.data.resolution.paragraphs.nodes).toEqual(Array(6).fill({ kind: 'SUB_PARAGRAPH' }));
  });

  test('loads whole, on first read, what a description was not loaded with', async () => {
    const context: GraphqlContext = { store, loaders: createLoaders(store), iris: createIriScheme(DEFAULT_BASE), languages: [] };
    context.plan = planOperation(schema, resolvers, parse(`{ sdgTarget(code: "5.2") { code } }`));
    const target = await context.loaders
      .level(context.plan.at({ prev: undefined, key: 'sdgTarget', typename: 'Query' })!)
      .load('http://metadata.un.org/sdg/5.2');
    expect(target.covers([`${NS.skos}prefLabel`])).toBe(false);
    store.reset();
    const described = await describeNode(context, target, [`${NS.skos}prefLabel`]);
    expect(described).toBe(target);
    expect(described.isWhole).toBe(true);
    expect(described.literals(`${NS.skos}prefLabel`).map((l) => l['xml:lang'])).toEqual(['en', 'fr']);
    expect(store.queries).toEqual([expect.stringMatching(WHOLE_DESCRIPTION)]);
  });
});

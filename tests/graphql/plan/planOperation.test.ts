import { isObjectType, parse } from 'graphql';
import { addPath, type Path } from 'graphql/jsutils/Path';
import { persistedOperationNamed } from '../../../src/graphql';
import { needsOf, planOperation, type PlanNode } from '../../../src/graphql/plan';
import { OperationPlans } from '../../../src/graphql/plan/operationPlans';
import { resolvers } from '../../../src/graphql/resolvers';
import { buildSchema } from '../../../src/graphql/schema/buildSchema';
import { NS } from '../../../src/vocab';

/** An operation is planned before it runs: for each field that returns resources, what the
 *  operation reads on them and how it goes on from them. */

const schema = buildSchema();
const plan = (operation: string) => planOperation(schema, resolvers, parse(operation));
const pathOf = (...keys: string[]): Path => keys.reduce<Path | undefined>((prev, key) => addPath(prev, key, undefined), undefined)!;
const { rdf, eli, unkg, skos, schema: sdo, cito, dcterms, sdgo } = NS;

const linkedBy = (node: PlanNode, predicate: string): PlanNode => {
  const edge = [...node.links.values()].find((link) => link.predicates.includes(predicate));
  if (!edge) throw new Error(`no link by ${predicate}`);
  return edge.node;
};

describe('planOperation', () => {
  const resolution = plan(persistedOperationNamed('ResolutionWithParagraphs')!.document);
  const root = resolution.at(pathOf('resolution'))!;
  const paragraphs = resolution.at(pathOf('resolution', 'paragraphs'), 'documentTopLevelParagraphs')!;

  test('reads on a resolution what its fields read, and the link to its organ', () => {
    expect([...root.reads]).toEqual(expect.arrayContaining([`${rdf}type`, `${eli}id_local`, `${dcterms}title`, `${eli}date_document`, `${eli}passed_by`]));
    expect([...linkedBy(root, `${eli}passed_by`).reads]).toEqual([`${skos}prefLabel`]);
  });

  test('takes the order of the paragraph list with the resolution and plans its members apart', () => {
    expect([...root.lists.keys()]).toEqual(['documentTopLevelParagraphs']);
    expect(root.lists.get('documentTopLevelParagraphs')!.node).toBe(paragraphs);
    expect(resolution.at(pathOf('resolution', 'paragraphs', 'nodes', 'citations'))).toBe(paragraphs.references.get(`${unkg}Citation`));
  });

  test('reads on the paragraphs only what the operation selects, and what the resolvers order by', () => {
    expect([...paragraphs.reads].sort()).toEqual([`${rdf}type`, `${eli}number`, `${sdo}text`, `${unkg}clauseAct`, `${unkg}clauseVerb`].sort());
    expect([...linkedBy(paragraphs, `${unkg}clauseVerb`).reads].sort()).toEqual([`${skos}notation`, `${skos}prefLabel`].sort());
    // The clause acts are read to put the verbs in the order of the text.
    expect([...linkedBy(paragraphs, `${unkg}clauseAct`).reads].sort()).toEqual([`${unkg}startOffset`, `${unkg}verb`].sort());
    const citations = paragraphs.references.get(`${unkg}Citation`)!;
    expect([...citations.reads]).toEqual(
      expect.arrayContaining([`${unkg}markerOffset`, `${unkg}startOffset`, `${unkg}matchedText`, `${cito}hasCitedEntity`, `${unkg}viaFootnote`]),
    );
    expect([...citations.reads]).not.toContain(`${unkg}extractor`);
  });

  test('reads the types of resources of an abstract type, with what every possible type reads', () => {
    const target = resolution.at(pathOf('resolution', 'paragraphs', 'nodes', 'citations', 'target'))!;
    expect([...target.reads]).toEqual(expect.arrayContaining([`${rdf}type`, `${eli}id_local`, `${skos}prefLabel`, `${skos}notation`]));
  });

  test('climbs two steps up eli:is_part_of to a paragraph’s document', () => {
    const citing = plan(persistedOperationNamed('SdgTargetWithCitingParagraphs')!.document);
    const members = citing.at(pathOf('sdgTarget', 'citingParagraphs'), 'citing')!;
    const [edge] = [...members.links.values()];
    expect(edge).toMatchObject({ predicates: [`${eli}is_part_of`], hops: 2 });
    expect([...edge.node.reads]).toEqual(expect.arrayContaining([`${rdf}type`, `${eli}is_part_of`, `${eli}id_local`, `${dcterms}title`]));
    expect([...citing.at(pathOf('sdgTarget'))!.reads]).toEqual(expect.arrayContaining([`${sdgo}isTargetOf`, `${skos}broader`]));
  });

  test('plans the list of all a document’s paragraphs when the operation passes a kind, even as a variable', () => {
    const keys = (operation: string) => plan(operation).keys.filter((key) => key.startsWith('r.p|'));
    expect(keys(`{ r: resolution(symbol: "x") { p: paragraphs { nodes { id } } } }`)).toEqual(['r.p|documentTopLevelParagraphs']);
    expect(keys(`query($k: ParagraphKind) { r: resolution(symbol: "x") { p: paragraphs(kind: $k) { nodes { id } } } }`)).toEqual(['r.p|documentParagraphs']);
  });

  test('follows fragments and aliases', () => {
    const planned = plan(`{ r: resolution(symbol: "x") { ...doc } } fragment doc on Document { o: organ { ... on Organisation { label } } }`);
    expect([...planned.at(pathOf('r'))!.reads]).toContain(`${eli}passed_by`);
    expect([...planned.at(pathOf('r', 'o'))!.reads]).toEqual([`${skos}prefLabel`]);
  });

  test('says which connection fields a top-level page selects', () => {
    const planned = plan(persistedOperationNamed('ParagraphsCiting')!.document);
    expect([...planned.at(pathOf('paragraphs'), 'page')!.connectionFields].sort()).toEqual(['edges', 'pageInfo', 'totalCount']);
  });

  test('is made once per parsed document', () => {
    const document = parse(`{ sdgTarget(code: "5.2") { code } }`);
    expect(planOperation(schema, resolvers, document)).toBe(planOperation(schema, resolvers, document));
  });

  test('knows what every field of every resource type reads', () => {
    const undeclared = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node'))
      .flatMap((type) => Object.keys((type as { getFields(): object }).getFields()).map((field) => `${type.name}.${field}`))
      .filter((coordinate) => {
        const [type, field] = coordinate.split('.');
        return !needsOf((resolvers as Record<string, Record<string, unknown>>)[type]?.[field]);
      });
    expect(undeclared).toEqual([]);
  });
});

describe('OperationPlans', () => {
  const KIND = `query($kind: ParagraphKind) { resolution(symbol: "E/RES/2017/18") { paragraphs(kind: $kind) { nodes { id } } } }`;
  const listsOf = (prepared: { plan: { at(path: Path): PlanNode | undefined } }) => [...prepared.plan.at(pathOf('resolution'))!.lists.keys()];

  test('prepares an operation once per query text, whatever document the parser hands over', () => {
    const plans = new OperationPlans(schema, resolvers);
    const text = persistedOperationNamed('ParagraphsCiting')!.document;
    const first = plans.prepare(parse(text), text, 'ParagraphsCiting', { cites: 'A/RES/64/293' });
    expect(plans.prepare(parse(text), text, 'ParagraphsCiting', { cites: 'A/RES/71/1' })).toBe(first);
    expect(first.paths).toEqual(expect.arrayContaining(['eli:is_part_of']));
  });

  test('plans an argument given a null variable as not given', () => {
    const plans = new OperationPlans(schema, resolvers);
    expect(listsOf(plans.prepare(parse(KIND), KIND, undefined, { kind: null }))).toEqual(['documentTopLevelParagraphs']);
    expect(listsOf(plans.prepare(parse(KIND), KIND, undefined, {}))).toEqual(['documentTopLevelParagraphs']);
    expect(listsOf(plans.prepare(parse(KIND), KIND, undefined, { kind: 'OPERATIVE' }))).toEqual(['documentParagraphs']);
    expect(plans.size).toBe(2);
  });

  test('keeps a bounded number of operations, the least recently used going first', () => {
    const plans = new OperationPlans(schema, resolvers, 2);
    const texts = ['{ sdgGoals { code } }', '{ sdgTargets { code } }', '{ treaties { totalCount } }'];
    const [a] = texts.map((text) => plans.prepare(parse(text), text, undefined, {}));
    expect(plans.size).toBe(2);
    expect(plans.prepare(parse(texts[0]), texts[0], undefined, {})).not.toBe(a);
  });
});

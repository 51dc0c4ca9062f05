import type { GraphStore } from '../../src/graph';
import type { GraphqlServer } from '../../src/graphql';
import { DEFAULT_BASE, NS } from '../../src/vocab';
import { DOC, execute, GPA_RESOLUTION, graphqlServer, seedStore, UNODC } from './seedStore';

/** The same questions asked in GraphQL and in hand-written SPARQL over the same store get the
 *  same answers. Each answer is a sorted list of strings; `expected` pins what the seed says. */

const PREFIXES = Object.entries(NS)
  .map(([prefix, ns]) => `PREFIX ${prefix}: <${ns}>`)
  .join('\n');
const PARAGRAPH_CLASSES = '(unkg:PreambularParagraph, unkg:OperativeParagraph, unkg:SubParagraph)';
const ORGANISATION_CLASSES = '(org:Organization, org:FormalOrganization, unkg:MemberStates)';

interface Case {
  question: string;
  graphql: string;
  answer: (data: any) => string[];
  sparql: string;
  row: (row: Record<string, { value: string }>) => string;
  /** The answer, or its length when it is too long to spell out. */
  expected: string[] | number;
}

const CASES: Case[] = [
  {
    question: 'the paragraphs citing A/RES/64/293',
    graphql: `{ paragraphs(filter: { cites: "A/RES/64/293" }, first: 100) { nodes { id } } }`,
    answer: (data) => data.paragraphs.nodes.map((p: any) => p.id),
    sparql: `SELECT DISTINCT ?p WHERE { ?p eli:cites <${GPA_RESOLUTION}> ; a ?kind . FILTER(?kind IN ${PARAGRAPH_CLASSES}) }`,
    row: (row) => row.p.value,
    expected: [`${DOC}/op/13`, `${DOC}/op/2`, `${DOC}/pp/5`],
  },
  {
    question: 'the paragraphs of other documents citing A/RES/64/293, from the cited resolution',
    graphql: `{ resolution(symbol: "A/RES/64/293") { citedBy(first: 100) { nodes { id } } } }`,
    answer: (data) => data.resolution.citedBy.nodes.map((p: any) => p.id),
    sparql: `SELECT DISTINCT ?p WHERE { ?p eli:cites <${GPA_RESOLUTION}> ; a ?kind ; eli:is_part_of+ ?doc . ?doc a eli:LegalResource . FILTER(?kind IN ${PARAGRAPH_CLASSES} && ?doc != <${GPA_RESOLUTION}>) }`,
    row: (row) => row.p.value,
    expected: [`${DOC}/op/13`, `${DOC}/op/2`, `${DOC}/pp/5`],
  },
  {
    question: 'the SDG targets of the resolution and the paragraphs through which',
    graphql: `{ resolution(symbol: "E/RES/2017/18") { sdgTargets { target { code } paragraphs { id } } } }`,
    answer: (data) => data.resolution.sdgTargets.flatMap((t: any) => t.paragraphs.map((p: any) => `${t.target.code} ${p.id}`)),
    sparql: `SELECT DISTINCT ?code ?p WHERE {
      <${DOC}> eli:has_part+ ?p . ?p eli:cites ?target ; a ?kind . ?target a sdgo:Target ; skos:notation ?code .
      FILTER(?kind IN ${PARAGRAPH_CLASSES} && DATATYPE(?code) = sdgo:SDGCodeCompact) }`,
    row: (row) => `${row.code.value} ${row.p.value}`,
    expected: [`16.2 ${DOC}/pp/16`, `5.2 ${DOC}/pp/16`, `8.7 ${DOC}/pp/16`],
  },
  {
    question: 'the operative paragraphs addressed to UNODC, with the verbs of the acts addressed to it',
    graphql: `{ paragraphs(filter: { kind: OPERATIVE, addressee: "${UNODC}" }, first: 100) {
      nodes { id clauseActs { verb { id } addressee { ... on Node { id } } } } } }`,
    answer: (data) =>
      data.paragraphs.nodes.flatMap((p: any) => p.clauseActs.filter((a: any) => a.addressee?.id === UNODC).map((a: any) => `${p.id} ${a.verb.id}`)),
    sparql: `SELECT DISTINCT ?p ?verb WHERE { ?p a unkg:OperativeParagraph ; unkg:clauseAct ?act . ?act unkg:addressee <${UNODC}> ; unkg:verb ?verb }`,
    row: (row) => `${row.p.value} ${row.verb.value}`,
    expected: [`${DOC}/op/10 ${NS.clause}requests`, `${DOC}/op/5 ${NS.clause}requests`, `${DOC}/op/6 ${NS.clause}requests`, `${DOC}/op/7 ${NS.clause}invites`],
  },
  {
    question: 'the footnotes of pp/6/a and what they cite',
    graphql: `{ node(id: "${DOC}/pp/6/a") { ... on Paragraph { footnotes { id cites { ... on Node { id } } } } } }`,
    answer: (data) => data.node.footnotes.flatMap((f: any) => f.cites.map((c: any) => `${f.id} ${c.id}`)),
    sparql: `SELECT DISTINCT ?fn ?cited WHERE { <${DOC}/pp/6/a> unkg:hasFootnote ?fn . ?fn eli:cites ?cited }`,
    row: (row) => `${row.fn.value} ${row.cited.value}`,
    expected: [`${DOC}/fn/1 ${DEFAULT_BASE}treaty/unts/2225/39574`, `${DOC}/fn/2 ${DEFAULT_BASE}treaty/unts/2237/39574`],
  },
  {
    question: 'the organisations op/2 mentions',
    graphql: `{ node(id: "${DOC}/op/2") { ... on Paragraph { mentions { __typename ... on Organisation { id } } } } }`,
    answer: (data) => data.node.mentions.filter((m: any) => m.__typename === 'Organisation').map((m: any) => m.id),
    sparql: `SELECT DISTINCT ?org WHERE { <${DOC}/op/2> schema:mentions ?org . ?org a ?class . FILTER(?class IN ${ORGANISATION_CLASSES}) }`,
    row: (row) => row.org.value,
    expected: ['https://w3id.org/unkg/org/member-states', 'https://w3id.org/unkg/org/untoc-cop'],
  },
  {
    question: 'the treaty citations of op/1 with their matched text',
    graphql: `{ node(id: "${DOC}/op/1") { ... on Paragraph { citations { matchedText target { __typename ... on Treaty { id } } } } } }`,
    answer: (data) => data.node.citations.filter((c: any) => c.target.__typename === 'Treaty').map((c: any) => `${c.target.id} ${c.matchedText}`),
    sparql: `SELECT DISTINCT ?treaty ?text WHERE {
      ?ref cito:hasCitingEntity <${DOC}/op/1> ; a unkg:Citation ; cito:hasCitedEntity ?treaty ; unkg:matchedText ?text . ?treaty a unkg:Treaty }`,
    row: (row) => `${row.treaty.value} ${row.text.value}`,
    expected: [
      'https://w3id.org/unkg/treaty/unts/2225/39574 Convention des Nations Unies contre la criminalité transnationale organisée',
      'https://w3id.org/unkg/treaty/unts/2225/39574 Recueil des Traités, vol. 2225, n° 39574',
      'https://w3id.org/unkg/treaty/unts/2237/39574 Ibid., vol. 2237, n° 39574',
      'https://w3id.org/unkg/treaty/unts/2237/39574 Protocole additionnel à la Convention des Nations Unies contre la criminalité transnationale organisée visant à prévenir, réprimer et punir la traite des personnes, en particulier des femmes et des enfants',
    ],
  },
  {
    question: 'the sub-paragraphs of pp/6 with their paragraph and document',
    graphql: `{ node(id: "${DOC}/pp/6") { ... on Paragraph { subParagraphs { id number parent { id } document { id } } } } }`,
    answer: (data) => data.node.subParagraphs.map((p: any) => `${p.id} ${p.number} ${p.parent.id} ${p.document.id}`),
    sparql: `SELECT ?p ?n ?parent ?doc WHERE { BIND(<${DOC}/pp/6> AS ?parent) ?p eli:is_part_of ?parent ; a unkg:SubParagraph ; eli:number ?n . ?parent eli:is_part_of ?doc }`,
    row: (row) => `${row.p.value} ${row.n.value} ${row.parent.value} ${row.doc.value}`,
    expected: 6,
  },
  {
    question: 'the paragraphs carrying the marker of footnote 1',
    graphql: `{ node(id: "${DOC}/fn/1") { ... on Footnote { number markedIn { id } } } }`,
    answer: (data) => data.node.markedIn.map((p: any) => p.id),
    sparql: `SELECT DISTINCT ?p WHERE { ?p unkg:hasFootnote <${DOC}/fn/1> }`,
    row: (row) => row.p.value,
    expected: [`${DOC}/op/1`, `${DOC}/pp/6/a`],
  },
  {
    question: 'the resolutions citing A/RES/64/293',
    graphql: `{ resolutions(filter: { cites: "A/RES/64/293" }) { totalCount nodes { symbol } } }`,
    answer: (data) => data.resolutions.nodes.map((r: any) => r.symbol),
    sparql: `SELECT DISTINCT ?symbol WHERE { ?r a unkg:Resolution ; eli:id_local ?symbol ; eli:has_part* ?part . ?part eli:cites <${GPA_RESOLUTION}> }`,
    row: (row) => row.symbol.value,
    expected: ['E/RES/2017/18'],
  },
  {
    question: 'the treaties with their UNTS volume and number, and what they supplement',
    graphql: `{ treaties { nodes { id untsVolume untsNumber supplements { id } supplementedBy { id } } } }`,
    // One row per treaty and treaty supplementing it, as SPARQL gives them.
    answer: (data) =>
      data.treaties.nodes.flatMap((t: any) =>
        (t.supplementedBy.length ? t.supplementedBy.map((s: any) => s.id) : ['-']).map(
          (by: string) => `${t.id} ${t.untsVolume}/${t.untsNumber} ${t.supplements?.id ?? '-'} ${by}`,
        ),
      ),
    sparql: `SELECT DISTINCT ?t ?v ?n ?sup ?by WHERE { ?t a unkg:Treaty ; unkg:untsVolume ?v ; unkg:untsNumber ?n .
      OPTIONAL { ?t unkg:supplements ?s } OPTIONAL { ?b unkg:supplements ?t }
      BIND(COALESCE(STR(?s), "-") AS ?sup) BIND(COALESCE(STR(?b), "-") AS ?by) }`,
    row: (row) => `${row.t.value} ${row.v.value}/${row.n.value} ${row.sup.value} ${row.by.value}`,
    expected: [
      `${DEFAULT_BASE}treaty/unts/2225/39574 2225/39574 - ${DEFAULT_BASE}treaty/unts/2237/39574`,
      `${DEFAULT_BASE}treaty/unts/2225/39574 2225/39574 - ${DEFAULT_BASE}treaty/unts/2241/39574`,
      `${DEFAULT_BASE}treaty/unts/2225/39574 2225/39574 - ${DEFAULT_BASE}treaty/unts/2326/39574`,
      `${DEFAULT_BASE}treaty/unts/2237/39574 2237/39574 ${DEFAULT_BASE}treaty/unts/2225/39574 -`,
      `${DEFAULT_BASE}treaty/unts/2241/39574 2241/39574 ${DEFAULT_BASE}treaty/unts/2225/39574 -`,
      `${DEFAULT_BASE}treaty/unts/2326/39574 2326/39574 ${DEFAULT_BASE}treaty/unts/2225/39574 -`,
    ],
  },
  {
    question: 'the organisations and the ones they are part of',
    graphql: `{ organisations(first: 100) { totalCount nodes { id parent { id } } } }`,
    answer: (data) => data.organisations.nodes.map((o: any) => `${o.id} ${o.parent?.id ?? '-'}`),
    sparql: `SELECT DISTINCT ?org ?parent WHERE { ?org a ?class . FILTER(?class IN ${ORGANISATION_CLASSES})
      OPTIONAL { ?org org:subOrganizationOf ?p } BIND(COALESCE(STR(?p), "-") AS ?parent) }`,
    row: (row) => `${row.org.value} ${row.parent.value}`,
    expected: 34,
  },
  {
    question: 'the operative clause verbs of the scheme',
    graphql: `{ clauseVerbs(kind: OPERATIVE) { slug kind } }`,
    answer: (data) => data.clauseVerbs.map((v: any) => `${v.slug} ${v.kind}`),
    sparql: `SELECT DISTINCT ?slug WHERE { ?v a unkg:OperativeVerb ; skos:notation ?slug }`,
    row: (row) => `${row.slug.value} OPERATIVE`,
    expected: 36,
  },
  {
    question: 'the resources whose English name or text contains "global plan of action"',
    graphql: `{ search(text: "Global Plan of Action", lang: ["en"], first: 100) { totalCount edges { node { id } matched { language } } } }`,
    answer: (data) => data.search.edges.map((e: any) => `${e.node.id} ${e.matched.language}`),
    sparql: `SELECT DISTINCT ?s WHERE { VALUES ?p { skos:prefLabel skos:altLabel dcterms:title schema:text }
      ?s ?p ?text . FILTER(LANGMATCHES(LANG(?text), "en") && CONTAINS(LCASE(?text), "global plan of action")) }`,
    row: (row) => `${row.s.value} en`,
    expected: [
      `${DEFAULT_BASE}eli/un/A/RES/64/293 en`,
      `${DEFAULT_BASE}eli/un/A/RES/71/287 en`,
      `${DEFAULT_BASE}event/ga-hlm-gpa-2013 en`,
      `${DEFAULT_BASE}event/ga-hlm-gpa-2017 en`,
      `${DEFAULT_BASE}plan/global-plan-of-action-tip en`,
    ],
  },
  {
    question: 'the clause verbs of every paragraph of the resolution',
    graphql: `{ resolution(symbol: "E/RES/2017/18") { paragraphs(first: 100) { nodes { id clauseVerbs { slug } } } } }`,
    answer: (data) => data.resolution.paragraphs.nodes.flatMap((p: any) => p.clauseVerbs.map((v: any) => `${p.id} ${v.slug}`)),
    sparql: `SELECT DISTINCT ?p ?slug WHERE { <${DOC}> eli:has_part ?p . ?p unkg:clauseVerb ?verb . ?verb skos:notation ?slug }`,
    row: (row) => `${row.p.value} ${row.slug.value}`,
    // 40 clause acts; op/1 has Urges twice ("Exhorte ... et prie instamment"), counted once.
    expected: 39,
  },
];

describe('GraphQL answers on the seed', () => {
  let store: GraphStore;
  let server: GraphqlServer;

  beforeAll(async () => {
    store = await seedStore();
    server = graphqlServer(store);
  });
  afterAll(() => store.close());

  test.each(CASES)('equal the SPARQL answers for $question', async ({ graphql, answer, sparql, row, expected }) => {
    const response = await execute(server, graphql);
    expect(response.body.errors).toBeUndefined();
    const fromGraphql = answer(response.body.data).sort();
    const fromSparql = (await store.select(`${PREFIXES}\n${sparql}`)).results.bindings.map(row).sort();
    expect(fromGraphql).toEqual(fromSparql);
    if (typeof expected === 'number') expect(fromSparql).toHaveLength(expected);
    else expect(fromSparql).toEqual(expected);
  });

  test.each([
    [`${DEFAULT_BASE}treaty/unts/2237/39574`, 'Treaty'],
    [GPA_RESOLUTION, 'Resolution'],
    [`${DEFAULT_BASE}eli/un/A/71/119`, 'OtherDocument'],
    [`${DOC}/op/1/act/2`, 'ClauseAct'],
    [`${DOC}/op/1/ref/4`, 'Citation'],
    [`${DOC}/op/1/ref/1`, 'Mention'],
    [UNODC, 'Organisation'],
    [`${DEFAULT_BASE}event/world-day-against-tip`, 'Event'],
    [`${DEFAULT_BASE}pub/unodc-glotip-2016`, 'Publication'],
    [`${DEFAULT_BASE}plan/2030-agenda`, 'Plan'],
    ['http://metadata.un.org/sdg/16', 'SdgGoal'],
    [`${NS.clause}urges`, 'ClauseVerb'],
    [`${NS.unkg}Resolution`, 'Resource'],
  ])('give %s the type %s', async (id, typename) => {
    const response = await execute(server, `query($id: ID!) { node(id: $id) { __typename id } }`, { id });
    expect(response.body.data.node).toEqual({ __typename: typename, id });
  });

  test('give the evidence of a citation made through a footnote', async () => {
    const response = await execute(
      server,
      `{ node(id: "${DOC}/op/1/ref/4") { ... on Citation { citing { id } matchedText startOffset endOffset viaFootnote { number } characterization extractor target { ... on Treaty { untsVolume } } } } }`,
    );
    const evidence = (
      await store.select(`${PREFIXES}\nSELECT ?text ?start ?end ?number ?how ?extractor WHERE { <${DOC}/op/1/ref/4> unkg:matchedText ?text ; unkg:startOffset ?start ; unkg:endOffset ?end ;
        unkg:viaFootnote/eli:number ?number ; cito:hasCitationCharacterization ?how ; unkg:extractor ?extractor }`)
    ).results.bindings[0];
    expect(response.body.data.node).toEqual({
      citing: { id: `${DOC}/op/1` },
      matchedText: evidence.text.value,
      startOffset: Number(evidence.start.value),
      endOffset: Number(evidence.end.value),
      viaFootnote: { number: evidence.number.value },
      characterization: evidence.how.value,
      extractor: evidence.extractor.value,
      target: { untsVolume: 2225 },
    });
  });

  test('point each search hit at the text that matched, names before paragraph texts', async () => {
    const text = 'Office des Nations Unies contre la drogue';
    const response = await execute(
      server,
      `{ search(text: "${text}", first: 100) { totalCount edges { node { __typename } matched { value language } offset } } }`,
    );
    const { totalCount, edges } = response.body.data.search;
    expect(totalCount).toBe(edges.length);
    expect(edges[0].node.__typename).toBe('Organisation');
    expect(edges.slice(1).some((e: { node: { __typename: string } }) => e.node.__typename === 'Paragraph')).toBe(true);
    for (const { matched, offset } of edges) {
      expect(matched.language).toBe('fr');
      expect(matched.value.slice(offset, offset + text.length).toLowerCase()).toBe(text.toLowerCase());
    }
  });

  test('list the paragraphs citing A/RES/64/293 in reading order: preamble, then operative part', async () => {
    const response = await execute(server, `{ paragraphs(filter: { cites: "A/RES/64/293" }) { totalCount nodes { id } } }`);
    expect(response.body.data.paragraphs).toEqual({ totalCount: 3, nodes: ['pp/5', 'op/2', 'op/13'].map((p) => ({ id: `${DOC}/${p}` })) });
  });
});

import type { GraphStore } from '../../src/graph';
import type { GraphqlServer } from '../../src/graphql';
import { acceptLanguages } from '../../src/graphql/languages/acceptLanguages';
import { pickLiteral } from '../../src/graphql/languages/pickLiteral';
import { DOC, execute, graphqlServer, seedStore, UNODC } from './seedStore';

describe('acceptLanguages', () => {
  test('orders the ranges of an Accept-Language header by quality, then by position', () => {
    expect(acceptLanguages('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5')).toEqual(['fr-ch', 'fr', 'en', 'de']);
    expect(acceptLanguages('en;q=0.5, es')).toEqual(['es', 'en']);
  });

  test('drops the wildcard, ranges refused with q=0 and malformed ranges', () => {
    expect(acceptLanguages('*, en;q=0, fr, not a tag')).toEqual(['fr']);
    expect(acceptLanguages(undefined)).toEqual([]);
  });
});

describe('pickLiteral', () => {
  const fr = { type: 'literal' as const, value: 'Exhorte', 'xml:lang': 'fr' };
  const en = { type: 'literal' as const, value: 'Urges', 'xml:lang': 'en-GB' };
  const plain = { type: 'literal' as const, value: 'urges' };

  test('takes the first preferred language that has a version', () => {
    expect(pickLiteral([fr, en, plain], ['de', 'fr', 'en'])).toBe(fr);
  });

  test('matches a narrower tag to a range and a range to a broader tag', () => {
    expect(pickLiteral([fr, en], ['en'])).toBe(en);
    expect(pickLiteral([fr, en], ['fr-CA'])).toBe(fr);
  });

  test('falls back to the untagged version, then to any version', () => {
    expect(pickLiteral([fr, en, plain], ['es'])).toBe(plain);
    expect(pickLiteral([fr, en], ['es'])).toBe(en);
    expect(pickLiteral([], ['es'])).toBeUndefined();
  });
});

describe('text fields on the seed', () => {
  let store: GraphStore;
  let server: GraphqlServer;
  const frenchText = async (iri: string): Promise<string> =>
    (await store.select(`SELECT ?t WHERE { <${iri}> <http://schema.org/text> ?t FILTER(LANG(?t) = "fr") }`)).results.bindings[0].t.value;
  const label = async (iri: string, lang: string): Promise<string> =>
    (await store.select(`SELECT DISTINCT ?l WHERE { <${iri}> <http://www.w3.org/2004/02/skos/core#prefLabel> ?l FILTER(LANG(?l) = "${lang}") }`)).results
      .bindings[0].l.value;

  beforeAll(async () => {
    store = await seedStore();
    server = graphqlServer(store);
  });
  afterAll(() => store.close());

  test('fall back to the French text when English is asked for and only French exists', async () => {
    const response = await execute(server, `{ node(id: "${DOC}/op/1") { ... on Paragraph { text(lang: ["en"]) texts { value language } } } }`);
    const french = await frenchText(`${DOC}/op/1`);
    expect(french).toMatch(/^Exhorte les États Membres/);
    expect(response.body.data.node).toEqual({ text: french, texts: [{ value: french, language: 'fr' }] });
  });

  test('give the official wording of an SDG target in English and in French', async () => {
    const response = await execute(server, `{ sdgTarget(code: "5.2") { en: label(lang: ["en"]) fr: label(lang: ["fr", "en"]) labels { language } } }`);
    expect(response.body.data.sdgTarget).toEqual({
      en: await label('http://metadata.un.org/sdg/5.2', 'en'),
      fr: await label('http://metadata.un.org/sdg/5.2', 'fr'),
      labels: [{ language: 'en' }, { language: 'fr' }],
    });
    expect(response.body.data.sdgTarget.fr).toMatch(/^Éliminer de la vie publique/);
  });

  test('take their default preference from Accept-Language, and an explicit lang over it', async () => {
    const query = `{ organisation(slug: "unodc") { label fr: label(lang: ["fr"]) altLabels { value language } } }`;
    const english = await execute(server, query, {}, { 'accept-language': 'en-GB,en;q=0.9' });
    const french = await execute(server, query, {}, { 'accept-language': 'fr' });
    expect(english.body.data.organisation.label).toBe(await label(UNODC, 'en'));
    expect(french.body.data.organisation.label).toBe(await label(UNODC, 'fr'));
    expect(english.body.data.organisation.fr).toBe(await label(UNODC, 'fr'));
    expect(new Set(english.body.data.organisation.altLabels.map((l: { language: string }) => l.language))).toEqual(new Set(['en']));
    expect(new Set(french.body.data.organisation.altLabels.map((l: { language: string }) => l.language))).toEqual(new Set(['fr']));
  });
});

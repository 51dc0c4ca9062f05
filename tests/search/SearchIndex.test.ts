/** The search index over a real store: ranking, folding, symbols, and staying current. */
import { createStore, type OxigraphStore } from '../../src/graph';
import { SearchIndex } from '../../src/search';
import { DEFAULT_BASE, NS } from '../../src/vocab';

const DOC = `${DEFAULT_BASE}eli/un/E/RES/2099/1`;
const CITED = `${DEFAULT_BASE}eli/un/A/RES/64/293`;
const TURTLE = `
@prefix eli: <${NS.eli}> . @prefix schema: <${NS.schema}> . @prefix unkg: <${NS.unkg}> . @prefix cito: <${NS.cito}> .
<${DOC}> a unkg:Resolution, eli:LegalResource ; eli:id_local "E/RES/2099/1" .
<${CITED}> a unkg:Resolution, eli:LegalResource ; eli:id_local "A/RES/64/293" .
<${DOC}/op/1> a unkg:OperativeParagraph ; eli:is_part_of <${DOC}> ; schema:text "Invite les États Membres à appliquer le Plan."@fr .
<${DOC}/op/2> a unkg:OperativeParagraph ; eli:is_part_of <${DOC}> ; schema:text "Rappelle sa résolution 64/293."@fr ; eli:cites <${CITED}> .
<${DOC}/op/3> a unkg:OperativeParagraph ; eli:is_part_of <${DOC}> ; schema:text "Prie le Secrétaire général de faire rapport."@fr ; unkg:hasFootnote <${DOC}/fn/1> .
<${DOC}/fn/1> a unkg:Footnote ; eli:is_part_of <${DOC}> ; schema:text "Voir le document."@fr ; eli:cites <${CITED}> .
<${DOC}/op/2/ref/1> a unkg:Citation ; cito:hasCitingEntity <${DOC}/op/2> ; cito:hasCitedEntity <${CITED}> .
`;

describe('the search index', () => {
  let store: OxigraphStore;
  let index: SearchIndex;
  beforeAll(async () => {
    store = await createStore({ sources: [], workers: 1 });
    await store.load(TURTLE, 'text/turtle', `${DEFAULT_BASE}graph/test`);
    index = new SearchIndex(store, DEFAULT_BASE);
    await index.start(0);
  });
  afterAll(() => store.close());
  const found = async (text: string) => (await index.search(text, { limit: 20, languages: ['en', 'fr'] })).map((h) => h.iri);

  it('finds accented words from unaccented, lower-case queries, the match placed in the text', async () => {
    const [hit] = await index.search('etats membres', { limit: 5, languages: ['fr'] });
    expect(hit).toMatchObject({ iri: `${DOC}/op/1`, kind: 'operative', field: 'text', offset: 11 });
    expect(hit.matched.value.slice(hit.offset, hit.offset + 5)).toBe('États');
  });

  it('finds a resolution by its symbol first, then the paragraphs citing it, also through a footnote', async () => {
    for (const query of ['64/293', 'A/RES/64/293', 'résolution 64/293']) {
      const iris = await found(query);
      expect([query, iris[0]]).toEqual([query, CITED]);
      expect(iris).toEqual(expect.arrayContaining([`${DOC}/op/2`, `${DOC}/op/3`, `${DOC}/fn/1`]));
      expect(iris).not.toContain(`${DOC}/op/1`);
    }
  });

  it('matches the beginning of a word', async () => {
    expect(await found('secret')).toEqual([`${DOC}/op/3`]);
  });

  it('leaves evidence resources out', async () => {
    expect((await index.documents()).map((d) => d.iri)).not.toContain(`${DOC}/op/2/ref/1`);
  });

  it('is rebuilt when the store changes, and answers from the previous index meanwhile', async () => {
    const before = index.version;
    await store.load(
      `<${DOC}/op/4> a <${NS.unkg}OperativeParagraph> ; <${NS.schema}text> "Décide de rester saisi de la question zanzibar."@fr .`,
      'text/turtle',
      `${DEFAULT_BASE}graph/later`,
    );
    expect(store.version()).not.toBe(before);
    expect(await found('zanzibar')).toEqual([]);
    await index.rebuild();
    expect(index.version).toBe(store.version());
    expect(await found('zanzibar')).toEqual([`${DOC}/op/4`]);
  });
});

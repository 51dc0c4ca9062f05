import { SEED_REFERENCE } from '../seedData';
import type { Quad } from '@rdfjs/types';
import { DataFactory, Store } from 'n3';
import { join } from 'node:path';
import { AknReadError, aknIris, resolutionToAkn } from '../../src/akn';
import { readReference } from '../../src/commands';
import { NS } from '../../src/vocab';
import { EN_FIXTURE, FR_GA_FIXTURE, ingestFile, ROOT, SEED } from '../ingest/fixtures';
import { attr, elements, ownText, paragraphsOf, parseXml, xmllintErrors, type ReadParagraph } from './aknXml';

const reference = readReference(SEED_REFERENCE);
const OTHER_EN_FIXTURE = join(ROOT, 'tests/fixtures/ingest/E-RES-2016-25.en.md');

/** A resolution's graph as the store holds it: its own quads and the reference data. */
function graphOf(file: string): { iri: string; quads: Quad[] } {
  const { analysis, quads } = ingestFile(file);
  return { iri: analysis.iri, quads: [...quads, ...reference] };
}

const seed = graphOf(SEED);
const U = NS.unkg;

/** The graph's own account of the paragraphs: number and text, sub-paragraphs nested. */
function graphParagraphs(quads: Quad[], iri: string, language: string) {
  const store = new Store(quads as never);
  const parts = (parent: string, type: string) =>
    store
      .getObjects(parent, `${NS.eli}has_part`, null)
      .map((t) => t.value)
      .filter((p) => store.countQuads(p, `${NS.rdf}type`, `${U}${type}`, null) > 0)
      .sort((a, b) => Number(store.getObjects(a, `${U}position`, null)[0].value) - Number(store.getObjects(b, `${U}position`, null)[0].value));
  const read = (p: string): { number: string; text: string; subparagraphs: unknown[] } => ({
    number: store.getObjects(p, `${NS.eli}number`, null)[0].value,
    text: store.getObjects(p, `${NS.schema}text`, null).find((t) => (t as { language?: string }).language === language)!.value,
    subparagraphs: parts(p, 'SubParagraph').map(read),
  });
  return { preambular: parts(iri, 'PreambularParagraph').map(read), operative: parts(iri, 'OperativeParagraph').map(read), footnotes: parts(iri, 'Footnote') };
}

/** Paragraphs read back from the XML, without eIds and with sub-paragraph labels as numbers. */
function readBack(paragraphs: ReadParagraph[], kind: 'preambular' | 'operative'): unknown[] {
  const strip = (p: ReadParagraph, top: boolean): unknown => ({
    number: top ? (kind === 'operative' ? p.number.replace(/\.$/, '') : p.number) : p.number.replace(/[()]/g, ''),
    text: p.text,
    subparagraphs: p.subparagraphs.map((s) => strip(s, false)),
  });
  return paragraphs.map((p) => strip(p, true));
}

describe('a resolution as Akoma Ntoso', () => {
  const { xml } = resolutionToAkn(seed.quads, seed.iri);
  const doc = parseXml(xml);

  it('is well-formed for xmldom and for libxml2', () => {
    expect(doc.documentElement!.localName).toBe('akomaNtoso');
    expect(xmllintErrors(xml)).toBe('');
  });

  it('is a statement named resolution, the AKN4UN class of a resolution', () => {
    const statement = elements(doc, 'statement');
    expect(statement.map((s) => attr(s, 'name'))).toEqual(['resolution']);
  });

  it('names each preambular container after the clause verb that opens it', () => {
    expect(
      elements(doc, 'container')
        .map((c) => attr(c, 'name'))
        .slice(0, 6),
    ).toEqual(['condemning', 'recalling', 'considering', 'recalling', 'aware', 'reaffirming']);
  });

  it("holds the seed's 19 preambular and 13 operative paragraphs and its 5 footnotes", () => {
    const { preambular, operative } = paragraphsOf(doc);
    expect(preambular).toHaveLength(19);
    expect(operative).toHaveLength(13);
    expect(elements(doc, 'authorialNote').map((n) => attr(n, 'marker'))).toEqual(['1', '2', '3', '4', '5']);
  });

  it.each([
    ['the seed (French, ECOSOC)', SEED],
    ['a General Assembly resolution in French', FR_GA_FIXTURE],
    ['a General Assembly resolution in English with second-degree sub-paragraphs', EN_FIXTURE],
    ['an ECOSOC resolution in English', OTHER_EN_FIXTURE],
  ])("gives back the graph's paragraph numbers and texts when read again: %s", (_what, file) => {
    const { iri, quads } = graphOf(file);
    const akn = resolutionToAkn(quads, iri);
    const read = paragraphsOf(parseXml(akn.xml));
    const graph = graphParagraphs(quads, iri, akn.language);
    expect(readBack(read.preambular, 'preambular')).toEqual(graph.preambular);
    expect(readBack(read.operative, 'operative')).toEqual(graph.operative);
    expect(read.formula).toBe(new Store(quads as never).getObjects(iri, `${U}enactingFormula`, null)[0].value);
    expect(elements(parseXml(akn.xml), 'authorialNote')).toHaveLength(graph.footnotes.length);
    expect(xmllintErrors(akn.xml)).toBe('');
  });

  it('names elements as the naming convention does', () => {
    const eIds = Array.from(doc.getElementsByTagName('*'))
      .map((e) => attr(e, 'eId'))
      .filter(Boolean);
    expect(new Set(eIds).size).toBe(eIds.length);
    expect(eIds).toEqual(
      expect.arrayContaining([
        'preamble__formula_1',
        'preamble__para_1',
        'preamble__para_19',
        'preamble__para_6__list_1',
        'preamble__para_6__list_1__item_a',
        'para_1',
        'para_13',
      ]),
    );
    const en = parseXml(resolutionToAkn(graphOf(EN_FIXTURE).quads, graphOf(EN_FIXTURE).iri).xml);
    const points = elements(en, 'point').map((p) => attr(p, 'eId'));
    expect(points.find((e) => /__point_a__list_1__point_i$/.test(e))).toBeDefined();
    expect(elements(en, 'point').map((p) => ownText(p.getElementsByTagNameNS(p.namespaceURI!, 'num')[0]))).toContain('(a)');
  });

  it('identifies the work, expression and manifestation with AKN4UN IRIs', () => {
    const value = (frbr: string, element: string) => attr(elements(elements(doc, frbr)[0], element)[0], element === 'FRBRlanguage' ? 'language' : 'value');
    expect(value('FRBRWork', 'FRBRthis')).toBe('/akn/un/statement/deliberation/ecosoc/2017-07-06/2017-18/!main');
    expect(value('FRBRWork', 'FRBRuri')).toBe('/akn/un/statement/deliberation/ecosoc/2017-07-06/2017-18');
    expect(value('FRBRWork', 'FRBRcountry')).toBe('un');
    expect(value('FRBRExpression', 'FRBRuri')).toBe('/akn/un/statement/deliberation/ecosoc/2017-07-06/2017-18/fra@2017-07-06');
    expect(value('FRBRExpression', 'FRBRlanguage')).toBe('fra');
    expect(value('FRBRManifestation', 'FRBRthis')).toBe('/akn/un/statement/deliberation/ecosoc/2017-07-06/2017-18/fra@2017-07-06/!main.xml');
    expect(elements(doc, 'FRBRalias').map((a) => [attr(a, 'name'), attr(a, 'value')])).toEqual([
      ['UNSymbol', 'E/RES/2017/18'],
      ['linkedData', seed.iri],
    ]);
    expect(aknIris({ organ: 'https://w3id.org/unkg/org/unga', date: '2017-12-19', number: '72/195', symbol: 'A/RES/72/195', language: 'en' }).expression).toBe(
      '/akn/un/statement/deliberation/unga/2017-12-19/72-195/eng@2017-12-19',
    );
  });

  it('marks every citation the graph found as a ref to the cited thing, around the matched text', () => {
    const store = new Store(seed.quads as never);
    const citations = store
      .getSubjects(`${NS.rdf}type`, `${U}Citation`, null)
      .filter((ref) => store.countQuads(ref, `${U}viaFootnote`, null, null) === 0)
      .map((ref) => `${store.getObjects(ref, `${U}matchedText`, null)[0].value} -> ${store.getObjects(ref, `${NS.cito}hasCitedEntity`, null)[0].value}`)
      .sort();
    const refs = elements(doc, 'ref')
      .map((r) => `${ownText(r)} -> ${attr(r, 'href')}`)
      .sort();
    expect(citations).toHaveLength(20);
    expect(refs).toEqual(citations);
    expect(refs).toContain('résolution 64/293 du 30 juillet 2010 -> https://w3id.org/unkg/eli/un/A/RES/64/293');
    expect(refs).toContain('Recueil des Traités, vol. 2225, n° 39574 -> https://w3id.org/unkg/treaty/unts/2225/39574');
  });

  it('lists every cited or named thing once in references, and every mention points to its entry', () => {
    const tlc = elements(doc, 'references')[0].childNodes;
    const entries = Array.from(tlc).filter((n) => n.nodeType === 1) as ReturnType<typeof elements>;
    const ids = entries.map((e) => attr(e, 'eId'));
    expect(new Set(ids).size).toBe(ids.length);
    const hrefs = new Set(entries.map((e) => attr(e, 'href')));
    for (const r of elements(doc, 'ref')) expect(hrefs).toContain(attr(r, 'href'));
    const mentions = ['organization', 'role', 'event', 'concept'].flatMap((name) => elements(doc, name));
    expect(mentions.length).toBeGreaterThan(50);
    for (const m of mentions) expect(ids).toContain(attr(m, 'refersTo').slice(1));
    const entry = (id: string) => entries.find((e) => attr(e, 'eId') === id)!;
    expect([entry('unodc').localName, attr(entry('unodc'), 'showAs')]).toEqual(['TLCOrganization', 'Office des Nations Unies contre la drogue et le crime']);
    expect([entry('A-RES-64-293').localName, attr(entry('A-RES-64-293'), 'name')]).toEqual(['TLCReference', 'resolution']);
    expect(entry('secretary-general').localName).toBe('TLCRole');
  });

  it('puts each footnote at its marker once, and points to it again with noteRef', () => {
    const note = elements(doc, 'authorialNote')[2];
    expect(attr(note, 'eId')).toBe('preamble__para_10__authorialNote_1');
    expect(ownText(note)).toBe('Voir A/71/119.');
    expect(ownText(note.parentNode!)).toBe(graphParagraphs(seed.quads, seed.iri, 'fr').preambular[9].text);
    // The marker stands right after the name the note sources.
    expect(note.previousSibling!.textContent).toBe('Groupe interinstitutions de coordination');
    expect(elements(doc, 'noteRef').map((r) => [attr(r, 'marker'), attr(r, 'href')])).toEqual([
      ['1', '#preamble__para_6__list_1__item_a__authorialNote_1'],
      ['2', '#preamble__para_6__list_1__item_a__authorialNote_2'],
      ['4', '#preamble__para_16__authorialNote_1'],
    ]);
  });

  it('nests a mention inside a longer one that contains it', () => {
    expect(xml).toContain(
      '<event refersTo="#ga-hlm-gpa-2017">réunion de haut niveau sur l\'évaluation du <concept refersTo="#global-plan-of-action-tip">Plan d\'action mondial</concept></event>',
    );
  });

  it('is the same bytes each time', () => {
    expect(resolutionToAkn([...seed.quads].reverse(), seed.iri).xml).toBe(xml);
  });
});

describe('languages', () => {
  /** The seed with a second text on every paragraph and footnote, as a bilingual build gives. */
  const bilingual = [
    ...seed.quads,
    ...seed.quads
      .filter((q) => q.object.termType === 'Literal' && q.object.language === 'fr')
      .map((q) => DataFactory.quad(q.subject, q.predicate, DataFactory.literal(`[en] ${q.object.value}`, 'en'), q.graph)),
  ];

  it('writes the original language when none is asked for, and says which languages exist', () => {
    const akn = resolutionToAkn(bilingual, seed.iri);
    expect([akn.language, akn.languages]).toEqual(['fr', ['fr', 'en']]);
    expect(paragraphsOf(parseXml(akn.xml)).operative[0].text).toMatch(/^Exhorte /);
  });

  it('writes one expression per language, each with its own text and language', () => {
    const akn = resolutionToAkn(bilingual, seed.iri, { language: 'en' });
    const doc = parseXml(akn.xml);
    expect(attr(elements(doc, 'FRBRlanguage')[0], 'language')).toBe('eng');
    expect(attr(elements(elements(doc, 'FRBRExpression')[0], 'FRBRuri')[0], 'value')).toMatch(/\/eng@2017-07-06$/);
    expect(paragraphsOf(doc).operative[0].text).toMatch(/^\[en\] Exhorte /);
    expect(xmllintErrors(akn.xml)).toBe('');
  });

  it('leaves unmarked the evidence whose matched text is not at its offsets in that language', () => {
    const akn = resolutionToAkn(bilingual, seed.iri, { language: 'en' });
    expect(elements(parseXml(akn.xml), 'ref')).toHaveLength(0);
    expect(akn.unplaced).toBeGreaterThan(100);
    expect(resolutionToAkn(bilingual, seed.iri, { language: 'fr' }).unplaced).toBe(0);
  });

  it('refuses a language the graph does not hold the whole text in', () => {
    const partial = bilingual.filter((q) => !(q.subject.value === `${seed.iri}/op/3` && q.object.termType === 'Literal' && q.object.language === 'en'));
    expect(() => resolutionToAkn(partial, seed.iri, { language: 'en' })).toThrow(new AknReadError(`<${seed.iri}> has no complete text in "en"; it has fr`));
    expect(() => resolutionToAkn(seed.quads, seed.iri, { language: 'es' })).toThrow(AknReadError);
  });

  it('refuses a resource that is not a resolution text', () => {
    expect(() => resolutionToAkn(seed.quads, 'https://w3id.org/unkg/eli/un/A/RES/64/293')).toThrow(/not a resolution text/);
  });
});

describe('text the graph holds verbatim', () => {
  it('is escaped, and characters XML cannot carry are replaced, so the document stays well-formed', () => {
    const op1 = `${seed.iri}/op/1`;
    const hostile = 'Exhorte <b>les</b> États & "autres" \u0001 ]]> \uD800 fin ;';
    const quads = seed.quads.map((q) =>
      q.subject.value === op1 && q.predicate.value === `${NS.schema}text`
        ? DataFactory.quad(q.subject, q.predicate, DataFactory.literal(hostile, 'fr'), q.graph)
        : q,
    );
    const akn = resolutionToAkn(quads, seed.iri);
    expect(xmllintErrors(akn.xml)).toBe('');
    expect(paragraphsOf(parseXml(akn.xml)).operative[0].text).toBe('Exhorte <b>les</b> États & "autres" \uFFFD ]]> \uFFFD fin ;');
  });
});

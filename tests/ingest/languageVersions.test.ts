import { seedLayout } from '../seedData';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import {
  analyseResolution,
  compareLanguageVersions,
  languageVersionsToQuads,
  parseResolution,
  resolutionToQuads,
  toNQuads,
  type ResolutionAnalysis,
} from '../../src/ingest';
import { NS } from '../../src/vocab';
import { echoCandidates, gazetteer, iris, ROOT, SEED } from './fixtures';

const DIR = join(ROOT, 'tests/fixtures/documents');
const EN = join(DIR, 'E-RES-2019-41.en.md');
const FR = join(DIR, 'E-RES-2019-41.fr.md');

const analyse = (text: string, file: string): ResolutionAnalysis => analyseResolution(parseResolution(text, { file }), { iris, gazetteer, echoCandidates });
const read = (file: string) => analyse(readFileSync(file, 'utf8'), file);
const mapping = { organisation: (slug: string) => iris.organisation(slug) };
const objects = (quads: Quad[], s: string, p: string) => quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object);

describe('the English and French versions of one resolution', () => {
  const en = read(EN);
  const fr = read(FR);
  const quads = languageVersionsToQuads([fr, en], mapping);
  const doc = en.iri;

  it('build into one document whose every paragraph has its text in both languages, under the same IRI', () => {
    expect(fr.iri).toBe(doc);
    const paragraphs = quads
      .filter((q) => q.predicate.value === `${NS.rdf}type` && q.object.value === `${NS.unkg}OperativeParagraph`)
      .map((q) => q.subject.value);
    expect(paragraphs).toHaveLength(8);
    for (const p of [...en.paragraphs.map((x) => x.iri), ...en.footnotes.map((f) => f.iri)]) {
      expect(
        objects(quads, p, `${NS.schema}text`)
          .map((o) => (o.termType === 'Literal' ? o.language : ''))
          .sort(),
      ).toEqual(['en', 'fr']);
    }
    expect(
      objects(quads, `${doc}/op/1`, `${NS.schema}text`)
        .map((o) => o.value.slice(0, 16))
        .sort(),
    ).toEqual(['Prie instamment ', 'Urges Member Sta']);
    expect(
      objects(quads, doc, `${NS.dcterms}title`)
        .map((o) => (o.termType === 'Literal' ? o.language : ''))
        .sort(),
    ).toEqual(['en', 'fr']);
    expect(
      objects(quads, doc, `${NS.eli}is_realized_by`)
        .map((o) => o.value)
        .sort(),
    ).toEqual([`${doc}/eng`, `${doc}/fra`]);
  });

  it("merges the links (one eli:cites per target) and keeps each link's evidence in its language", () => {
    const cites = objects(quads, `${doc}/pp/2`, `${NS.eli}cites`).map((o) => o.value.replace(iris.base, ''));
    expect(cites.sort()).toEqual(['treaty/unts/2225/39574', 'treaty/unts/2237/39574', 'treaty/unts/2241/39574', 'treaty/unts/2326/39574']);
    const evidence = quads.filter((q) => q.predicate.value === `${NS.cito}hasCitingEntity` && q.object.value === `${doc}/pp/2`).map((q) => q.subject.value);
    expect(evidence.some((e) => e.startsWith(`${doc}/pp/2/ref/en/`))).toBe(true);
    expect(evidence.some((e) => e.startsWith(`${doc}/pp/2/ref/fr/`))).toBe(true);
    const anaphors = (lang: string) =>
      evidence
        .filter((e) => e.includes(`/ref/${lang}/`) && /anaphor/.test(objects(quads, e, `${NS.unkg}extractor`)[0].value))
        .map(
          (e) => `${objects(quads, e, `${NS.unkg}matchedText`)[0].value} -> ${objects(quads, e, `${NS.cito}hasCitedEntity`)[0].value.replace(iris.base, '')}`,
        )
        .sort();
    expect(anaphors('en')).toEqual([
      'Convention -> treaty/unts/2225/39574',
      'its Protocols -> treaty/unts/2237/39574',
      'its Protocols -> treaty/unts/2241/39574',
      'its Protocols -> treaty/unts/2326/39574',
    ]);
    expect(anaphors('fr')).toEqual([
      'ladite Convention -> treaty/unts/2225/39574',
      'ses Protocoles -> treaty/unts/2237/39574',
      'ses Protocoles -> treaty/unts/2241/39574',
      'ses Protocoles -> treaty/unts/2326/39574',
    ]);
    for (const e of evidence) expect(objects(quads, e, `${NS.dcterms}language`).map((o) => o.value)).toEqual([e.includes('/ref/en/') ? 'en' : 'fr']);
  });

  it('gives the same quads whatever order the files come in', () => {
    expect(toNQuads(languageVersionsToQuads([en, fr], mapping))).toBe(toNQuads(quads));
  });

  it('agree on every paragraph, footnote marker, clause verb and citation', () => {
    expect(compareLanguageVersions([en, fr])).toEqual([]);
  });

  it('reports a clause verb the lexicon reads in one version and not in the other', () => {
    const other = analyse(readFileSync(FR, 'utf8').replace('3. *Engage* les États Membres', '3. *Souhaite vivement que* les États Membres'), 'other.fr.md');
    expect(compareLanguageVersions([en, other]).map((m) => m.message)).toEqual(['op/3 has clause verbs [encourages] in en and [] in fr']);
  });

  it('reports a paragraph missing in one version and a different footnote count, without guessing', () => {
    const text = readFileSync(FR, 'utf8')
      .replace(/\n5\. \*Invite\*[^\n]*\n/, '\n')
      .replace(/\n[678]\. \*/g, (m) => m.replace(/\d/, (d) => String(Number(d) - 1)))
      .replace(/\[\^3\]/g, '')
      .replace(/\n\[\^3\]:[^\n]*\n/, '\n');
    const short = analyse(text, 'short.fr.md');
    const messages = compareLanguageVersions([en, short]).map((m) => `${m.kind}: ${m.message}`);
    expect(messages).toContain('paragraph: op/8 is in the en (' + EN + ') version but not in the fr (short.fr.md) version');
    expect(messages).toContain(`footnote: 4 footnotes [1,2,3,4] in en (${EN}), 3 [1,2,4] in fr (short.fr.md)`);
    expect(messages).toContain('marker: pp/4 carries footnote markers [3] in en and [] in fr');
    // The merged document keeps what each version has: op/8 in English only.
    const merged = languageVersionsToQuads([en, short], mapping);
    expect(objects(merged, `${doc}/op/8`, `${NS.schema}text`).map((o) => (o.termType === 'Literal' ? o.language : ''))).toEqual(['en']);
  });

  it('refuses two versions in the same language', () => {
    expect(() => languageVersionsToQuads([en, read(EN)], mapping)).toThrow(/E\/RES\/2019\/41: two versions in the same language \(en, en\)/);
  });
});

describe('a resolution in one language', () => {
  it('maps exactly as before: evidence IRIs without a language', () => {
    const seed = read(SEED);
    const one = languageVersionsToQuads([seed], mapping);
    expect(toNQuads(one)).toBe(toNQuads(resolutionToQuads(seed, mapping)));
    expect(toNQuads(one)).toBe(readFileSync(join(seedLayout().graphDir, 'E-RES-2017-18.nq'), 'utf8'));
    expect(new Parser({ format: 'N-Quads' }).parse(toNQuads(one)).some((q) => /\/ref\/[a-z]{2}\//.test(q.subject.value))).toBe(false);
  });
});

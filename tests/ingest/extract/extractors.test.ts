import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXTRACTORS, runExtractors, type Extractor } from '../../../src/ingest';
import { TARGET_KINDS } from '../../../src/vocab';
import { gazetteer, iris } from '../fixtures';

/** The table of cases of each registered extractor, by the file that exports it. */
const TABLES: Record<string, string> = {
  'resolutions and decisions by number, documents by symbol': 'documentReferences',
  'treaties by United Nations Treaty Series volume and number': 'treatySeries',
  'SDG targets and goals by number': 'sdgTargets',
  'names of organisations, events, publications, plans and treaties': 'namedEntities',
  'high-level meetings by date or session': 'meetings',
};

describe('the extractor registry', () => {
  it('has a table of cases for every extractor it runs', () => {
    for (const x of EXTRACTORS) {
      expect([x.name, TABLES[x.name] !== undefined && existsSync(join(__dirname, `${TABLES[x.name]}.test.ts`))]).toEqual([x.name, true]);
    }
  });

  it('tags links only with the kinds of target listed once in the vocabulary', () => {
    const known = TARGET_KINDS.map((k) => k.id as string);
    for (const x of EXTRACTORS) for (const k of x.kinds) expect(known).toContain(k);
  });

  it('drops a link of a yielding extractor where an earlier one found something, and keeps it elsewhere', () => {
    const word = (name: string, overlap: Extractor['overlap']): Extractor => ({
      name,
      kinds: ['event'],
      overlap,
      extract: (text) =>
        [...text.matchAll(/summit/g)].map((m) => ({
          relation: 'mentions',
          target: `${iris.base}event/${name}-${m.index}`,
          kind: 'event',
          start: m.index!,
          end: m.index! + 6,
          matchedText: 'summit',
          extractor: name,
        })),
    });
    const text = 'the summit and the summit';
    const first: Extractor = { ...word('named', 'keep'), extract: (t) => word('named', 'keep').extract(t, { iris, gazetteer }).slice(0, 1) };
    const links = runExtractors(text, { iris, gazetteer }, [first, word('dated', 'yield')]);
    expect(links.map((l) => `${l.extractor}@${l.start}`)).toEqual(['named@4', 'dated@19']);
  });
});

import { NS, sdgIri } from '../../src/vocab';
import { nodeKind } from '../../src/viz/nodeKind';

describe('nodeKind', () => {
  it.each([
    ['a resolution, though also a legal resource', [`${NS.eli}LegalResource`, `${NS.unkg}Resolution`], 'resolution'],
    ['a treaty, though a legal resource too', [`${NS.eli}LegalResource`, `${NS.unkg}Treaty`], 'treaty'],
    ['another UN document', [`${NS.eli}LegalResource`], 'document'],
    ['a preambular paragraph', [`${NS.eli}LegalResourceSubdivision`, `${NS.unkg}PreambularParagraph`], 'paragraph'],
    ['a sub-paragraph', [`${NS.eli}LegalResourceSubdivision`, `${NS.unkg}SubParagraph`], 'subparagraph'],
    ['a footnote', [`${NS.eli}LegalResourceSubdivision`, `${NS.unkg}Footnote`], 'footnote'],
    ['an SDG target', [`${NS.sdgo}Target`, `${NS.skos}Concept`], 'sdg-target'],
    ['an SDG goal', [`${NS.sdgo}Goal`, `${NS.skos}Concept`], 'sdg-goal'],
    ['a meeting', [`${NS.unkg}Meeting`], 'event'],
    ['an observance', [`${NS.unkg}Observance`], 'event'],
    ['the Member States', [`${NS.unkg}MemberStates`], 'organisation'],
    ['the Secretary-General', [`${NS.org}Post`], 'organisation'],
    ['an operative verb', [`${NS.skos}Concept`, `${NS.unkg}OperativeVerb`], 'clause-verb'],
  ])('knows %s', (_, types, kind) => {
    expect(nodeKind('https://w3id.org/unkg/x', types)).toBe(kind);
  });

  it('knows a clause verb by its scheme namespace when the scheme is not loaded', () => {
    expect(nodeKind(`${NS.clause}urges`, [])).toBe('clause-verb');
  });

  it('calls anything else other', () => {
    expect(nodeKind(sdgIri('5.2'), [])).toBe('other');
  });
});

import { DEFAULT_BASE, rebaseIris } from '../../src/vocab';

describe('rebaseIris', () => {
  const to = 'https://kg.example.org/unkg/';

  it('moves data IRIs and prefix declarations to the new base', () => {
    const turtle = '@prefix o: <https://w3id.org/unkg/org/> .\no:unodc <http://www.w3.org/2004/02/skos/core#related> <https://w3id.org/unkg/event/x> .';
    expect(rebaseIris(turtle, DEFAULT_BASE, to)).toBe(
      '@prefix o: <https://kg.example.org/unkg/org/> .\no:unodc <http://www.w3.org/2004/02/skos/core#related> <https://kg.example.org/unkg/event/x> .',
    );
  });

  it('keeps the ontology and clause-scheme namespaces fixed', () => {
    const text =
      '<https://w3id.org/unkg/ontology> <https://w3id.org/unkg/ontology#anaphor> <https://w3id.org/unkg/clause/urges> .\n' +
      '<https://w3id.org/unkg/clause> <http://p> <https://w3id.org/unkg/org/ecosoc> .';
    expect(rebaseIris(text, DEFAULT_BASE, to)).toBe(
      '<https://w3id.org/unkg/ontology> <https://w3id.org/unkg/ontology#anaphor> <https://w3id.org/unkg/clause/urges> .\n' +
        '<https://w3id.org/unkg/clause> <http://p> <https://kg.example.org/unkg/org/ecosoc> .',
    );
  });

  it('leaves other IRIs and an unchanged base alone', () => {
    const text = '<http://metadata.un.org/sdg/5.2> <http://p> <https://w3id.org/other/x> .';
    expect(rebaseIris(text, DEFAULT_BASE, to)).toBe(text);
    const own = '<https://w3id.org/unkg/org/x> <http://p> "o" .';
    expect(rebaseIris(own, DEFAULT_BASE, DEFAULT_BASE)).toBe(own);
  });
});

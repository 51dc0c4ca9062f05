import { DataFactory, Parser, Store } from 'n3';
import { compactIri, formatPath, formatTerm, MAX_LITERAL_LENGTH } from '../../src/validate/formatTerm';

const { namedNode, literal, blankNode } = DataFactory;

describe('compactIri', () => {
  it.each([
    ['http://data.europa.eu/eli/ontology#cites', 'eli:cites'],
    ['http://metadata.un.org/sdg/ontology#Target', 'sdgo:Target'],
    ['https://w3id.org/unkg/clause/urges', 'clause:urges'],
    ['https://w3id.org/unkg/shapes#Paragraph-text', 'unkgsh:Paragraph-text'],
    ['http://metadata.un.org/sdg/5.2', 'sdg:5.2'],
    ['https://w3id.org/unkg/eli/un/E/RES/2017/18/op/1', '<https://w3id.org/unkg/eli/un/E/RES/2017/18/op/1>'],
  ])('writes %s as %s', (iri, expected) => {
    expect(compactIri(iri)).toBe(expected);
  });
});

describe('formatTerm', () => {
  it.each([
    [literal('Exhorte', 'fr'), '"Exhorte"@fr'],
    [literal('19 (c)'), '"19 (c)"'],
    [literal('5', namedNode('http://www.w3.org/2001/XMLSchema#integer')), '"5"^^xsd:integer'],
    [blankNode('b0'), '_:b0'],
  ])('writes %s in Turtle notation', (term, expected) => {
    expect(formatTerm(term)).toBe(expected);
  });

  it(`shortens literals to ${MAX_LITERAL_LENGTH} characters`, () => {
    const text = formatTerm(literal('x'.repeat(200)));
    expect(text).toBe(`"${'x'.repeat(MAX_LITERAL_LENGTH - 1)}…"`);
  });
});

describe('formatPath', () => {
  const graph = new Store(
    new Parser().parse(`
    @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix eli: <http://data.europa.eu/eli/ontology#> .
    @prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix ex: <http://example.org/> .
    ex:inverse sh:path [ sh:inversePath eli:is_part_of ] .
    ex:alternative sh:path [ sh:alternativePath ( eli:has_part [ sh:inversePath eli:is_part_of ] ) ] .
    ex:sequence sh:path ( eli:is_part_of [ sh:zeroOrMorePath ( skos:broader skos:narrower ) ] ) .`),
  );
  const pathOf = (shape: string) => graph.getObjects(`http://example.org/${shape}`, 'http://www.w3.org/ns/shacl#path', null)[0];

  it.each([
    ['inverse', '^eli:is_part_of'],
    ['alternative', '(eli:has_part | ^eli:is_part_of)'],
    ['sequence', 'eli:is_part_of/(skos:broader/skos:narrower)*'],
  ])('writes the %s path as %s', (shape, expected) => {
    expect(formatPath(pathOf(shape), graph)).toBe(expected);
  });

  it('writes a predicate path as its prefixed name', () => {
    expect(formatPath(namedNode('http://schema.org/text'), graph)).toBe('schema:text');
  });
});

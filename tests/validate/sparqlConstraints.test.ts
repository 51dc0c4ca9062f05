import { DataFactory, Parser, Store } from 'n3';
import { evaluateSparqlConstraints } from '../../src/validate/sparqlConstraints';

const PREFIXES = `
  @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
  @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .`;

/** Data: two named things, one of them without a label; a subclass instance. */
const DATA = new Parser().parse(`${PREFIXES}
  ex:Sub rdfs:subClassOf ex:Thing .
  ex:a a ex:Thing ; ex:label "A" ; ex:link ex:b .
  ex:b a ex:Sub .
  ex:c ex:link ex:a .`);

/** A shape reporting every focus node without ex:label, with the given targets and options. */
const shapesWith = (targetsAndOptions: string) =>
  new Store(
    new Parser().parse(`${PREFIXES}
  ex:prefixes sh:declare [ sh:prefix "ex" ; sh:namespace "http://example.org/"^^xsd:anyURI ] .
  ex:LabelShape a sh:NodeShape ; ${targetsAndOptions} ;
    sh:sparql [ sh:prefixes ex:prefixes ; sh:message "{$this} has no ex:label" ;
      sh:select "SELECT $this WHERE { FILTER NOT EXISTS { $this ex:label ?label } }" ] .`),
  );

const focusNodes = (targetsAndOptions: string) =>
  evaluateSparqlConstraints(DATA, shapesWith(targetsAndOptions))
    .map((r) => r.focusNode.value)
    .sort();

describe('evaluateSparqlConstraints', () => {
  it.each([
    ['sh:targetClass, through rdfs:subClassOf', 'sh:targetClass ex:Thing', ['http://example.org/b']],
    ['sh:targetNode', 'sh:targetNode ex:a, ex:c', ['http://example.org/c']],
    ['sh:targetSubjectsOf', 'sh:targetSubjectsOf ex:link', ['http://example.org/c']],
    ['sh:targetObjectsOf', 'sh:targetObjectsOf ex:link', ['http://example.org/b']],
  ])('binds $this from %s', (_, targets, expected) => {
    expect(focusNodes(targets)).toEqual(expected);
  });

  it('skips a deactivated shape', () => {
    expect(focusNodes('sh:targetClass ex:Thing ; sh:deactivated true')).toEqual([]);
  });

  it('fills the message template and takes the severity of the shape', () => {
    const [result] = evaluateSparqlConstraints(DATA, shapesWith('sh:targetNode ex:c ; sh:severity sh:Warning'));
    expect(result).toEqual({
      severity: 'Warning',
      focusNode: DataFactory.namedNode('http://example.org/c'),
      message: '<http://example.org/c> has no ex:label',
      sourceShape: DataFactory.namedNode('http://example.org/LabelShape'),
      sourceConstraintComponent: DataFactory.namedNode('http://www.w3.org/ns/shacl#SPARQLConstraintComponent'),
    });
  });

  it('refuses SPARQL constraints on property shapes, which need $PATH substitution', () => {
    expect(() => evaluateSparqlConstraints(DATA, shapesWith('sh:targetNode ex:c ; sh:path ex:label'))).toThrow(/property shapes are not supported/);
  });
});

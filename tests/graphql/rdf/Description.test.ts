import { Description } from '../../../src/graphql/rdf/Description';
import { NS } from '../../../src/vocab';

/** A description knows which predicates it was loaded with. */

const { skos, rdf } = NS;
const label = (value: string, language?: string) => ({ type: 'literal' as const, value, ...(language ? { 'xml:lang': language } : {}) });

describe('Description', () => {
  test('answers for the predicates it was loaded with, each value once', () => {
    const description = new Description('https://w3id.org/unkg/org/unodc');
    description.add(`${skos}prefLabel`, label('UNODC', 'en'));
    description.add(`${skos}prefLabel`, label('ONUDC', 'fr'));
    description.add(`${skos}prefLabel`, label('UNODC', 'en'));
    description.markLoaded([`${skos}prefLabel`, `${skos}altLabel`]);
    expect(description.literals(`${skos}prefLabel`).map((l) => l.value)).toEqual(['UNODC', 'ONUDC']);
    expect(description.literals(`${skos}altLabel`)).toEqual([]);
    expect(description.covers([`${skos}prefLabel`, `${skos}altLabel`])).toBe(true);
    expect(description.covers([`${rdf}type`])).toBe(false);
  });

  test('refuses to read a predicate it was not loaded with, rather than answer that it has no value', () => {
    const description = new Description('https://w3id.org/unkg/org/unodc');
    description.markLoaded([`${skos}prefLabel`]);
    expect(() => description.types).toThrow(`${rdf}type of https://w3id.org/unkg/org/unodc was read before it was loaded`);
  });

  test('sees its sorted views change when a later load adds values', () => {
    const description = new Description('https://w3id.org/unkg/org/unodc');
    description.add(`${rdf}type`, { type: 'uri', value: `${NS.org}Organization` });
    description.markLoaded([`${rdf}type`]);
    expect(description.types).toEqual([`${NS.org}Organization`]);
    description.add(`${rdf}type`, { type: 'uri', value: `${NS.org}FormalOrganization` });
    expect(description.types).toEqual([`${NS.org}FormalOrganization`, `${NS.org}Organization`]);
  });

  test('tells that a resource exists once it has a value, and that it does not only when loaded whole', () => {
    const partial = new Description('https://example.org/x');
    partial.markLoaded([`${skos}prefLabel`]);
    expect(partial.exists).toBeUndefined();
    partial.markWhole();
    expect(partial.exists).toBe(false);
    expect(partial.covers([`${rdf}type`])).toBe(true);
    const labelled = new Description('https://example.org/y');
    labelled.add(`${skos}prefLabel`, label('y'));
    expect(labelled.exists).toBe(true);
  });
});

import { hrefForIri, iriForPath, pathForIri } from '../../src/linkeddata';

const BASE = 'https://w3id.org/unkg/';
const LOCAL_BASE = 'http://localhost:8080/';

describe('the IRI a request path stands for', () => {
  it.each([
    ['/eli/un/E/RES/2017/18/op/2', BASE, 'https://w3id.org/unkg/eli/un/E/RES/2017/18/op/2'],
    ['/eli/un/E/RES/2017/18', LOCAL_BASE, 'http://localhost:8080/eli/un/E/RES/2017/18'],
    ['/treaty/unts/2225/39574', BASE, 'https://w3id.org/unkg/treaty/unts/2225/39574'],
    ['/org/member-states', BASE, 'https://w3id.org/unkg/org/member-states'],
    ['/event/world-day-against-tip', BASE, 'https://w3id.org/unkg/event/world-day-against-tip'],
    ['/pub/global-report-tip', BASE, 'https://w3id.org/unkg/pub/global-report-tip'],
    ['/plan/global-plan-of-action-tip', BASE, 'https://w3id.org/unkg/plan/global-plan-of-action-tip'],
    ['/ontology', LOCAL_BASE, 'https://w3id.org/unkg/ontology'],
    ['/clause', LOCAL_BASE, 'https://w3id.org/unkg/clause'],
    ['/clause/strongly-urges', LOCAL_BASE, 'https://w3id.org/unkg/clause/strongly-urges'],
    ['/org/caf%C3%A9', BASE, 'https://w3id.org/unkg/org/café'],
  ])('%s under %s is %s', (path, base, iri) => {
    expect(iriForPath(path, base)).toBe(iri);
  });

  it.each([
    ['/eli/un/', 'a minted prefix alone'],
    ['/graph/reference', 'a path the service mints nothing under'],
    ['/org/a%20b', 'a space, which no IRI holds'],
    ['/org/%3Cscript%3E', 'angle brackets'],
    ['/org/%E0%A4%A', 'a broken percent-encoding'],
  ])('is none for %s (%s)', (path) => {
    expect(iriForPath(path, BASE)).toBeUndefined();
  });
});

describe('where an IRI answers', () => {
  it.each([
    ['https://w3id.org/unkg/eli/un/E/RES/2017/18/fn/5', '/eli/un/E/RES/2017/18/fn/5'],
    ['https://w3id.org/unkg/ontology', '/ontology'],
    ['https://w3id.org/unkg/ontology#OperativeParagraph', '/ontology#OperativeParagraph'],
    ['https://w3id.org/unkg/clause/urges', '/clause/urges'],
    ['https://w3id.org/unkg/org/café', '/org/caf%C3%A9'],
  ])('%s at %s on this service', (iri, path) => {
    expect(pathForIri(iri, BASE)).toBe(path);
    if (!iri.includes('#')) expect(iriForPath(path, BASE)).toBe(iri);
  });

  it('links IRIs served elsewhere to themselves, and other schemes nowhere', () => {
    expect(pathForIri('http://metadata.un.org/sdg/5.2', BASE)).toBeUndefined();
    expect(hrefForIri('http://metadata.un.org/sdg/5.2', BASE)).toBe('http://metadata.un.org/sdg/5.2');
    expect(hrefForIri('urn:isbn:9789211303582', BASE)).toBeUndefined();
  });
});

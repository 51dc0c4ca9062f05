import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Parser, Store, type Quad, type Term } from 'n3';
import { Store as OxigraphStore } from 'oxigraph';
import { createIriScheme, DEFAULT_BASE, NS, ONTOLOGY_IRI, sdgIri } from '../../src/vocab';
import { SEED_SOURCE } from '../seedData';

const ROOT = path.resolve(__dirname, '..', '..');
const ONTOLOGY_DIR = path.join(ROOT, 'ontology');
const REFERENCE_DIR = path.join(ROOT, 'data', 'reference');
/** The shared UN reference material (SDG KOS and the official target wording), outside the project. */
const SHARED_REFERENCE_DIR = path.resolve(ROOT, '..', 'shared', 'reference');

const read = (file: string) => readFileSync(file, 'utf8');
const parse = (file: string): Quad[] => new Parser().parse(read(file));
const storeOf = (...files: string[]) => new Store(files.flatMap(parse));

const REFERENCE_FILES = ['sdg.ttl', 'treaties.ttl', 'organisations.ttl', 'events.ttl', 'publications.ttl', 'plans.ttl', 'documents.ttl'];
const referencePaths = () => readdirSync(REFERENCE_DIR).filter((f) => f.endsWith('.ttl')).map((f) => path.join(REFERENCE_DIR, f));

const ontology = storeOf(path.join(ONTOLOGY_DIR, 'unkg.ttl'));
const shapes = storeOf(path.join(ONTOLOGY_DIR, 'shapes.ttl'));
const reference = storeOf(...referencePaths());

const iri = (prefix: keyof typeof NS, local: string) => `${NS[prefix]}${local}`;
const objects = (store: Store, subject: string, predicate: string): Term[] => store.getObjects(subject, predicate, null);
const literalsIn = (store: Store, subject: string, predicate: string, language: string): string[] =>
  objects(store, subject, predicate).filter((t) => t.termType === 'Literal' && t.language === language).map((t) => t.value);

const DECLARATION_TYPES = ['Class', 'ObjectProperty', 'DatatypeProperty', 'AnnotationProperty'].map((t) => iri('owl', t));
const declared = (store: Store): Set<string> =>
  new Set(DECLARATION_TYPES.flatMap((type) => store.getSubjects(iri('rdf', 'type'), type, null).map((s) => s.value)));
const declaredUnkgTerms = [...declared(ontology)].filter((t) => t.startsWith(NS.unkg)).sort();

/** Every IRI in the unkg: namespace that a graph uses, in any position. */
function unkgTermsUsedIn(store: Store): string[] {
  const used = new Set<string>();
  for (const q of store) {
    for (const term of [q.subject, q.predicate, q.object]) if (term.termType === 'NamedNode' && term.value.startsWith(NS.unkg)) used.add(term.value);
  }
  return [...used].sort();
}

/** The README's prose and code name terms as `unkg:Local`. */
function unkgTermsNamedInReadme(): string[] {
  const readme = read(path.join(ONTOLOGY_DIR, 'README.md'));
  return [...new Set([...readme.matchAll(/\bunkg:([A-Za-z][A-Za-z0-9_]*)/g)].map((m) => iri('unkg', m[1])))].sort();
}

const undeclared = (terms: string[]) => terms.filter((t) => !declared(ontology).has(t));

describe('the ontology files', () => {
  it.each(['unkg.ttl', 'shapes.ttl'])('parse %s as Turtle', (file) => {
    expect(parse(path.join(ONTOLOGY_DIR, file)).length).toBeGreaterThan(100);
  });

  it.each(REFERENCE_FILES)('parse data/reference/%s as Turtle', (file) => {
    expect(parse(path.join(REFERENCE_DIR, file)).length).toBeGreaterThan(0);
  });

  it('hold exactly the expected reference files', () => {
    expect(readdirSync(REFERENCE_DIR).sort()).toEqual([...REFERENCE_FILES].sort());
  });
});

describe('the unkg: ontology', () => {
  it('describes itself: title, description, licence and version in English and French', () => {
    expect(objects(ontology, ONTOLOGY_IRI, iri('rdf', 'type')).map((t) => t.value)).toEqual([iri('owl', 'Ontology')]);
    expect(objects(ontology, ONTOLOGY_IRI, iri('owl', 'versionInfo'))).toHaveLength(1);
    expect(objects(ontology, ONTOLOGY_IRI, iri('dcterms', 'license'))).toHaveLength(1);
    for (const property of ['title', 'description']) {
      for (const lang of ['en', 'fr']) expect(literalsIn(ontology, ONTOLOGY_IRI, iri('dcterms', property), lang)).toHaveLength(1);
    }
  });

  it('imports nothing, so it loads without network access', () => {
    expect(ontology.getQuads(null, iri('owl', 'imports'), null, null)).toEqual([]);
  });

  it('declares every unkg: term the README names', () => {
    expect(unkgTermsNamedInReadme().length).toBeGreaterThan(30);
    expect(undeclared(unkgTermsNamedInReadme())).toEqual([]);
  });

  it('declares every unkg: term the reference data uses', () => {
    expect(undeclared(unkgTermsUsedIn(reference))).toEqual([]);
  });

  it('declares every unkg: term the shapes use', () => {
    expect(undeclared(unkgTermsUsedIn(shapes))).toEqual([]);
  });

  it('uses only unkg: terms it declares', () => {
    expect(undeclared(unkgTermsUsedIn(ontology).filter((t) => t !== `${ONTOLOGY_IRI}`))).toEqual([]);
  });

  it.each(declaredUnkgTerms.map((t) => [t.slice(NS.unkg.length), t]))('labels and explains %s in English and French', (_, term) => {
    for (const lang of ['en', 'fr']) {
      expect(literalsIn(ontology, term, iri('rdfs', 'label'), lang)).toHaveLength(1);
      expect(literalsIn(ontology, term, iri('rdfs', 'comment'), lang)).toHaveLength(1);
    }
    expect(objects(ontology, term, iri('rdfs', 'isDefinedBy')).map((t) => t.value)).toEqual([ONTOLOGY_IRI]);
  });

  it('declares every external class and property its axioms point to', () => {
    const axioms = ['subClassOf', 'domain', 'range', 'subPropertyOf'].map((p) => iri('rdfs', p));
    const pointedTo = new Set(axioms.flatMap((p) => ontology.getObjects(null, p, null))
      .filter((t) => t.termType === 'NamedNode' && !t.value.startsWith(NS.xsd) && !t.value.startsWith(NS.rdf))
      .map((t) => t.value));
    expect([...pointedTo].filter((t) => !declared(ontology).has(t))).toEqual([]);
    for (const external of [...declared(ontology)].filter((t) => !t.startsWith(NS.unkg))) {
      expect(objects(ontology, external, iri('rdfs', 'isDefinedBy'))).toHaveLength(1);
    }
  });

  it.each([
    ['Resolution', 'rdfs:subClassOf', iri('eli', 'LegalResource')],
    ['Resolution', 'skos:closeMatch', iri('undo', 'Resolution')],
    ['Paragraph', 'rdfs:subClassOf', iri('eli', 'LegalResourceSubdivision')],
    ['PreambularParagraph', 'rdfs:subClassOf', iri('unkg', 'Paragraph')],
    ['OperativeParagraph', 'rdfs:subClassOf', iri('unkg', 'Paragraph')],
    ['SubParagraph', 'rdfs:subClassOf', iri('unkg', 'Paragraph')],
    ['Footnote', 'rdfs:subClassOf', iri('eli', 'LegalResourceSubdivision')],
    ['ClauseAct', 'skos:closeMatch', iri('undo', 'Relation')],
    ['ClauseVerb', 'rdfs:subClassOf', iri('skos', 'Concept')],
    ['PreambularVerb', 'rdfs:subClassOf', iri('unkg', 'ClauseVerb')],
    ['OperativeVerb', 'rdfs:subClassOf', iri('unkg', 'ClauseVerb')],
    ['Reference', 'rdfs:subClassOf', iri('prov', 'Entity')],
    ['Citation', 'rdfs:subClassOf', iri('cito', 'Citation')],
    ['Citation', 'rdfs:subClassOf', iri('unkg', 'Reference')],
    ['Mention', 'rdfs:subClassOf', iri('unkg', 'Reference')],
    ['SimilarityLink', 'rdfs:subClassOf', iri('unkg', 'Reference')],
    ['Treaty', 'rdfs:subClassOf', iri('eli', 'LegalResource')],
    ['Treaty', 'skos:closeMatch', iri('undo', 'Treaty')],
    ['Publication', 'rdfs:subClassOf', iri('schema', 'CreativeWork')],
    ['Plan', 'rdfs:subClassOf', iri('prov', 'Plan')],
    ['Observance', 'rdfs:subClassOf', iri('schema', 'Event')],
    ['Meeting', 'rdfs:subClassOf', iri('schema', 'Event')],
    ['recommendedBy', 'rdfs:subPropertyOf', iri('prov', 'wasInfluencedBy')],
    ['echoesTarget', 'rdfs:subPropertyOf', iri('eli', 'related_to')],
  ])('aligns unkg:%s by %s to %s', (local, predicate, target) => {
    const [prefix, name] = predicate.split(':') as [keyof typeof NS, string];
    expect(objects(ontology, iri('unkg', local), iri(prefix, name)).map((t) => t.value)).toContain(target);
  });

  it('keeps unkg:echoesTarget out of eli:cites, however far up the property hierarchy', () => {
    const ancestors = new Set<string>();
    const queue = [iri('unkg', 'echoesTarget')];
    while (queue.length > 0) {
      for (const parent of ontology.getObjects(queue.pop()!, iri('rdfs', 'subPropertyOf'), null)) {
        if (!ancestors.has(parent.value)) queue.push(parent.value);
        ancestors.add(parent.value);
      }
    }
    expect([...ancestors]).toEqual([iri('eli', 'related_to')]);
  });

  it('types unkg:position as an xsd:integer and the offsets likewise', () => {
    for (const property of ['position', 'startOffset', 'endOffset', 'untsVolume', 'untsNumber']) {
      expect(objects(ontology, iri('unkg', property), iri('rdfs', 'range')).map((t) => t.value)).toEqual([iri('xsd', 'integer')]);
    }
  });
});

describe('the SDG reference data', () => {
  const kos = storeOf(path.join(SHARED_REFERENCE_DIR, 'sdg-kos-goals-targets-indicators.ttl'));
  const readme = read(path.join(SHARED_REFERENCE_DIR, 'README.md')).replace(/\s+/g, ' ');
  const officialWording = new Map([...readme.matchAll(/- (\d+\.\d+) EN "([^"]+)" FR "([^"]+)"/g)].map((m) => [m[1], { en: m[2], fr: m[3] }]));

  it('reads the official wording of three targets from the shared README', () => {
    expect([...officialWording.keys()]).toEqual(['5.2', '8.7', '16.2']);
  });

  it.each(['5.2', '8.7', '16.2'])('labels target %s with its official English and French wording', (code) => {
    const target = sdgIri(code);
    expect(literalsIn(reference, target, iri('skos', 'prefLabel'), 'en')).toEqual([officialWording.get(code)!.en]);
    expect(literalsIn(reference, target, iri('skos', 'prefLabel'), 'fr')).toEqual([officialWording.get(code)!.fr]);
  });

  it.each(['5', '8', '16', '5.2', '8.7', '16.2'])('copies the labels and notations of %s from the UN SDG KOS, trimmed', (code) => {
    const concept = sdgIri(code);
    for (const predicate of [iri('skos', 'prefLabel'), iri('skos', 'note')]) {
      for (const lang of ['en', 'fr']) {
        expect(literalsIn(reference, concept, predicate, lang)).toEqual(literalsIn(kos, concept, predicate, lang).map((l) => l.trim()));
      }
    }
    const notations = (store: Store) => objects(store, concept, iri('skos', 'notation')).map((t) => `${t.value}^^${(t as { datatype: Term }).datatype.value}`).sort();
    expect(notations(reference)).toEqual(notations(kos));
    expect(notations(reference)).toContain(`${code}^^${iri('sdgo', 'SDGCodeCompact')}`);
  });

  it.each([['5.2', '5'], ['8.7', '8'], ['16.2', '16']])('places target %s under goal %s, as the KOS does', (target, goal) => {
    for (const store of [reference, kos]) {
      expect(objects(store, sdgIri(target), iri('skos', 'broader')).map((t) => t.value)).toEqual([sdgIri(goal)]);
      expect(objects(store, sdgIri(target), iri('sdgo', 'isTargetOf')).map((t) => t.value)).toEqual([sdgIri(goal)]);
    }
    expect(objects(reference, sdgIri(target), iri('rdf', 'type')).map((t) => t.value).sort()).toEqual([iri('sdgo', 'Target'), iri('skos', 'Concept')].sort());
    expect(objects(reference, sdgIri(target), iri('skos', 'inScheme')).map((t) => t.value)).toEqual(['http://metadata.un.org/sdg']);
  });
});

describe('the curated reference data', () => {
  const scheme = createIriScheme(DEFAULT_BASE);
  const subjects = new Set(reference.getSubjects(null, null, null).map((s) => s.value));

  it.each([
    scheme.treaty(2225, 39574), scheme.treaty(2237, 39574),
    ...['ecosoc', 'unga', 'ccpcj', 'unodc', 'icat', 'untoc-cop', 'untoc-cop-wg-tip', 'un-vtf-tip', 'secretary-general', 'member-states'].map(scheme.organisation),
    ...['world-day-against-tip', 'ga-hlm-gpa-2013', 'ga-hlm-gpa-2017'].map(scheme.event),
    scheme.publication('unodc-glotip-2016'),
    ...['global-plan-of-action-tip', '2030-agenda'].map(scheme.plan),
    ...['A/RES/64/293', 'A/RES/68/192', 'A/RES/70/179', 'A/RES/71/287', 'A/RES/70/1', 'E/2017/30', 'A/71/119'].map(scheme.document),
  ])('describes %s under the public IRI scheme', (entity) => {
    expect(subjects.has(entity)).toBe(true);
  });

  it('describes every entity under the base that it links to', () => {
    const linked = reference.getObjects(null, null, null).filter((t) => t.termType === 'NamedNode' && t.value.startsWith(DEFAULT_BASE)
      && !t.value.startsWith(NS.unkg) && !t.value.startsWith(NS.clause));
    expect([...new Set(linked.map((t) => t.value))].filter((t) => !subjects.has(t))).toEqual([]);
  });

  it('states every sub-organisation link in both directions', () => {
    const pairs = (predicate: string, flip: boolean) => reference.getQuads(null, predicate, null, null)
      .map((q) => (flip ? `${q.object.value} > ${q.subject.value}` : `${q.subject.value} > ${q.object.value}`)).sort();
    expect(pairs(iri('org', 'hasSubOrganization'), false)).toEqual(pairs(iri('org', 'subOrganizationOf'), true));
  });

  it('tells the two treaties apart by volume, though they share their UNTS number', () => {
    const number = (t: string) => objects(reference, t, iri('unkg', 'untsNumber')).map((x) => x.value);
    const volume = (t: string) => objects(reference, t, iri('unkg', 'untsVolume')).map((x) => x.value);
    expect(number(scheme.treaty(2225, 39574))).toEqual(['39574']);
    expect(number(scheme.treaty(2237, 39574))).toEqual(['39574']);
    expect(volume(scheme.treaty(2225, 39574))).toEqual(['2225']);
    expect(volume(scheme.treaty(2237, 39574))).toEqual(['2237']);
    expect(objects(reference, scheme.treaty(2237, 39574), iri('unkg', 'supplements')).map((t) => t.value)).toEqual([scheme.treaty(2225, 39574)]);
  });

  it.each([
    ['unodc', 'fr', 'Office des Nations Unies contre la drogue et le crime', ['ONUDC'], ['Office']],
    ['unodc', 'en', 'United Nations Office on Drugs and Crime', ['UNODC'], ['Office']],
    ['icat', 'fr', 'Groupe interinstitutions de coordination contre la traite des personnes', ['Groupe interinstitutions de coordination'], ['Groupe']],
    ['icat', 'en', 'Inter-Agency Coordination Group against Trafficking in Persons', ['ICAT'], ['Group']],
    ['un-vtf-tip', 'fr', 'Fonds de contributions volontaires des Nations Unies en faveur des victimes de la traite des personnes, en particulier des femmes et des enfants', [], ['Fonds']],
    ['unga', 'fr', 'Assemblée générale', [], ['Assemblée']],
    ['ecosoc', 'en', 'Economic and Social Council', ['ECOSOC'], ['Council']],
    ['ccpcj', 'fr', 'Commission pour la prévention du crime et la justice pénale', [], []],
    ['untoc-cop', 'fr', 'Conférence des Parties à la Convention des Nations Unies contre la criminalité transnationale organisée', ['Conférence des Parties à la Convention'], []],
    ['un-women', 'fr', 'Entité des Nations Unies pour l\'égalité des sexes et l\'autonomisation des femmes', ['ONU-Femmes'], []],
  ])('names org/%s in %s as UN texts do', (slug, lang, prefLabel, altLabels, anaphors) => {
    const org = scheme.organisation(slug as string);
    expect(literalsIn(reference, org, iri('skos', 'prefLabel'), lang as string)).toEqual([prefLabel]);
    expect(literalsIn(reference, org, iri('skos', 'altLabel'), lang as string)).toEqual(expect.arrayContaining(altLabels as string[]));
    expect(literalsIn(reference, org, iri('unkg', 'anaphor'), lang as string)).toEqual(expect.arrayContaining(anaphors as string[]));
  });

  it('names every French entity the seed resolution spells out', () => {
    const seed = read(SEED_SOURCE);
    const frenchNames = [
      scheme.organisation('unodc'), scheme.organisation('icat'), scheme.organisation('un-vtf-tip'),
      scheme.organisation('untoc-cop-wg-tip'), scheme.treaty(2225, 39574), scheme.treaty(2237, 39574),
      scheme.plan('global-plan-of-action-tip'), scheme.plan('2030-agenda'), scheme.event('world-day-against-tip'),
      scheme.publication('unodc-glotip-2016'),
    ].map((entity) => [entity, literalsIn(reference, entity, iri('skos', 'prefLabel'), 'fr')[0]]);
    expect(frenchNames.filter(([, name]) => !seed.includes(name))).toEqual([]);
  });

  it('links the Secretary-General, the Trust Fund and ICAT to the bodies that hold, manage and coordinate them', () => {
    const linkOf = (slug: string, predicate: string) => objects(reference, scheme.organisation(slug), predicate).map((t) => t.value);
    expect(linkOf('secretary-general', iri('org', 'postIn'))).toEqual([scheme.organisation('un')]);
    expect(linkOf('un-vtf-tip', iri('unkg', 'managedBy'))).toEqual([scheme.organisation('unodc')]);
    expect(linkOf('icat', iri('unkg', 'coordinatedBy'))).toEqual([scheme.organisation('unodc')]);
    expect(linkOf('ccpcj', iri('org', 'subOrganizationOf'))).toEqual([scheme.organisation('ecosoc')]);
    expect(linkOf('untoc-cop-wg-tip', iri('org', 'subOrganizationOf'))).toEqual([scheme.organisation('untoc-cop')]);
  });

  it('links Wikidata only for the identifiers the research confirmed', () => {
    const sameAs = reference.getQuads(null, iri('owl', 'sameAs'), null, null)
      .map((q) => `${q.subject.value.slice(DEFAULT_BASE.length)} ${q.object.value.replace('http://www.wikidata.org/entity/', 'wd:')}`).sort();
    expect(sameAs).toEqual([
      'org/ccpcj wd:Q104842946', 'org/ecosoc wd:Q170075', 'org/ilo wd:Q54129', 'org/iom wd:Q472311',
      'org/un wd:Q1065', 'org/unga wd:Q47423', 'org/unsc wd:Q37470',
    ]);
  });

  it('gives each cited resolution its symbol, date, adopting organ and undocs.org link', () => {
    for (const [symbol, date] of [['A/RES/64/293', '2010-07-30'], ['A/RES/68/192', '2013-12-18'], ['A/RES/70/179', '2015-12-17'],
      ['A/RES/71/287', '2017-05-04'], ['A/RES/70/1', '2015-09-25']]) {
      const doc = scheme.document(symbol);
      expect(objects(reference, doc, iri('rdf', 'type')).map((t) => t.value)).toEqual(expect.arrayContaining([iri('eli', 'LegalResource'), iri('unkg', 'Resolution')]));
      expect(objects(reference, doc, iri('eli', 'id_local')).map((t) => t.value)).toEqual([symbol]);
      expect(objects(reference, doc, iri('eli', 'date_document')).map((t) => t.value)).toEqual([date]);
      expect(objects(reference, doc, iri('eli', 'passed_by')).map((t) => t.value)).toEqual([scheme.organisation('unga')]);
      expect(objects(reference, doc, iri('rdfs', 'seeAlso')).map((t) => t.value)).toEqual([`https://undocs.org/${symbol}`]);
    }
  });
});

describe('the JSON-LD context', () => {
  const document = JSON.parse(read(path.join(ONTOLOGY_DIR, 'context.jsonld'))) as { '@context': Record<string, unknown> };
  const context = document['@context'];

  it('is a JSON-LD 1.1 context with the project prefixes', () => {
    expect(context['@version']).toBe(1.1);
    for (const prefix of ['unkg', 'clause', 'eli', 'schema', 'skos', 'dcterms', 'prov', 'cito', 'org', 'sdgo', 'sdg'] as const) {
      expect(context[prefix]).toBe(NS[prefix]);
    }
  });

  it.each([
    ['cites', { '@id': 'eli:cites', '@type': '@id' }],
    ['mentions', { '@id': 'schema:mentions', '@type': '@id' }],
    ['text', { '@id': 'schema:text', '@container': '@language' }],
    ['prefLabel', { '@id': 'skos:prefLabel', '@container': '@language' }],
    ['dateDocument', { '@id': 'eli:date_document', '@type': 'xsd:date' }],
    ['isPartOf', { '@id': 'eli:is_part_of', '@type': '@id' }],
    ['verb', { '@id': 'unkg:verb', '@type': '@id' }],
    ['echoesTarget', { '@id': 'unkg:echoesTarget', '@type': '@id' }],
  ])('defines the term %s', (term, definition) => {
    expect(context[term]).toEqual(definition);
  });

  it('has a short term for every unkg: class and property', () => {
    const mapped = new Set(Object.values(context).map((d) => (typeof d === 'string' ? d : (d as { '@id'?: string })['@id'])));
    expect(declaredUnkgTerms.map((t) => `unkg:${t.slice(NS.unkg.length)}`).filter((t) => !mapped.has(t))).toEqual([]);
  });

  it('turns a JSON-LD paragraph written with its terms into the triples of the README', () => {
    const doc = 'https://w3id.org/unkg/eli/un/E/RES/2017/18';
    const jsonld = {
      ...document,
      '@id': `${doc}/pp/5`,
      type: ['LegalResourceSubdivision', 'PreambularParagraph'],
      isPartOf: doc,
      number: '5',
      position: 5,
      text: { fr: 'Conscient de la portée du Plan d\'action mondial' },
      clauseAct: { '@id': `${doc}/pp/5/act/1`, type: 'ClauseAct', verb: 'clause:aware', verbText: { fr: 'Conscient' }, startOffset: 0, endOffset: 9 },
      clauseVerb: 'clause:aware',
      cites: 'https://w3id.org/unkg/eli/un/A/RES/64/293',
      mentions: 'https://w3id.org/unkg/plan/global-plan-of-action-tip',
    };
    const turtle = `
      @prefix eli: <${NS.eli}> . @prefix unkg: <${NS.unkg}> . @prefix schema: <${NS.schema}> . @prefix clause: <${NS.clause}> .
      <${doc}/pp/5> a eli:LegalResourceSubdivision, unkg:PreambularParagraph ;
        eli:is_part_of <${doc}> ; eli:number "5" ; unkg:position 5 ;
        schema:text "Conscient de la portée du Plan d'action mondial"@fr ;
        unkg:clauseAct <${doc}/pp/5/act/1> ; unkg:clauseVerb clause:aware ;
        eli:cites <https://w3id.org/unkg/eli/un/A/RES/64/293> ;
        schema:mentions <https://w3id.org/unkg/plan/global-plan-of-action-tip> .
      <${doc}/pp/5/act/1> a unkg:ClauseAct ; unkg:verb clause:aware ; unkg:verbText "Conscient"@fr ;
        unkg:startOffset 0 ; unkg:endOffset 9 .`;
    const nquads = (input: string, format: string) => {
      const store = new OxigraphStore();
      store.load(input, { format });
      return store.dump({ format: 'application/n-quads' }).split('\n').filter(Boolean).sort();
    };
    expect(nquads(JSON.stringify(jsonld), 'application/ld+json')).toEqual(nquads(turtle, 'text/turtle'));
  });
});

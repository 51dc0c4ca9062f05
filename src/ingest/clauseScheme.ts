/** The clause-verb SKOS concept scheme, generated from the lexicon (ontology/clauses.ttl). */
import { DataFactory } from 'n3';
import type { Quad } from '@rdfjs/types';
import { CLAUSE_SCHEME_IRI, NS } from '../vocab';
import { CLAUSE_VERBS } from './lexicon/clauseVerbs';

const { namedNode, literal, quad } = DataFactory;

export function clauseSchemeQuads(): Quad[] {
  const out: Quad[] = [];
  const scheme = namedNode(CLAUSE_SCHEME_IRI);
  const t = (s: string, p: string, o: ReturnType<typeof namedNode> | ReturnType<typeof literal>) => out.push(quad(namedNode(s), namedNode(p), o));
  t(CLAUSE_SCHEME_IRI, `${NS.rdf}type`, namedNode(`${NS.skos}ConceptScheme`));
  t(CLAUSE_SCHEME_IRI, `${NS.skos}prefLabel`, literal('Clause verbs of UN resolutions', 'en'));
  t(CLAUSE_SCHEME_IRI, `${NS.skos}prefLabel`, literal('Verbes des clauses des résolutions des Nations Unies', 'fr'));
  t(
    CLAUSE_SCHEME_IRI,
    `${NS.dcterms}description`,
    literal(
      'The phrases that open preambular paragraphs (participles, adjectives) and operative paragraphs (verbs in the present indicative) of UN resolutions, with their French and English forms.',
      'en',
    ),
  );
  for (const kind of ['preambular', 'operative'] as const) {
    const col = `${CLAUSE_SCHEME_IRI}/${kind}`;
    t(col, `${NS.rdf}type`, namedNode(`${NS.skos}Collection`));
    t(col, `${NS.skos}prefLabel`, literal(kind === 'preambular' ? 'Preambular phrases' : 'Operative verbs', 'en'));
    t(col, `${NS.skos}prefLabel`, literal(kind === 'preambular' ? 'Formules du préambule' : 'Verbes du dispositif', 'fr'));
  }
  for (const v of CLAUSE_VERBS) {
    const c = NS.clause + v.slug;
    t(c, `${NS.rdf}type`, namedNode(`${NS.skos}Concept`));
    t(c, `${NS.rdf}type`, namedNode(`${NS.unkg}${v.kind === 'preambular' ? 'PreambularVerb' : 'OperativeVerb'}`));
    t(c, `${NS.skos}inScheme`, scheme);
    t(c, `${NS.skos}topConceptOf`, scheme);
    t(scheme.value, `${NS.skos}hasTopConcept`, namedNode(c));
    t(`${CLAUSE_SCHEME_IRI}/${v.kind}`, `${NS.skos}member`, namedNode(c));
    t(c, `${NS.skos}prefLabel`, literal(v.en, 'en'));
    t(c, `${NS.skos}prefLabel`, literal(v.fr, 'fr'));
    t(c, `${NS.skos}notation`, literal(v.slug));
    for (const lang of ['en', 'fr'] as const) {
      for (const f of v.forms[lang] ?? []) if (f !== (lang === 'en' ? v.en : v.fr)) t(c, `${NS.skos}altLabel`, literal(f, lang));
    }
    if (v.cito) t(c, `${NS.unkg}citationCharacterization`, namedNode(NS.cito + v.cito));
  }
  return out;
}

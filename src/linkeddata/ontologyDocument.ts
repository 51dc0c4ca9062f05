/** The ontology as published at its namespace IRI: the Turtle file itself, its other RDF
 *  serialisations, and a generated HTML documentation page listing every class and property
 *  of the unkg: namespace with its English and French labels and comments. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser, type Literal, type Quad } from 'n3';
import { NS, ONTOLOGY_IRI } from '../vocab';
import { DEFAULT_ONTOLOGY_DIR, type JsonLdContext } from './compactJsonLd';
import { escapeHtml, htmlDocument } from './html';
import type { RdfRepresentation } from './representations';
import { pickLiteral, prefixedName } from './labels';
import { serializeRdf } from './serializeRdf';

export const ONTOLOGY_FILE = 'unkg.ttl';

export interface OntologyDocument {
  /** The Turtle file, as written. */
  turtle: string;
  quads: Quad[];
  /** Every representation but Turtle and HTML, written on first request and kept. */
  serialise(mediaType: Exclude<RdfRepresentation, 'text/turtle'>): Promise<string>;
}

export function loadOntologyDocument(ontologyDir: string, context: JsonLdContext): OntologyDocument {
  // The ontology is the product's own: a data folder without it is served the shipped one.
  const file = existsSync(join(ontologyDir, ONTOLOGY_FILE)) ? join(ontologyDir, ONTOLOGY_FILE) : join(DEFAULT_ONTOLOGY_DIR, ONTOLOGY_FILE);
  const turtle = readFileSync(file, 'utf8');
  const quads = new Parser({ format: 'Turtle', baseIRI: ONTOLOGY_IRI }).parse(turtle);
  const written = new Map<string, Promise<string>>();
  return {
    turtle,
    quads,
    serialise(mediaType) {
      if (!written.has(mediaType)) written.set(mediaType, serializeRdf(quads, mediaType, context));
      return written.get(mediaType)!;
    },
  };
}

const RDF_TYPE = `${NS.rdf}type`;
const LABEL = `${NS.rdfs}label`;
const COMMENT = `${NS.rdfs}comment`;
/** Sections of the page: which rdf:types put a term in it. */
const SECTIONS: ReadonlyArray<{ id: string; title: string; types: string[] }> = [
  { id: 'classes', title: 'Classes', types: [`${NS.owl}Class`, `${NS.rdfs}Class`] },
  { id: 'object-properties', title: 'Object properties', types: [`${NS.owl}ObjectProperty`] },
  { id: 'datatype-properties', title: 'Datatype properties', types: [`${NS.owl}DatatypeProperty`] },
  { id: 'annotation-properties', title: 'Annotation properties', types: [`${NS.owl}AnnotationProperty`, `${NS.rdf}Property`] },
];
/** Shown in a term's heading and label rows rather than in its list of other facts. */
const SHOWN_APART = new Set([RDF_TYPE, LABEL, COMMENT, `${NS.rdfs}isDefinedBy`]);

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Link to a term: its section on this page for unkg: terms, else the term's own IRI. */
function termLink(iri: string): string {
  const name = escapeHtml(prefixedName(iri));
  if (iri.startsWith(NS.unkg)) return `<a href="#${escapeHtml(encodeURIComponent(iri.slice(NS.unkg.length)))}">${name}</a>`;
  if (/^https?:\/\//.test(iri)) return `<a href="${escapeHtml(iri)}">${name}</a>`;
  return name;
}

export function renderOntologyPage(ontology: OntologyDocument, languages: readonly string[]): string {
  const facts = new Map<string, Map<string, Quad['object'][]>>();
  for (const q of ontology.quads) {
    if (q.subject.termType !== 'NamedNode') continue;
    const byPredicate = facts.get(q.subject.value) ?? new Map();
    facts.set(q.subject.value, byPredicate);
    byPredicate.set(q.predicate.value, [...(byPredicate.get(q.predicate.value) ?? []), q.object]);
  }
  const literals = (s: string, p: string) => (facts.get(s)?.get(p) ?? []).filter((o): o is Literal => o.termType === 'Literal');
  const iris = (s: string, p: string) =>
    (facts.get(s)?.get(p) ?? [])
      .filter((o) => o.termType === 'NamedNode')
      .map((o) => o.value)
      .sort(byCodeUnits);
  const inLanguage = (s: string, p: string, lang: string) => literals(s, p).filter((l) => l.language === lang);
  const pick = (s: string, p: string) => pickLiteral(literals(s, p), languages);

  const termSection = (iri: string): string => {
    const local = iri.slice(NS.unkg.length);
    const rows: string[] = [];
    for (const lang of ['en', 'fr']) {
      const labels = inLanguage(iri, LABEL, lang);
      if (labels.length) rows.push(`<dt>Label (${lang})</dt><dd lang="${lang}">${labels.map((l) => escapeHtml(l.value)).join(', ')}</dd>`);
    }
    for (const lang of ['en', 'fr']) {
      const comments = inLanguage(iri, COMMENT, lang);
      if (comments.length) rows.push(`<dt>Comment (${lang})</dt><dd lang="${lang}">${comments.map((l) => escapeHtml(l.value)).join('<br>')}</dd>`);
    }
    const types = iris(iri, RDF_TYPE).filter((t) => !SECTIONS.some((s) => s.types.includes(t)));
    if (types.length) rows.push(`<dt>Characteristics</dt><dd>${types.map(termLink).join(', ')}</dd>`);
    for (const predicate of [...(facts.get(iri)?.keys() ?? [])].filter((p) => !SHOWN_APART.has(p)).sort(byCodeUnits)) {
      const values = [
        ...iris(iri, predicate).map(termLink),
        ...literals(iri, predicate).map((l) => `<span${l.language ? ` lang="${escapeHtml(l.language)}"` : ''}>${escapeHtml(l.value)}</span>`),
      ];
      rows.push(`<dt>${termLink(predicate)}</dt><dd>${values.join(', ')}</dd>`);
    }
    return `<section class="term" id="${escapeHtml(local)}"><h3><code>unkg:${escapeHtml(local)}</code> — ${escapeHtml(pick(iri, LABEL)?.value ?? local)}</h3><div class="iri">${escapeHtml(iri)}</div><dl class="term">${rows.join('')}</dl></section>`;
  };

  const own = [...facts.keys()].filter((iri) => iri.startsWith(NS.unkg) && iri.length > NS.unkg.length).sort(byCodeUnits);
  const placed = new Set<string>();
  const sections = SECTIONS.map((section) => {
    const terms = own.filter((iri) => !placed.has(iri) && iris(iri, RDF_TYPE).some((t) => section.types.includes(t)));
    for (const t of terms) placed.add(t);
    return { ...section, terms };
  }).filter((s) => s.terms.length > 0);
  const external = [...facts.keys()]
    .filter((iri) => !iri.startsWith(NS.unkg) && iri !== ONTOLOGY_IRI && facts.get(iri)!.has(`${NS.rdfs}isDefinedBy`))
    .sort(byCodeUnits);

  const title = pick(ONTOLOGY_IRI, `${NS.dcterms}title`);
  const description = pick(ONTOLOGY_IRI, `${NS.dcterms}description`);
  const version = pick(ONTOLOGY_IRI, `${NS.owl}versionInfo`)?.value;
  const body = `<h1${title?.language ? ` lang="${escapeHtml(title.language)}"` : ''}>${escapeHtml(title?.value ?? 'Ontology')}</h1>
<div class="iri">${escapeHtml(ONTOLOGY_IRI)}${version ? ` · version ${escapeHtml(version)}` : ''}</div>
<p class="formats"><a href="/ontology?format=ttl" type="text/turtle">Turtle</a><a href="/ontology?format=jsonld" type="application/ld+json">JSON-LD</a><a href="/ontology?format=nt" type="application/n-triples">N-Triples</a><a href="/ontology?format=rdf" type="application/rdf+xml">RDF/XML</a><a href="/clause">Clause verbs</a></p>
${description ? `<p${description.language ? ` lang="${escapeHtml(description.language)}"` : ''}>${escapeHtml(description.value)}</p>` : ''}
<nav><ul>${sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a> (${s.terms.length})</li>`).join('')}${external.length ? `<li><a href="#external">External terms used</a> (${external.length})</li>` : ''}</ul></nav>
${sections.map((s) => `<h2 id="${s.id}">${escapeHtml(s.title)}</h2>\n${s.terms.map(termSection).join('\n')}`).join('\n')}
${external.length ? `<h2 id="external">External terms used</h2><p class="muted">Declared in the ontology file as stubs, each defined by its own vocabulary.</p><ul>${external.map((iri) => `<li>${termLink(iri)} <span class="muted">(${iris(iri, `${NS.rdfs}isDefinedBy`).map(escapeHtml).join(', ')})</span></li>`).join('')}</ul>` : ''}`;
  return htmlDocument({ title: `${title?.value ?? 'Ontology'} — UN resolutions knowledge graph`, lang: title?.language || 'en', body });
}

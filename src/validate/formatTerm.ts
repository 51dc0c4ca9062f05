import type { DatasetCore, Term } from '@rdfjs/types';
import { NS } from '../vocab';

/** Namespace of the shapes in ontology/shapes.ttl. */
export const SHAPES_NS = 'https://w3id.org/unkg/shapes#';

/** Literals longer than this are shortened in reports: a paragraph text would drown the line. */
export const MAX_LITERAL_LENGTH = 60;

const PREFIXES: ReadonlyArray<[string, string]> = Object.entries({ ...NS, unkgsh: SHAPES_NS })
  // Longest namespace first, so `sdgo:` wins over `sdg:`.
  .sort(([, a], [, b]) => b.length - a.length);

/** A Turtle local name without escapes (PN_LOCAL may start with a digit: `sdg:5.2`). */
const LOCAL_NAME = /^[\w][\w.-]*$/;

/** An IRI as a prefixed name when a project prefix covers it, else `<iri>`. */
export function compactIri(iri: string): string {
  for (const [prefix, ns] of PREFIXES) {
    if (iri.startsWith(ns)) {
      const local = iri.slice(ns.length);
      if (LOCAL_NAME.test(local) && !local.endsWith('.')) return `${prefix}:${local}`;
    }
  }
  return `<${iri}>`;
}

/** A term in Turtle-like notation, literals shortened to MAX_LITERAL_LENGTH characters. */
export function formatTerm(term: Term): string {
  switch (term.termType) {
    case 'NamedNode':
      return compactIri(term.value);
    case 'BlankNode':
      return `_:${term.value}`;
    case 'Literal': {
      const text = term.value.length > MAX_LITERAL_LENGTH ? `${term.value.slice(0, MAX_LITERAL_LENGTH - 1)}…` : term.value;
      const quoted = JSON.stringify(text);
      if (term.language) return `${quoted}@${term.language}`;
      if (term.datatype.value === `${NS.xsd}string`) return quoted;
      return `${quoted}^^${compactIri(term.datatype.value)}`;
    }
    default:
      return term.value;
  }
}

const SH = NS.sh;
const RDF = NS.rdf;
const UNARY_PATHS: ReadonlyArray<[string, string]> = [
  [`${SH}zeroOrMorePath`, '*'],
  [`${SH}oneOrMorePath`, '+'],
  [`${SH}zeroOrOnePath`, '?'],
];

/** A SHACL property path (an IRI, or the blank-node structure describing it in `graph`)
 *  in SPARQL property-path syntax. */
export function formatPath(path: Term, graph: DatasetCore): string {
  if (path.termType !== 'BlankNode') return formatTerm(path);
  const objectOf = (predicate: string): Term | undefined => {
    for (const quad of graph.match(path, null, null)) if (quad.predicate.value === predicate) return quad.object;
    return undefined;
  };
  const inverse = objectOf(`${SH}inversePath`);
  if (inverse) return `^${group(inverse, graph)}`;
  const alternatives = objectOf(`${SH}alternativePath`);
  if (alternatives)
    return `(${listItems(alternatives, graph)
      .map((p) => formatPath(p, graph))
      .join(' | ')})`;
  for (const [predicate, modifier] of UNARY_PATHS) {
    const inner = objectOf(predicate);
    if (inner) return `${group(inner, graph)}${modifier}`;
  }
  if (objectOf(`${RDF}first`))
    return listItems(path, graph)
      .map((p) => group(p, graph))
      .join('/');
  return formatTerm(path);
}

/** A path operand: sequences need parentheses under `^`, `*`, `+`, `?` and inside sequences. */
function group(path: Term, graph: DatasetCore): string {
  const text = formatPath(path, graph);
  const isSequence = path.termType === 'BlankNode' && [...graph.match(path, null, null)].some((q) => q.predicate.value === `${RDF}first`);
  return isSequence ? `(${text})` : text;
}

function listItems(head: Term, graph: DatasetCore): Term[] {
  const items: Term[] = [];
  let node: Term | undefined = head;
  while (node && node.value !== `${RDF}nil`) {
    let first: Term | undefined;
    let rest: Term | undefined;
    for (const quad of graph.match(node, null, null)) {
      if (quad.predicate.value === `${RDF}first`) first = quad.object;
      else if (quad.predicate.value === `${RDF}rest`) rest = quad.object;
    }
    if (!first) break;
    items.push(first);
    node = rest;
  }
  return items;
}

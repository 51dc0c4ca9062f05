/** Put parameter values into a named query as RDF terms, the grlc way: every occurrence of the
 *  variable becomes the term. The query is parsed once (sparqljs), the terms are placed in its
 *  syntax tree and the text is generated from the tree, so a value is always one term, escaped
 *  by the generator: nothing in it (quotes, braces, `$&`, `$'`) can change the query around it. */
import { DataFactory as factory, type Literal, type NamedNode } from 'n3';
import { Generator, Parser, type SparqlQuery } from 'sparqljs';
import { isAbsoluteIri } from '../vocab';
import type { NamedQuery, QueryParameter } from './NamedQuery';

export class ParameterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParameterError';
  }
}

const XSD = 'http://www.w3.org/2001/XMLSchema#';

type Term = NamedNode | Literal;

function term(p: QueryParameter, value: string): Term {
  switch (p.type) {
    case 'iri':
      if (!isAbsoluteIri(value)) throw new ParameterError(`parameter "${p.name}" must be an absolute IRI, got "${value}"`);
      return factory.namedNode(value);
    case 'integer':
      if (!/^[+-]?\d+$/.test(value)) throw new ParameterError(`parameter "${p.name}" must be an integer, got "${value}"`);
      return factory.literal(value, factory.namedNode(`${XSD}integer`));
    case 'number':
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value)) throw new ParameterError(`parameter "${p.name}" must be a number, got "${value}"`);
      return factory.literal(value, factory.namedNode(`${XSD}${/[eE]/.test(value) ? 'double' : value.includes('.') ? 'decimal' : 'integer'}`));
    default:
      return p.language ? factory.literal(value, p.language) : factory.literal(value);
  }
}

/** The parsed form of each named query, made once. */
const parsed = new WeakMap<NamedQuery, SparqlQuery>();

function syntaxTree(q: NamedQuery): SparqlQuery {
  let tree = parsed.get(q);
  if (!tree) {
    tree = new Parser().parse(q.sparql);
    parsed.set(q, tree);
  }
  return tree;
}

const isVariable = (node: unknown, names: ReadonlyMap<string, Term>): node is { termType: 'Variable'; value: string } =>
  typeof node === 'object' && node !== null && (node as { termType?: string }).termType === 'Variable' && names.has((node as { value: string }).value);

/** A copy of the tree with the variables replaced by their terms. A replaced variable the query
 *  projects stays in the results as `(term AS ?variable)`. */
function substitute(node: unknown, terms: ReadonlyMap<string, Term>, key?: string): unknown {
  if (Array.isArray(node)) {
    if (key === 'variables') {
      return node.map((item) => (isVariable(item, terms) ? { expression: terms.get(item.value), variable: item } : substitute(item, terms)));
    }
    return node.map((item) => substitute(item, terms));
  }
  if (isVariable(node, terms)) return terms.get(node.value);
  if (typeof node !== 'object' || node === null || (node as { termType?: string }).termType) return node;
  return Object.fromEntries(Object.entries(node).map(([name, value]) => [name, substitute(value, terms, name)]));
}

/** Names a request may give besides the query's own parameters. */
export interface BindOptions {
  /** Further parameter names the caller handles itself (e.g. "format"). */
  alsoKnown?: readonly string[];
}

/** The query text with the given values (defaults for the missing ones). An optional parameter
 *  without value stays an unbound variable. A name the query does not define is refused,
 *  naming the ones it does. */
export function bindParameters(q: NamedQuery, values: Record<string, string | undefined>, { alsoKnown = [] }: BindOptions = {}): string {
  const known = [...q.parameters.map((p) => p.name), ...alsoKnown];
  const unknown = Object.keys(values).filter((name) => !known.includes(name));
  if (unknown.length) {
    const list = (names: string[]) => names.map((name) => `"${name}"`).join(', ');
    throw new ParameterError(
      `unknown parameter${unknown.length > 1 ? 's' : ''} ${list(unknown)}; ${known.length ? `this query takes ${list(known)}` : 'this query takes no parameters'}`,
    );
  }
  const terms = new Map<string, Term>();
  for (const p of q.parameters) {
    const value = values[p.name] ?? p.default;
    if (value === undefined || value === '') {
      if (p.required) throw new ParameterError(`parameter "${p.name}" is required`);
      continue;
    }
    terms.set(p.variable, term(p, value));
  }
  if (!terms.size) return q.sparql;
  return new Generator().stringify(substitute(syntaxTree(q), terms) as SparqlQuery) + '\n';
}

import type { DatasetCore, Quad, Term } from '@rdfjs/types';
import { DataFactory, Writer } from 'n3';
import { Store as SparqlStore } from 'oxigraph';
import { Generator, Parser, type Pattern, type SelectQuery } from 'sparqljs';
import { createEngine, finishLoading } from '../graph';
import { NS } from '../vocab';
import { formatTerm } from './formatTerm';
import type { Severity, ValidationResult } from './ValidationReport';

/** SHACL-SPARQL constraints (sh:sparql with sh:select, SHACL §5) on node shapes, which the
 *  SHACL Core engine (rdf-validate-shacl) does not implement.
 *
 *  The focus nodes are bound by joining the shape's targets into the query (for sh:targetClass,
 *  `$this rdf:type/rdfs:subClassOf* C`) rather than by running the query once per node: one
 *  query per target, evaluated by the SPARQL engine. This equals SHACL's pre-binding of $this
 *  for queries without sub-selects, MINUS or nested groups that use $this in isolation, which
 *  is what the project's shapes contain. */

const SH = NS.sh;
const SPARQL_CONSTRAINT_COMPONENT = DataFactory.namedNode(`${SH}SPARQLConstraintComponent`);
const TRUE = 'true';

interface SparqlConstraint {
  shape: Term;
  select: string;
  prefixes: Record<string, string>;
  messages: Term[];
  severity: Severity;
}

export function evaluateSparqlConstraints(data: Iterable<Quad>, shapes: DatasetCore): ValidationResult[] {
  const constraints = sparqlConstraintsOf(shapes);
  if (constraints.length === 0) return [];
  const store = loadIntoSparqlStore(data);
  const seen = new Set<string>();
  const results: ValidationResult[] = [];
  for (const constraint of constraints) {
    for (const target of targetPatternsOf(constraint.shape, shapes)) {
      for (const solution of select(store, withTarget(constraint, target))) {
        const result = toResult(constraint, solution);
        const key = [result.sourceShape.value, result.focusNode.value, result.value?.value, result.message].join('\u0000');
        if (!seen.has(key)) {
          seen.add(key);
          results.push(result);
        }
      }
    }
  }
  return results;
}

function sparqlConstraintsOf(shapes: DatasetCore): SparqlConstraint[] {
  const constraints: SparqlConstraint[] = [];
  for (const { subject: shape, object: node } of shapes.match(null, iri(`${SH}sparql`), null)) {
    if (isDeactivated(shape, shapes) || isDeactivated(node, shapes)) continue;
    if (objects(shapes, shape, `${SH}path`).length > 0) {
      throw new Error(`SPARQL constraints on property shapes are not supported (shape ${formatTerm(shape)})`);
    }
    const select = objects(shapes, node, `${SH}select`)[0];
    if (!select) throw new Error(`SPARQL constraint of shape ${formatTerm(shape)} has no sh:select`);
    const severity = objects(shapes, shape, `${SH}severity`)[0];
    constraints.push({
      shape,
      select: select.value,
      prefixes: prefixesOf(node, shapes),
      messages: [...objects(shapes, node, `${SH}message`), ...objects(shapes, shape, `${SH}message`)],
      severity: severity ? (localName(severity.value) as Severity) : 'Violation',
    });
  }
  return constraints;
}

/** sh:prefixes → sh:declare [ sh:prefix; sh:namespace ] (SHACL §5.2.1). */
function prefixesOf(constraint: Term, shapes: DatasetCore): Record<string, string> {
  const prefixes: Record<string, string> = {};
  for (const owner of objects(shapes, constraint, `${SH}prefixes`)) {
    for (const declaration of objects(shapes, owner, `${SH}declare`)) {
      const prefix = objects(shapes, declaration, `${SH}prefix`)[0];
      const namespace = objects(shapes, declaration, `${SH}namespace`)[0];
      if (prefix && namespace) prefixes[prefix.value] = namespace.value;
    }
  }
  return prefixes;
}

/** One graph pattern binding ?this per target declaration of the shape. */
function targetPatternsOf(shape: Term, shapes: DatasetCore): string[] {
  const patterns: string[] = [];
  const classTarget = (cls: Term) => `?this <${NS.rdf}type>/<${NS.rdfs}subClassOf>* ${sparqlTerm(cls)}`;
  for (const cls of objects(shapes, shape, `${SH}targetClass`)) patterns.push(classTarget(cls));
  if (shapes.match(shape, iri(`${NS.rdf}type`), iri(`${NS.rdfs}Class`)).size > 0) patterns.push(classTarget(shape));
  for (const node of objects(shapes, shape, `${SH}targetNode`)) patterns.push(`VALUES ?this { ${sparqlTerm(node)} }`);
  for (const p of objects(shapes, shape, `${SH}targetSubjectsOf`)) patterns.push(`?this ${sparqlTerm(p)} ?targetObject`);
  for (const p of objects(shapes, shape, `${SH}targetObjectsOf`)) patterns.push(`?targetSubject ${sparqlTerm(p)} ?this`);
  return patterns;
}

function withTarget(constraint: SparqlConstraint, targetPattern: string): string {
  const parser = new Parser({ prefixes: constraint.prefixes });
  const query = parser.parse(constraint.select);
  if (query.type !== 'query' || query.queryType !== 'SELECT') {
    throw new Error(`sh:select of shape ${formatTerm(constraint.shape)} is not a SELECT query`);
  }
  const target = (new Parser().parse(`SELECT * WHERE { ${targetPattern} }`) as SelectQuery).where as Pattern[];
  query.where = [...target, ...(query.where ?? [])];
  return new Generator().stringify(query);
}

function select(store: SparqlStore, query: string): Array<Map<string, Term>> {
  return store.query(query) as unknown as Array<Map<string, Term>>;
}

function toResult(constraint: SparqlConstraint, solution: Map<string, Term>): ValidationResult {
  const bound = (name: string) => {
    const term = solution.get(name);
    return term ? fromEngineTerm(term) : undefined;
  };
  if (bound('failure')?.value === TRUE) {
    throw new Error(`SPARQL constraint of shape ${formatTerm(constraint.shape)} reported a failure`);
  }
  const focusNode = bound('this');
  if (!focusNode) throw new Error(`SPARQL constraint of shape ${formatTerm(constraint.shape)} lost the binding of $this`);
  const path = bound('path');
  const value = bound('value');
  return {
    severity: constraint.severity,
    focusNode,
    ...(path ? { path: formatTerm(path) } : {}),
    ...(value ? { value } : {}),
    message: bound('message')?.value ?? fillTemplate(pickMessage(constraint.messages), bound),
    sourceShape: constraint.shape,
    sourceConstraintComponent: SPARQL_CONSTRAINT_COMPONENT,
  };
}

/** English message first, then one without a language tag, then any. */
function pickMessage(messages: Term[]): string {
  const byLanguage = (lang: string) => messages.find((m) => m.termType === 'Literal' && m.language === lang);
  return (byLanguage('en') ?? byLanguage('') ?? messages[0])?.value ?? 'The SPARQL constraint is violated.';
}

/** SHACL message templates: {$var} and {?var} are replaced by the solution's bindings. */
function fillTemplate(template: string, bound: (name: string) => Term | undefined): string {
  return template.replace(/\{[$?]([A-Za-z_][\w]*)\}/g, (placeholder, name: string) => {
    const term = bound(name);
    return term ? formatTerm(term) : placeholder;
  });
}

/** Bulk-load the data (one N-Quads document, never quad by quad). Queries read the merge of
 *  its graphs (each triple once), as the SHACL Core engine does. */
function loadIntoSparqlStore(data: Iterable<Quad>): SparqlStore {
  const store = createEngine();
  store.load(new Writer({ format: 'N-Quads' }).quadsToString([...data]), { format: 'application/n-quads' });
  finishLoading(store);
  return store;
}

function fromEngineTerm(term: Term): Term {
  switch (term.termType) {
    case 'NamedNode':
      return DataFactory.namedNode(term.value);
    case 'BlankNode':
      return DataFactory.blankNode(term.value);
    case 'Literal':
      return DataFactory.literal(term.value, term.language || DataFactory.namedNode(term.datatype.value));
    default:
      throw new Error(`unexpected ${term.termType} in a SPARQL constraint solution`);
  }
}

function sparqlTerm(term: Term): string {
  if (term.termType === 'NamedNode') return `<${term.value}>`;
  if (term.termType === 'Literal') {
    const lexical = JSON.stringify(term.value);
    return term.language ? `${lexical}@${term.language}` : `${lexical}^^<${term.datatype.value}>`;
  }
  throw new Error(`a ${term.termType} cannot appear in a SHACL target`);
}

function isDeactivated(node: Term, shapes: DatasetCore): boolean {
  return objects(shapes, node, `${SH}deactivated`).some((t) => t.value === TRUE);
}

function objects(graph: DatasetCore, subject: Term, predicate: string): Term[] {
  return [...graph.match(subject, iri(predicate), null)].map((q) => q.object);
}

function iri(value: string) {
  return DataFactory.namedNode(value);
}

function localName(value: string): string {
  return value.slice(value.lastIndexOf('#') + 1);
}

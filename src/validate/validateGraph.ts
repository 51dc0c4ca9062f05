import type { DatasetCore, Quad, Term } from '@rdfjs/types';
import { Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { NS } from '../vocab';
import { formatPath } from './formatTerm';
import { loadShapes } from './loadShapes';
import { evaluateSparqlConstraints } from './sparqlConstraints';
import type { Severity, ValidationReport, ValidationResult } from './ValidationReport';

const SH_SPARQL = `${NS.sh}sparql`;

/** Validate RDF data against SHACL shapes (ontology/shapes.ttl unless `shapes` is given):
 *  SHACL Core with rdf-validate-shacl, then the shapes' SHACL-SPARQL constraints.
 *
 *  `data` is any RDF/JS dataset (an N3.Store, a DatasetCore) or an iterable of quads. Its
 *  graphs are validated as one data graph, their union: a resolution graph, the clause-verb
 *  scheme and the reference data may sit in different named graphs. Results are sorted by
 *  focus node, then path, then message, so reports are stable. */
export async function validateGraph(data: Iterable<Quad>, shapes?: DatasetCore): Promise<ValidationReport> {
  const shapesGraph = shapes ?? (await loadShapes());
  const dataGraph = unionGraph(data);
  const core = await new SHACLValidator(withoutSparqlConstraints(shapesGraph)).validate(dataGraph);
  const results = [...core.results.map((result) => fromCoreResult(result, core.dataset)), ...evaluateSparqlConstraints(dataGraph, shapesGraph)].sort(
    byFocusPathMessage,
  );
  return { conforms: results.length === 0, results };
}

/** All quads in the default graph of one store: set semantics across the input's graphs. */
function unionGraph(data: Iterable<Quad>): Store {
  const store = new Store();
  for (const quad of data) store.addQuad(quad.subject, quad.predicate, quad.object);
  return store;
}

/** The shapes as the SHACL Core engine takes them: it rejects sh:sparql, which
 *  evaluateSparqlConstraints handles. */
function withoutSparqlConstraints(shapes: DatasetCore): Store {
  const core = new Store();
  for (const quad of shapes.match(null, null, null)) {
    if (quad.predicate.value !== SH_SPARQL) core.addQuad(quad);
  }
  return core;
}

interface CoreResult {
  severity: Term;
  focusNode: Term;
  path: Term | null;
  value: Term | null;
  message: Term[];
  sourceShape: Term;
  sourceConstraintComponent: Term;
}

function fromCoreResult(result: CoreResult, reportGraph: DatasetCore): ValidationResult {
  const component = result.sourceConstraintComponent;
  const message = result.message.find((m) => m.termType === 'Literal' && (m.language === 'en' || m.language === '')) ?? result.message[0];
  return {
    severity: result.severity.value.slice(NS.sh.length) as Severity,
    focusNode: result.focusNode,
    ...(result.path ? { path: formatPath(result.path, reportGraph) } : {}),
    ...(result.value ? { value: result.value } : {}),
    message: message?.value ?? `${component.value.slice(NS.sh.length)} is not satisfied.`,
    sourceShape: result.sourceShape,
    sourceConstraintComponent: component,
  };
}

/** Code-point order, independent of the locale the process runs in. */
function byFocusPathMessage(a: ValidationResult, b: ValidationResult): number {
  return compare(a.focusNode.value, b.focusNode.value) || compare(a.path ?? '', b.path ?? '') || compare(a.message, b.message);
}

const compare = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** Turn a chosen, ordered set of resources into a VizGraph: their types, labels, degrees,
 *  literal values and the triples between them, fetched in VALUES batches (a handful of
 *  queries whatever the number of nodes). */
import { VALUES_BATCH_SIZE, type GraphStore, type SparqlJsonTerm } from '../graph';
import { NS } from '../vocab';
import { byCodeUnits } from './byCodeUnits';
import { ATTRIBUTE_TEXT_MAX_LENGTH, LITERAL_LABEL_MAX_LENGTH, MAX_SUBDIVISION_NESTING } from './limits';
import { RESERVED_ATTRIBUTE_KEYS, edgeId, literalNodeId, type VizEdge, type VizGraph, type VizNode } from './model';
import { nodeKind } from './nodeKind';
import { pickByLanguage } from './pickByLanguage';
import { localName, predicateLabel } from './predicateLabel';
import { batches, valuesClause } from './sparqlTerms';

/** All a graph view needs of a store: SPARQL SELECT. */
export type SelectStore = Pick<GraphStore, 'select'>;

/** Options every graph view shares. */
export interface GraphViewOptions {
  /** The largest number of nodes returned, literal nodes included. */
  limit: number;
  /** Preferred label languages, best first. */
  lang: readonly string[];
  /** Literal values as node attributes (default) or as nodes of their own. */
  literals: 'attributes' | 'nodes';
}

export interface BuildOptions extends GraphViewOptions {
  /** When given, only triples with these predicates become edges between resources
   *  (literal values are kept whatever their predicate, like attributes). */
  predicates?: readonly string[];
}

const RDF_TYPE = `${NS.rdf}type`;
const IS_PART_OF = `${NS.eli}is_part_of`;
const NUMBER = `${NS.eli}number`;

/** Label sources, best first. */
const LABEL_PREDICATES = [`${NS.skos}prefLabel`, `${NS.rdfs}label`, `${NS.eli}id_local`, `${NS.dcterms}title`];
/** Predicates that only name a node: they give its label and are not repeated as attributes. */
const NAME_PREDICATES = new Set([`${NS.skos}prefLabel`, `${NS.rdfs}label`]);

/** "pp/5", "op/2", "fn/1": the short names of numbered subdivisions. */
const SUBDIVISION_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  [`${NS.unkg}PreambularParagraph`, 'pp'],
  [`${NS.unkg}OperativeParagraph`, 'op'],
  [`${NS.unkg}Footnote`, 'fn'],
];
const SUB_PARAGRAPH = `${NS.unkg}SubParagraph`;

const NUMERIC_DATATYPES = new Set(
  [
    'integer',
    'decimal',
    'double',
    'float',
    'int',
    'long',
    'short',
    'byte',
    'nonNegativeInteger',
    'positiveInteger',
    'negativeInteger',
    'nonPositiveInteger',
    'unsignedInt',
    'unsignedLong',
    'unsignedShort',
    'unsignedByte',
  ].map((t) => `${NS.xsd}${t}`),
);

interface LiteralTriple {
  predicate: string;
  term: SparqlJsonTerm;
}
interface Description {
  types: string[];
  literals: LiteralTriple[];
  links: Array<{ predicate: string; object: string }>;
}

/** Datatypes that say nothing beyond the literal's form: a simple literal is an xsd:string,
 *  a tagged one an rdf:langString, whether or not a store writes the datatype out. */
const IMPLICIT_DATATYPES = new Set([`${NS.xsd}string`, `${NS.rdf}langString`]);

/** The literal without an implicit datatype, so the same literal reads the same from
 *  every store. */
function normaliseLiteral(term: SparqlJsonTerm): SparqlJsonTerm {
  if (term.datatype === undefined || !IMPLICIT_DATATYPES.has(term.datatype)) return term;
  const { datatype: _implicit, ...rest } = term;
  return rest;
}

/** N-Triples-like key of a literal, unique per value, language and datatype. */
const literalKey = (t: SparqlJsonTerm): string => JSON.stringify(t.value) + (t['xml:lang'] ? `@${t['xml:lang']}` : t.datatype ? `^^<${t.datatype}>` : '');

const shorten = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Outgoing triples of each resource. */
async function describe(store: SelectStore, iris: readonly string[]): Promise<Map<string, Description>> {
  const out = new Map<string, Description>(iris.map((iri) => [iri, { types: [], literals: [], links: [] }]));
  for (const batch of batches(iris, VALUES_BATCH_SIZE)) {
    const result = await store.select(`SELECT DISTINCT ?s ?p ?o WHERE { ${valuesClause('s', batch)} ?s ?p ?o }`);
    for (const { s, p, o } of result.results.bindings) {
      const d = out.get(s.value);
      if (!d) continue;
      if (o.type === 'literal') d.literals.push({ predicate: p.value, term: normaliseLiteral(o) });
      else if (o.type === 'uri') {
        if (p.value === RDF_TYPE) d.types.push(o.value);
        else d.links.push({ predicate: p.value, object: o.value });
      }
    }
  }
  for (const d of out.values()) {
    d.types.sort(byCodeUnits);
    d.literals.sort((a, b) => byCodeUnits(a.predicate, b.predicate) || byCodeUnits(literalKey(a.term), literalKey(b.term)));
    d.links.sort((a, b) => byCodeUnits(a.predicate, b.predicate) || byCodeUnits(a.object, b.object));
  }
  return out;
}

/** Triples touching each resource: as subject with an IRI object, or as object. */
async function degrees(store: SelectStore, iris: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>(iris.map((iri) => [iri, 0]));
  for (const batch of batches(iris, VALUES_BATCH_SIZE)) {
    const result = await store.select(
      `SELECT ?n (COUNT(*) AS ?degree) WHERE { ${valuesClause('n', batch)} { ?n ?p ?o FILTER(isIRI(?o)) } UNION { ?s ?p ?n } } GROUP BY ?n`,
    );
    for (const { n, degree } of result.results.bindings) out.set(n.value, Number(degree.value));
  }
  return out;
}

const firstLink = (d: Description | undefined, predicate: string): string | undefined => d?.links.find((l) => l.predicate === predicate)?.object;

/** Describe the enclosing paragraphs of sub-paragraphs whose parents are not among the
 *  nodes, so their labels can be built ("pp/6/a"). */
async function describeEnclosing(store: SelectStore, described: Map<string, Description>): Promise<Map<string, Description>> {
  const all = new Map(described);
  let pending = [...described.values()];
  for (let level = 0; level < MAX_SUBDIVISION_NESTING && pending.length > 0; level++) {
    const missing = [
      ...new Set(
        pending
          .filter((d) => d.types.includes(SUB_PARAGRAPH))
          .map((d) => firstLink(d, IS_PART_OF))
          .filter((p): p is string => p !== undefined && !all.has(p)),
      ),
    ];
    if (missing.length === 0) break;
    const fetched = await describe(store, missing);
    for (const [iri, d] of fetched) all.set(iri, d);
    pending = [...fetched.values()];
  }
  return all;
}

function subdivisionLabel(iri: string, all: Map<string, Description>, nesting = 0): string | undefined {
  const d = all.get(iri);
  const number = d?.literals.find((l) => l.predicate === NUMBER)?.term.value;
  if (!d || number === undefined) return undefined;
  for (const [type, prefix] of SUBDIVISION_PREFIXES) if (d.types.includes(type)) return `${prefix}/${number}`;
  if (d.types.includes(SUB_PARAGRAPH)) {
    const parent = firstLink(d, IS_PART_OF);
    const parentLabel = parent !== undefined && nesting < MAX_SUBDIVISION_NESTING ? subdivisionLabel(parent, all, nesting + 1) : undefined;
    return parentLabel !== undefined ? `${parentLabel}/${number}` : number;
  }
  return undefined;
}

function label(iri: string, all: Map<string, Description>, lang: readonly string[]): string {
  const d = all.get(iri);
  for (const predicate of LABEL_PREDICATES) {
    const pick = pickByLanguage(d?.literals.filter((l) => l.predicate === predicate).map((l) => l.term) ?? [], lang);
    if (pick) return pick.value;
  }
  return subdivisionLabel(iri, all) ?? localName(iri);
}

/** The longest known namespace prefix of an IRI ('eli' for eli:title). */
function prefixOf(iri: string): string | undefined {
  let best: [string, string] | undefined;
  for (const [prefix, ns] of Object.entries(NS)) if (iri.startsWith(ns) && (!best || ns.length > best[1].length)) best = [prefix, ns];
  return best?.[0];
}

/** Attribute names: the predicate's local name, qualified by its prefix when the local name
 *  is reserved or already taken by another predicate of the same node. */
function attributeName(predicate: string, taken: ReadonlySet<string>): string {
  const local = localName(predicate).replace(/[^A-Za-z0-9_-]/g, '_');
  if (!RESERVED_ATTRIBUTE_KEYS.has(local) && !taken.has(local)) return local;
  return `${prefixOf(predicate) ?? 'ns'}_${local}`;
}

function literalValue(term: SparqlJsonTerm): string | number {
  if (term.datatype !== undefined && NUMERIC_DATATYPES.has(term.datatype)) {
    const n = Number(term.value);
    if (Number.isFinite(n)) return n;
  }
  return shorten(term.value, ATTRIBUTE_TEXT_MAX_LENGTH);
}

/** One value per literal predicate, chosen by language preference. */
function attributes(d: Description, lang: readonly string[]): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  const predicates = [...new Set(d.literals.map((l) => l.predicate))].filter((p) => !NAME_PREDICATES.has(p));
  for (const predicate of predicates) {
    const pick = pickByLanguage(
      d.literals.filter((l) => l.predicate === predicate).map((l) => l.term),
      lang,
    );
    if (pick) out[attributeName(predicate, new Set(Object.keys(out)))] = literalValue(pick);
  }
  return out;
}

/** Build the graph of `iris` (in the given order, already within the node limit). */
export async function buildVizGraph(
  store: SelectStore,
  iris: readonly string[],
  view: { root?: string; truncated: boolean },
  options: BuildOptions,
): Promise<VizGraph> {
  const described = await describe(store, iris);
  const all = await describeEnclosing(store, described);
  const degree = await degrees(store, iris);
  const members = new Set(iris);
  const keep = options.predicates ? new Set(options.predicates) : undefined;

  const nodes: VizNode[] = iris.map((iri) => {
    const d = described.get(iri)!;
    const node: VizNode = {
      id: iri,
      label: label(iri, all, options.lang),
      type: nodeKind(iri, d.types),
      types: d.types,
      degree: degree.get(iri) ?? 0,
      attributes: options.literals === 'attributes' ? attributes(d, options.lang) : {},
    };
    const parent = firstLink(d, IS_PART_OF);
    if (parent !== undefined && parent !== iri && members.has(parent)) node.parent = parent;
    return node;
  });

  const edges: VizEdge[] = [];
  for (const iri of iris) {
    for (const { predicate, object } of described.get(iri)!.links) {
      if (!members.has(object) || (keep && !keep.has(predicate))) continue;
      edges.push({ id: edgeId(iri, predicate, object), source: iri, target: object, predicate, label: predicateLabel(predicate) });
    }
  }

  let truncated = view.truncated;
  if (options.literals === 'nodes') {
    let room = options.limit - nodes.length;
    for (const iri of iris) {
      for (const { predicate, term } of described.get(iri)!.literals) {
        if (NAME_PREDICATES.has(predicate)) continue;
        if (room <= 0) {
          truncated = true;
          continue;
        }
        room--;
        const key = literalKey(term);
        const id = literalNodeId(iri, predicate, key);
        const attrs: Record<string, string | number> = { value: literalValue(term) };
        if (term['xml:lang']) attrs.language = term['xml:lang'];
        if (term.datatype) attrs.datatype = term.datatype;
        nodes.push({ id, label: shorten(term.value, LITERAL_LABEL_MAX_LENGTH), type: 'literal', types: [], degree: 1, attributes: attrs });
        edges.push({ id: edgeId(iri, predicate, key), source: iri, target: id, predicate, label: predicateLabel(predicate) });
      }
    }
  }

  return { nodes, edges, truncated, ...(view.root !== undefined ? { root: view.root } : {}) };
}

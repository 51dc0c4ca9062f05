/** The neutral graph every visualisation export is written from: nodes are RDF resources
 *  (or, on request, literal values), edges are the triples between them. Ids are stable:
 *  the same store content gives the same ids on every call. */
import { createHash } from 'node:crypto';
import { READER_KINDS, type ReaderKind } from '../vocab';

/** The short kind of a node, which drives its colour, shape and legend entry: the reader's kind
 *  (src/vocab/readerKind.ts) with the preamble and the operative part merged into 'paragraph',
 *  and literal values. */
export type NodeKind = Exclude<ReaderKind, 'operative' | 'preambular'> | 'literal';

/** In legend order: the reader's kinds, then literals, then the rest. */
export const NODE_KINDS: readonly NodeKind[] = [
  ...READER_KINDS.filter(
    (kind): kind is Exclude<ReaderKind, 'operative' | 'preambular' | 'other'> => kind !== 'operative' && kind !== 'preambular' && kind !== 'other',
  ),
  'literal',
  'other',
];

export interface VizNode {
  /** The resource's IRI; for a literal node, a `literal:` id derived from its triple. */
  id: string;
  label: string;
  type: NodeKind;
  /** rdf:type IRIs, sorted. */
  types: string[];
  /** Triples touching the node in the whole store (as subject with an IRI object, or as
   *  object), whether or not they made it into this graph. */
  degree: number;
  /** Literal values keyed by a short name (the predicate's local name). */
  attributes: Record<string, string | number>;
  /** The node this one is grouped inside (a paragraph inside its resolution); always a
   *  node of the same graph. */
  parent?: string;
}

export interface VizEdge {
  /** {@link edgeId} of the triple. */
  id: string;
  source: string;
  target: string;
  /** The predicate IRI. */
  predicate: string;
  /** Short human label of the predicate ('cites', 'is part of'). */
  label: string;
}

export interface VizGraph {
  nodes: VizNode[];
  edges: VizEdge[];
  /** True when the node limit left out nodes that belonged to the requested graph. */
  truncated: boolean;
  /** The resource the graph was drawn around. */
  root?: string;
}

/** Keys of a node's own fields: attribute names never take these, so formats that flatten
 *  attributes next to them (Cytoscape `data`, graphology attributes) cannot clash. */
export const RESERVED_ATTRIBUTE_KEYS: ReadonlySet<string> = new Set([
  'id',
  'key',
  'label',
  'type',
  'kind',
  'types',
  'degree',
  'parent',
  'source',
  'target',
  'iri',
  'x',
  'y',
  'size',
  'color',
  'group',
  'title',
  'classes',
]);

/** Hex digits kept from the SHA-1 of an id's input. */
export const ID_HASH_LENGTH = 16;

const shortHash = (text: string): string => createHash('sha1').update(text, 'utf8').digest('hex').slice(0, ID_HASH_LENGTH);

/** Stable edge id: a short hash of `subject|predicate|object`. */
export function edgeId(subject: string, predicate: string, object: string): string {
  return shortHash(`${subject}|${predicate}|${object}`);
}

/** Stable id of the node that stands for one literal-valued triple. */
export function literalNodeId(subject: string, predicate: string, literalKey: string): string {
  return `literal:${shortHash(`${subject}|${predicate}|${literalKey}`)}`;
}

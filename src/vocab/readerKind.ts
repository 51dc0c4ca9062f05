/** What a resource is, in the words a reader uses (the interface names each kind in English and
 *  French), from its rdf:types (first matching rule wins). The graph views' node kinds are these
 *  with the preamble and the operative part merged into 'paragraph'. Data is not closed under
 *  rdfs:subClassOf, so each concrete class of the ontology is listed. */
import { NS } from './namespaces';

/** In the order the interfaces list them (the graph views' legend follows it). */
export const READER_KINDS = [
  'resolution',
  'document',
  'paragraph',
  'operative',
  'preambular',
  'subparagraph',
  'footnote',
  'treaty',
  'sdg-target',
  'sdg-goal',
  'organisation',
  'event',
  'publication',
  'plan',
  'clause-verb',
  'other',
] as const;
export type ReaderKind = (typeof READER_KINDS)[number];

const RULES: ReadonlyArray<readonly [string, ReaderKind]> = [
  [`${NS.unkg}Resolution`, 'resolution'],
  [`${NS.unkg}SubParagraph`, 'subparagraph'],
  [`${NS.unkg}Footnote`, 'footnote'],
  [`${NS.unkg}OperativeParagraph`, 'operative'],
  [`${NS.unkg}PreambularParagraph`, 'preambular'],
  [`${NS.unkg}Paragraph`, 'paragraph'],
  [`${NS.unkg}Treaty`, 'treaty'],
  [`${NS.sdgo}Target`, 'sdg-target'],
  [`${NS.sdgo}Goal`, 'sdg-goal'],
  [`${NS.org}FormalOrganization`, 'organisation'],
  [`${NS.org}Organization`, 'organisation'],
  [`${NS.unkg}MemberStates`, 'organisation'],
  [`${NS.org}Post`, 'organisation'],
  [`${NS.schema}Organization`, 'organisation'],
  [`${NS.unkg}Meeting`, 'event'],
  [`${NS.unkg}Observance`, 'event'],
  [`${NS.schema}Event`, 'event'],
  [`${NS.unkg}Publication`, 'publication'],
  [`${NS.unkg}Plan`, 'plan'],
  [`${NS.unkg}ClauseVerb`, 'clause-verb'],
  [`${NS.unkg}PreambularVerb`, 'clause-verb'],
  [`${NS.unkg}OperativeVerb`, 'clause-verb'],
  [`${NS.eli}LegalResourceSubdivision`, 'paragraph'],
  [`${NS.eli}LegalResource`, 'document'],
  [`${NS.eli}LegalExpression`, 'document'],
];

export function readerKind(iri: string, types: readonly string[]): ReaderKind {
  for (const [type, kind] of RULES) if (types.includes(type)) return kind;
  // Clause verbs are concepts of a fixed scheme: known by their namespace even when the
  // scheme itself is not loaded.
  if (iri.startsWith(NS.clause)) return 'clause-verb';
  return 'other';
}

/** The kind of a node, from its rdf:types (first matching rule wins). Data is not
 *  closed under rdfs:subClassOf, so each concrete class of the ontology is listed. */
import { NS } from '../vocab';
import type { NodeKind } from './model';

const TYPE_RULES: ReadonlyArray<readonly [string, NodeKind]> = [
  [`${NS.unkg}Resolution`, 'resolution'],
  [`${NS.unkg}SubParagraph`, 'subparagraph'],
  [`${NS.unkg}Footnote`, 'footnote'],
  [`${NS.unkg}PreambularParagraph`, 'paragraph'],
  [`${NS.unkg}OperativeParagraph`, 'paragraph'],
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

export function nodeKind(iri: string, types: readonly string[]): NodeKind {
  for (const [type, kind] of TYPE_RULES) if (types.includes(type)) return kind;
  // Clause verbs are concepts of a fixed scheme: known by their namespace even when the
  // scheme itself is not loaded.
  if (iri.startsWith(NS.clause)) return 'clause-verb';
  return 'other';
}

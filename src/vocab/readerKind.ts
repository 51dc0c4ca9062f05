/** What a resource is, in the words a reader uses (the interface names each kind in English and
 *  French): finer than the graph views' node kinds, since a reader tells the preamble from the
 *  operative part. First matching type wins. */
import { NS } from './namespaces';

export const READER_KINDS = [
  'resolution',
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
  'document',
  'other',
] as const;
export type ReaderKind = (typeof READER_KINDS)[number];

const RULES: ReadonlyArray<readonly [string, ReaderKind]> = [
  [`${NS.unkg}Resolution`, 'resolution'],
  [`${NS.unkg}OperativeParagraph`, 'operative'],
  [`${NS.unkg}PreambularParagraph`, 'preambular'],
  [`${NS.unkg}SubParagraph`, 'subparagraph'],
  [`${NS.unkg}Footnote`, 'footnote'],
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
  [`${NS.eli}LegalResource`, 'document'],
];

export function readerKind(iri: string, types: readonly string[]): ReaderKind {
  for (const [type, kind] of RULES) if (types.includes(type)) return kind;
  if (iri.startsWith(NS.clause)) return 'clause-verb';
  if (iri.startsWith(NS.sdg) && /\/\d+\.[\da-z]+$/.test(iri)) return 'sdg-target';
  return 'other';
}

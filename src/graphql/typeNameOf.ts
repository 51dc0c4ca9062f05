import { NS } from '../vocab';
import type { Description } from './rdf/Description';

const { unkg, eli, sdgo, org, schema, prov, cito, fabio } = NS;

/** The GraphQL object type of a resource, from its rdf:types. The store does no inference, so
 *  each type lists every class the data may state; the first rule that matches wins (a treaty
 *  is also an eli:LegalResource, a paragraph also an eli:LegalResourceSubdivision). */
const RULES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Paragraph', [`${unkg}PreambularParagraph`, `${unkg}OperativeParagraph`, `${unkg}SubParagraph`, `${unkg}Paragraph`]],
  ['Footnote', [`${unkg}Footnote`]],
  ['ClauseAct', [`${unkg}ClauseAct`]],
  ['Citation', [`${unkg}Citation`]],
  ['Mention', [`${unkg}Mention`]],
  ['Treaty', [`${unkg}Treaty`]],
  ['Resolution', [`${unkg}Resolution`]],
  ['SdgTarget', [`${sdgo}Target`]],
  ['SdgGoal', [`${sdgo}Goal`]],
  ['Organisation', [`${org}Organization`, `${org}FormalOrganization`, `${unkg}MemberStates`]],
  ['Event', [`${schema}Event`, `${unkg}Observance`, `${unkg}Meeting`]],
  ['Publication', [`${unkg}Publication`]],
  ['Plan', [`${unkg}Plan`, `${prov}Plan`]],
  ['ClauseVerb', [`${unkg}ClauseVerb`, `${unkg}PreambularVerb`, `${unkg}OperativeVerb`]],
  // Cited documents the graph only knows by symbol are eli:LegalResource (reports are also fabio:Report).
  ['OtherDocument', [`${eli}LegalResource`]],
  ['Citation', [`${cito}Citation`]],
  ['Publication', [`${fabio}Report`, `${schema}CreativeWork`]],
];

export type TypeName =
  | 'Paragraph'
  | 'Footnote'
  | 'ClauseAct'
  | 'Citation'
  | 'Mention'
  | 'Treaty'
  | 'Resolution'
  | 'OtherDocument'
  | 'SdgTarget'
  | 'SdgGoal'
  | 'Organisation'
  | 'Event'
  | 'Publication'
  | 'Plan'
  | 'ClauseVerb'
  | 'Resource';

export function typeNameOf(description: Description): TypeName {
  for (const [name, classes] of RULES) if (description.isA(...classes)) return name as TypeName;
  return 'Resource';
}

export const isDocumentType = (name: TypeName): boolean => name === 'Resolution' || name === 'OtherDocument';

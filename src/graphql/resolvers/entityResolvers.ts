import { NS } from '../../vocab';
import type { GraphqlContext } from '../GraphqlContext';
import { PARAGRAPH_RELATIONS } from '../loaders/paragraphRelations';
import type { NodeRef } from '../NodeRef';
import type { Description } from '../rdf/Description';
import {
  compareCodes,
  describe,
  describeAll,
  integerOf,
  inverseLinksOf,
  linkOf,
  namesOf,
  nodeFields,
  paragraphsIn,
  stringOf,
  textOf,
  textsOf,
} from './fields';

const { unkg, sdgo, skos, org, schema, eli, rdfs, dcterms } = NS;

/** The last segment of an IRI path (`https://w3id.org/unkg/org/unodc` → `unodc`). */
export const lastSegment = (iri: string): string => iri.slice(iri.replace(/[/#]+$/, '').search(/[^/#]*$/)).replace(/[/#]+$/, '');

/** An SDG code: the compact notation (`5.2`, sdgo:SDGCodeCompact), else the IRI's last segment. */
export function sdgCodeOf(description: Description): string {
  const compact = description.literals(`${skos}notation`).find((l) => l.datatype === `${sdgo}SDGCodeCompact`);
  return compact?.value ?? lastSegment(description.id);
}

const code = async (node: NodeRef, _: unknown, context: GraphqlContext) => sdgCodeOf(await describe(context, node));

const labelled = {
  ...nodeFields,
  label: textOf(`${skos}prefLabel`),
  labels: textsOf(`${skos}prefLabel`),
};

const mentionedBy = paragraphsIn(PARAGRAPH_RELATIONS.mentioning);

export const entityResolvers = {
  SdgGoal: {
    ...labelled,
    code,
    shortTitle: textOf(`${skos}altLabel`),
    targets: async (node: NodeRef, _: unknown, context: GraphqlContext) =>
      (await describeAll(context, (await describe(context, node)).iris(`${sdgo}hasTarget`))).sort((a, b) => compareCodes(sdgCodeOf(a), sdgCodeOf(b))),
    citingParagraphs: paragraphsIn(PARAGRAPH_RELATIONS.citingGoal),
  },
  SdgTarget: {
    ...labelled,
    code,
    goal: async (node: NodeRef, _: unknown, context: GraphqlContext) => {
      const description = await describe(context, node);
      const goal = description.iri(`${sdgo}isTargetOf`) ?? description.iri(`${skos}broader`);
      return goal ? { id: goal } : null;
    },
    citingParagraphs: paragraphsIn(PARAGRAPH_RELATIONS.citing),
  },
  Treaty: {
    ...labelled,
    altLabels: namesOf(`${skos}altLabel`),
    untsVolume: integerOf(`${unkg}untsVolume`),
    untsNumber: integerOf(`${unkg}untsNumber`),
    date: stringOf(`${eli}date_document`),
    entryIntoForce: stringOf(`${eli}first_date_entry_in_force`),
    supplements: linkOf(`${unkg}supplements`),
    supplementedBy: inverseLinksOf(`${unkg}supplements`),
    adoptedBy: linkOf(`${unkg}adoptedBy`),
    citingParagraphs: paragraphsIn(PARAGRAPH_RELATIONS.citing),
  },
  Organisation: {
    ...labelled,
    slug: (node: NodeRef) => lastSegment(node.id),
    altLabels: namesOf(`${skos}altLabel`),
    parent: linkOf(`${org}subOrganizationOf`),
    subOrganizationOf: linkOf(`${org}subOrganizationOf`),
    subOrganizations: inverseLinksOf(`${org}subOrganizationOf`),
    mentionedBy,
  },
  Event: {
    ...labelled,
    startDate: stringOf(`${schema}startDate`),
    endDate: stringOf(`${schema}endDate`),
    organizer: linkOf(`${schema}organizer`),
    mentionedBy,
  },
  Publication: {
    ...labelled,
    author: linkOf(`${schema}author`),
    datePublished: stringOf(`${schema}datePublished`),
    mentionedBy,
  },
  Plan: {
    ...labelled,
    adoptedBy: linkOf(`${unkg}adoptedBy`),
    mentionedBy,
  },
  ClauseVerb: {
    ...labelled,
    slug: async (node: NodeRef, _: unknown, context: GraphqlContext) => (await describe(context, node)).string(`${skos}notation`) ?? lastSegment(node.id),
    altLabels: namesOf(`${skos}altLabel`),
    kind: async (node: NodeRef, _: unknown, context: GraphqlContext) => {
      const description = await describe(context, node);
      return description.isA(`${unkg}PreambularVerb`) ? 'PREAMBULAR' : description.isA(`${unkg}OperativeVerb`) ? 'OPERATIVE' : null;
    },
    paragraphs: paragraphsIn(PARAGRAPH_RELATIONS.usingVerb),
  },
  Resource: {
    ...nodeFields,
    label: textOf(`${skos}prefLabel`, `${rdfs}label`, `${dcterms}title`),
  },
};


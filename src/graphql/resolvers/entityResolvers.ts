import { NS } from '../../vocab';
import type { GraphqlContext } from '../GraphqlContext';
import { PARAGRAPH_RELATIONS } from '../loaders/paragraphRelations';
import type { NodeRef } from '../NodeRef';
import { needing } from '../plan/FieldNeeds';
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
  RDF_TYPE,
  reading,
  refOf,
  stringOf,
  textOf,
  textsOf,
  then,
} from './fields';

const { unkg, sdgo, skos, org, schema, eli, rdfs, dcterms } = NS;

/** The last segment of an IRI path (`https://w3id.org/unkg/org/unodc` → `unodc`). */
export const lastSegment = (iri: string): string => iri.slice(iri.replace(/[/#]+$/, '').search(/[^/#]*$/)).replace(/[/#]+$/, '');

/** An SDG code: the compact notation (`5.2`, sdgo:SDGCodeCompact), else the IRI's last segment. */
export function sdgCodeOf(description: Description): string {
  const compact = description.literals(`${skos}notation`).find((l) => l.datatype === `${sdgo}SDGCodeCompact`);
  return compact?.value ?? lastSegment(description.id);
}

const code = reading([`${skos}notation`], sdgCodeOf);

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
    targets: needing(
      { reads: [`${sdgo}hasTarget`], links: [`${sdgo}hasTarget`], linkedReads: [`${skos}notation`] },
      (node: NodeRef, _: unknown, context: GraphqlContext) =>
        then(describe(context, node, [`${sdgo}hasTarget`]), (d) =>
          then(describeAll(context, d.iris(`${sdgo}hasTarget`), [`${skos}notation`]), (targets) =>
            targets.sort((a, b) => compareCodes(sdgCodeOf(a), sdgCodeOf(b))),
          ),
        ),
    ),
    citingParagraphs: paragraphsIn(PARAGRAPH_RELATIONS.citingGoal),
  },
  SdgTarget: {
    ...labelled,
    code,
    goal: needing(
      { reads: [`${sdgo}isTargetOf`, `${skos}broader`], links: [`${sdgo}isTargetOf`, `${skos}broader`] },
      (node: NodeRef, _: unknown, context: GraphqlContext) =>
        then(describe(context, node, [`${sdgo}isTargetOf`, `${skos}broader`]), (d) => {
          const goal = d.iri(`${sdgo}isTargetOf`) ?? d.iri(`${skos}broader`);
          return goal ? refOf(context, goal) : null;
        }),
    ),
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
    slug: needing({}, (node: NodeRef) => lastSegment(node.id)),
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
    slug: reading([`${skos}notation`], (d) => d.string(`${skos}notation`) ?? lastSegment(d.id)),
    altLabels: namesOf(`${skos}altLabel`),
    kind: reading([RDF_TYPE], (d) => (d.isA(`${unkg}PreambularVerb`) ? 'PREAMBULAR' : d.isA(`${unkg}OperativeVerb`) ? 'OPERATIVE' : null)),
    paragraphs: paragraphsIn(PARAGRAPH_RELATIONS.usingVerb),
  },
  Resource: {
    ...nodeFields,
    label: textOf(`${skos}prefLabel`, `${rdfs}label`, `${dcterms}title`),
  },
};

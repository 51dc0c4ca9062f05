import { NS } from '../../vocab';
import type { GraphqlContext } from '../GraphqlContext';
import { PARAGRAPH_RELATIONS } from '../loaders/paragraphRelations';
import type { NodeRef } from '../NodeRef';
import { needing } from '../plan/FieldNeeds';
import type { Description } from '../rdf/Description';
import * as fields from './fields';

const { unkg, sdgo, skos, org, schema, eli, rdfs, dcterms } = NS;

/** The last segment of an IRI path (`https://w3id.org/unkg/org/unodc` → `unodc`). */
export const lastSegment = (iri: string): string => iri.slice(iri.replace(/[/#]+$/, '').search(/[^/#]*$/)).replace(/[/#]+$/, '');

/** An SDG code: the compact notation (`5.2`, sdgo:SDGCodeCompact), else the IRI's last segment. */
export function sdgCodeOf(description: Description): string {
  const compact = description.literals(`${skos}notation`).find((l) => l.datatype === `${sdgo}SDGCodeCompact`);
  return compact?.value ?? lastSegment(description.id);
}

const code = fields.reading([`${skos}notation`], sdgCodeOf);

const labelled = {
  ...fields.nodeFields,
  label: fields.textOf(`${skos}prefLabel`),
  labels: fields.textsOf(`${skos}prefLabel`),
};

const mentionedBy = fields.paragraphsIn(PARAGRAPH_RELATIONS.mentioning);

export const entityResolvers = {
  SdgGoal: {
    ...labelled,
    code,
    shortTitle: fields.textOf(`${skos}altLabel`),
    targets: needing(
      { reads: [`${sdgo}hasTarget`], links: [`${sdgo}hasTarget`], linkedReads: [`${skos}notation`] },
      (node: NodeRef, _: unknown, context: GraphqlContext) =>
        fields.then(fields.describe(context, node, [`${sdgo}hasTarget`]), (d) =>
          fields.then(fields.describeAll(context, d.iris(`${sdgo}hasTarget`), [`${skos}notation`]), (targets) =>
            targets.sort((a, b) => fields.compareCodes(sdgCodeOf(a), sdgCodeOf(b))),
          ),
        ),
    ),
    citingParagraphs: fields.paragraphsIn(PARAGRAPH_RELATIONS.citingGoal),
  },
  SdgTarget: {
    ...labelled,
    code,
    goal: needing(
      { reads: [`${sdgo}isTargetOf`, `${skos}broader`], links: [`${sdgo}isTargetOf`, `${skos}broader`] },
      (node: NodeRef, _: unknown, context: GraphqlContext) =>
        fields.then(fields.describe(context, node, [`${sdgo}isTargetOf`, `${skos}broader`]), (d) => {
          const goal = d.iri(`${sdgo}isTargetOf`) ?? d.iri(`${skos}broader`);
          return goal ? fields.refOf(context, goal) : null;
        }),
    ),
    citingParagraphs: fields.paragraphsIn(PARAGRAPH_RELATIONS.citing),
  },
  Treaty: {
    ...labelled,
    altLabels: fields.namesOf(`${skos}altLabel`),
    untsVolume: fields.integerOf(`${unkg}untsVolume`),
    untsNumber: fields.integerOf(`${unkg}untsNumber`),
    date: fields.stringOf(`${eli}date_document`),
    entryIntoForce: fields.stringOf(`${eli}first_date_entry_in_force`),
    supplements: fields.linkOf(`${unkg}supplements`),
    supplementedBy: fields.inverseLinksOf(`${unkg}supplements`),
    adoptedBy: fields.linkOf(`${unkg}adoptedBy`),
    citingParagraphs: fields.paragraphsIn(PARAGRAPH_RELATIONS.citing),
  },
  Organisation: {
    ...labelled,
    slug: needing({}, (node: NodeRef) => lastSegment(node.id)),
    altLabels: fields.namesOf(`${skos}altLabel`),
    parent: fields.linkOf(`${org}subOrganizationOf`),
    subOrganizationOf: fields.linkOf(`${org}subOrganizationOf`),
    subOrganizations: fields.inverseLinksOf(`${org}subOrganizationOf`),
    mentionedBy,
  },
  Event: {
    ...labelled,
    startDate: fields.stringOf(`${schema}startDate`),
    endDate: fields.stringOf(`${schema}endDate`),
    organizer: fields.linkOf(`${schema}organizer`),
    mentionedBy,
  },
  Publication: {
    ...labelled,
    author: fields.linkOf(`${schema}author`),
    datePublished: fields.stringOf(`${schema}datePublished`),
    mentionedBy,
  },
  Plan: {
    ...labelled,
    adoptedBy: fields.linkOf(`${unkg}adoptedBy`),
    mentionedBy,
  },
  ClauseVerb: {
    ...labelled,
    slug: fields.reading([`${skos}notation`], (d) => d.string(`${skos}notation`) ?? lastSegment(d.id)),
    altLabels: fields.namesOf(`${skos}altLabel`),
    kind: fields.reading([fields.RDF_TYPE], (d) => (d.isA(`${unkg}PreambularVerb`) ? 'PREAMBULAR' : d.isA(`${unkg}OperativeVerb`) ? 'OPERATIVE' : null)),
    paragraphs: fields.paragraphsIn(PARAGRAPH_RELATIONS.usingVerb),
  },
  Resource: {
    ...fields.nodeFields,
    label: fields.textOf(`${skos}prefLabel`, `${rdfs}label`, `${dcterms}title`),
  },
};

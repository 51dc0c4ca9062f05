import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { NS } from '../../vocab';
import type { GraphqlContext } from '../GraphqlContext';
import { PARAGRAPH_CLASS, type ParagraphKindName } from '../lists/topLevelLists';
import { PARAGRAPH_RELATIONS, type ParagraphRelation } from '../loaders/paragraphRelations';
import type { NodeRef } from '../NodeRef';
import { needing } from '../plan/FieldNeeds';
import type { Description } from '../rdf/Description';
import { isDocumentType, typeNameOf } from '../typeNameOf';
import * as fields from './fields';
import type { MaybePromise } from './fields';
import { MAX_NESTING } from '../limits';

const { eli, unkg, schema, sdgo, cito } = NS;
const PARAGRAPH_CLASSES = Object.values(PARAGRAPH_CLASS);
const IS_PART_OF = `${eli}is_part_of`;
const POSITION = `${unkg}position`;
const START = `${unkg}startOffset`;
const MARKER = `${unkg}markerOffset`;
const position = (d: Description) => d.integer(POSITION);
const startOffset = (d: Description) => d.integer(START);

/** The document a paragraph or footnote belongs to: up eli:is_part_of until a document. The
 *  plan loads two steps up (a sub-paragraph's document) with the paragraph. */
const documentOf = needing(
  { reads: [IS_PART_OF], links: [IS_PART_OF], linkedReads: [fields.RDF_TYPE, IS_PART_OF], hops: 2 },
  (node: NodeRef, _: unknown, context: GraphqlContext): MaybePromise<NodeRef> => {
    const climb = (current: Description, depth: number): MaybePromise<NodeRef> => {
      const parent = current.iri(IS_PART_OF);
      if (!parent || depth === MAX_NESTING) throw new GraphQLError(`${node.id} belongs to no document`);
      return fields.then(fields.describe(context, { id: parent }, [fields.RDF_TYPE, IS_PART_OF]), (d) =>
        isDocumentType(typeNameOf(d)) ? d : climb(d, depth + 1),
      );
    };
    return fields.then(fields.describe(context, node, [IS_PART_OF]), (d) => climb(d, 0));
  },
);

/** The references a paragraph or footnote makes, of one class, in the order of the text: a
 *  reference made through a footnote sits where the footnote's marker is (unkg:markerOffset). */
const referencesOf = (referenceClass: string) =>
  needing({ references: referenceClass, linkedReads: [MARKER, START] }, (node: NodeRef, _: unknown, context: GraphqlContext) =>
    fields.then(context.loaders.graph.references(referenceClass, node.id) ?? context.loaders.references(referenceClass).load(node.id), (ids) =>
      fields.then(fields.describeAll(context, ids, [MARKER, START]), (references) =>
        references.sort(
          fields.byKeys(
            (r) => r.integer(MARKER) ?? startOffset(r),
            startOffset,
            (r) => r.id,
          ),
        ),
      ),
    ),
  );

const KIND_OF_CLASS: Record<string, ParagraphKindName> = Object.fromEntries(
  Object.entries(PARAGRAPH_CLASS).map(([kind, cls]) => [cls, kind as ParagraphKindName]),
);

const clauseActsOf = (d: Description, context: GraphqlContext): MaybePromise<Description[]> =>
  fields.then(fields.describeAll(context, d.iris(`${unkg}clauseAct`), [START]), (acts) => acts.sort(fields.byKeys(startOffset, (a) => a.id)));

/** Linked resources of some classes, ordered by unkg:position. */
const partsOf = (predicate: string, classes: readonly string[] | null) =>
  needing(
    { reads: [predicate], links: [predicate], linkedReads: classes ? [fields.RDF_TYPE, POSITION] : [POSITION] },
    (node: NodeRef, _: unknown, context: GraphqlContext) =>
      fields.then(fields.describe(context, node, [predicate]), (d) =>
        fields.then(fields.describeAll(context, d.iris(predicate), classes ? [fields.RDF_TYPE, POSITION] : [POSITION]), (parts) =>
          parts.filter((part) => !classes || part.isA(...classes)).sort(fields.byKeys(position, (p) => p.id)),
        ),
      ),
  );

const sharedTextFields = {
  ...fields.nodeFields,
  number: fields.stringOf(`${eli}number`),
  position: fields.integerOf(POSITION),
  text: fields.textOf(`${schema}text`),
  texts: fields.textsOf(`${schema}text`),
  cites: fields.linksOf(`${eli}cites`),
  mentions: fields.linksOf(`${schema}mentions`),
  citations: referencesOf(`${unkg}Citation`),
  document: documentOf,
};

export const paragraphResolvers = {
  Paragraph: {
    ...sharedTextFields,
    kind: fields.reading([fields.RDF_TYPE], (d) => {
      const cls = d.types.find((t) => KIND_OF_CLASS[t]);
      if (!cls) throw new GraphQLError(`${d.id} is of no paragraph class`);
      return KIND_OF_CLASS[cls];
    }),
    clauseActs: needing(
      { reads: [`${unkg}clauseAct`], links: [`${unkg}clauseAct`], linkedReads: [START] },
      (node: NodeRef, _: unknown, context: GraphqlContext) =>
        fields.then(fields.describe(context, node, [`${unkg}clauseAct`]), (d) => clauseActsOf(d, context)),
    ),
    /** The verbs in the order of their acts in the text, then any stated without an act. */
    clauseVerbs: needing(
      {
        reads: [`${unkg}clauseVerb`, `${unkg}clauseAct`],
        links: [`${unkg}clauseVerb`],
        through: { links: [`${unkg}clauseAct`], reads: [`${unkg}verb`, START] },
      },
      (node: NodeRef, _: unknown, context: GraphqlContext) =>
        fields.then(fields.describe(context, node, [`${unkg}clauseVerb`, `${unkg}clauseAct`]), (d) =>
          fields.then(clauseActsOf(d, context), (acts) =>
            fields.then(
              fields.describeAll(
                context,
                acts.map((act) => act.id),
                [`${unkg}verb`],
              ),
              (described) => {
                const stated = d.iris(`${unkg}clauseVerb`);
                const inTextOrder = described.map((act) => act.iri(`${unkg}verb`)).filter((v): v is string => !!v);
                return [...new Set([...inTextOrder.filter((v) => stated.includes(v)), ...stated])].map((id) => fields.refOf(context, id));
              },
            ),
          ),
        ),
    ),
    subParagraphs: partsOf(`${eli}has_part`, PARAGRAPH_CLASSES),
    parent: needing({ reads: [IS_PART_OF], links: [IS_PART_OF], linkedReads: [fields.RDF_TYPE] }, (node: NodeRef, _: unknown, context: GraphqlContext) =>
      fields.then(fields.describe(context, node, [IS_PART_OF]), (d) => {
        const parent = d.iri(IS_PART_OF);
        if (!parent) return null;
        return fields.then(fields.describe(context, { id: parent }, [fields.RDF_TYPE]), (p) => (p.isA(...PARAGRAPH_CLASSES) ? p : null));
      }),
    ),
    footnotes: partsOf(`${unkg}hasFootnote`, null),
    mentionEvidence: referencesOf(`${unkg}Mention`),
    sdgTargets: fields.linksOfClass(`${eli}cites`, `${sdgo}Target`),
    echoedSdgTargets: fields.linksOf(`${unkg}echoesTarget`),
  },
  Footnote: {
    ...sharedTextFields,
    markedIn: paragraphsInList(PARAGRAPH_RELATIONS.markingFootnote),
  },
  ClauseAct: {
    ...fields.nodeFields,
    verb: fields.linkOf(`${unkg}verb`),
    verbText: fields.textOf(`${unkg}verbText`),
    verbTexts: fields.textsOf(`${unkg}verbText`),
    addressee: fields.linkOf(`${unkg}addressee`),
    addressees: fields.linksOf(`${unkg}addressee`),
    startOffset: fields.integerOf(START),
    endOffset: fields.integerOf(`${unkg}endOffset`),
  },
  Citation: {
    ...referenceFields(),
    characterization: fields.reading([`${cito}hasCitationCharacterization`], (d) => d.iri(`${cito}hasCitationCharacterization`) ?? null),
  },
  Mention: referenceFields(),
};

function referenceFields() {
  return {
    ...fields.nodeFields,
    citing: fields.linkOf(`${cito}hasCitingEntity`),
    target: fields.linkOf(`${cito}hasCitedEntity`),
    matchedText: fields.stringOf(`${unkg}matchedText`),
    startOffset: fields.integerOf(START),
    endOffset: fields.integerOf(`${unkg}endOffset`),
    viaFootnote: fields.linkOf(`${unkg}viaFootnote`),
    extractor: fields.stringOf(`${unkg}extractor`),
    language: fields.stringOf(`${NS.dcterms}language`),
  };
}

/** A plain list (not a connection) of the paragraphs in `relation`, in reading order. */
function paragraphsInList(relation: ParagraphRelation) {
  return needing({ paragraphs: relation }, (node: NodeRef, _: unknown, context: GraphqlContext, info: GraphQLResolveInfo) =>
    fields.then(fields.paragraphListOf(context, relation, node.id), (rows) =>
      fields.loadAs(
        context,
        info,
        rows.map((row) => row.id),
        relation.name,
      ),
    ),
  );
}

import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { NS } from '../../vocab';
import type { GraphqlContext } from '../GraphqlContext';
import { PARAGRAPH_CLASS, type ParagraphKindName } from '../lists/topLevelLists';
import { PARAGRAPH_RELATIONS, type ParagraphRelation } from '../loaders/paragraphRelations';
import type { NodeRef } from '../NodeRef';
import { needing } from '../plan/FieldNeeds';
import type { Description } from '../rdf/Description';
import { isDocumentType, typeNameOf } from '../typeNameOf';
import {
  byKeys,
  describe,
  describeAll,
  integerOf,
  linkOf,
  linksOf,
  linksOfClass,
  loadAs,
  nodeFields,
  paragraphListOf,
  RDF_TYPE,
  reading,
  refOf,
  stringOf,
  textOf,
  textsOf,
  then,
  type MaybePromise,
} from './fields';

const { eli, unkg, schema, sdgo, cito } = NS;
const PARAGRAPH_CLASSES = Object.values(PARAGRAPH_CLASS);
const IS_PART_OF = `${eli}is_part_of`;
const POSITION = `${unkg}position`;
const START = `${unkg}startOffset`;
const MARKER = `${unkg}markerOffset`;
const position = (d: Description) => d.integer(POSITION);
const startOffset = (d: Description) => d.integer(START);

/** How far up eli:is_part_of a paragraph's document is looked for. */
const MAX_NESTING = 8;

/** The document a paragraph or footnote belongs to: up eli:is_part_of until a document. The
 *  plan loads two steps up (a sub-paragraph's document) with the paragraph. */
const documentOf = needing(
  { reads: [IS_PART_OF], links: [IS_PART_OF], linkedReads: [RDF_TYPE, IS_PART_OF], hops: 2 },
  (node: NodeRef, _: unknown, context: GraphqlContext): MaybePromise<NodeRef> => {
    const climb = (current: Description, depth: number): MaybePromise<NodeRef> => {
      const parent = current.iri(IS_PART_OF);
      if (!parent || depth === MAX_NESTING) throw new GraphQLError(`${node.id} belongs to no document`);
      return then(describe(context, { id: parent }, [RDF_TYPE, IS_PART_OF]), (d) => (isDocumentType(typeNameOf(d)) ? d : climb(d, depth + 1)));
    };
    return then(describe(context, node, [IS_PART_OF]), (d) => climb(d, 0));
  },
);

/** The references a paragraph or footnote makes, of one class, in the order of the text: a
 *  reference made through a footnote sits where the footnote's marker is (unkg:markerOffset). */
const referencesOf = (referenceClass: string) =>
  needing({ references: referenceClass, linkedReads: [MARKER, START] }, (node: NodeRef, _: unknown, context: GraphqlContext) =>
    then(context.loaders.graph.references(referenceClass, node.id) ?? context.loaders.references(referenceClass).load(node.id), (ids) =>
      then(describeAll(context, ids, [MARKER, START]), (references) =>
        references.sort(
          byKeys(
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
  then(describeAll(context, d.iris(`${unkg}clauseAct`), [START]), (acts) => acts.sort(byKeys(startOffset, (a) => a.id)));

/** Linked resources of some classes, ordered by unkg:position. */
const partsOf = (predicate: string, classes: readonly string[] | null) =>
  needing(
    { reads: [predicate], links: [predicate], linkedReads: classes ? [RDF_TYPE, POSITION] : [POSITION] },
    (node: NodeRef, _: unknown, context: GraphqlContext) =>
      then(describe(context, node, [predicate]), (d) =>
        then(describeAll(context, d.iris(predicate), classes ? [RDF_TYPE, POSITION] : [POSITION]), (parts) =>
          parts.filter((part) => !classes || part.isA(...classes)).sort(byKeys(position, (p) => p.id)),
        ),
      ),
  );

const sharedTextFields = {
  ...nodeFields,
  number: stringOf(`${eli}number`),
  position: integerOf(POSITION),
  text: textOf(`${schema}text`),
  texts: textsOf(`${schema}text`),
  cites: linksOf(`${eli}cites`),
  mentions: linksOf(`${schema}mentions`),
  citations: referencesOf(`${unkg}Citation`),
  document: documentOf,
};

export const paragraphResolvers = {
  Paragraph: {
    ...sharedTextFields,
    kind: reading([RDF_TYPE], (d) => {
      const cls = d.types.find((t) => KIND_OF_CLASS[t]);
      if (!cls) throw new GraphQLError(`${d.id} is of no paragraph class`);
      return KIND_OF_CLASS[cls];
    }),
    clauseActs: needing(
      { reads: [`${unkg}clauseAct`], links: [`${unkg}clauseAct`], linkedReads: [START] },
      (node: NodeRef, _: unknown, context: GraphqlContext) => then(describe(context, node, [`${unkg}clauseAct`]), (d) => clauseActsOf(d, context)),
    ),
    /** The verbs in the order of their acts in the text, then any stated without an act. */
    clauseVerbs: needing(
      {
        reads: [`${unkg}clauseVerb`, `${unkg}clauseAct`],
        links: [`${unkg}clauseVerb`],
        through: { links: [`${unkg}clauseAct`], reads: [`${unkg}verb`, START] },
      },
      (node: NodeRef, _: unknown, context: GraphqlContext) =>
        then(describe(context, node, [`${unkg}clauseVerb`, `${unkg}clauseAct`]), (d) =>
          then(clauseActsOf(d, context), (acts) =>
            then(
              describeAll(
                context,
                acts.map((act) => act.id),
                [`${unkg}verb`],
              ),
              (described) => {
                const stated = d.iris(`${unkg}clauseVerb`);
                const inTextOrder = described.map((act) => act.iri(`${unkg}verb`)).filter((v): v is string => !!v);
                return [...new Set([...inTextOrder.filter((v) => stated.includes(v)), ...stated])].map((id) => refOf(context, id));
              },
            ),
          ),
        ),
    ),
    subParagraphs: partsOf(`${eli}has_part`, PARAGRAPH_CLASSES),
    parent: needing({ reads: [IS_PART_OF], links: [IS_PART_OF], linkedReads: [RDF_TYPE] }, (node: NodeRef, _: unknown, context: GraphqlContext) =>
      then(describe(context, node, [IS_PART_OF]), (d) => {
        const parent = d.iri(IS_PART_OF);
        if (!parent) return null;
        return then(describe(context, { id: parent }, [RDF_TYPE]), (p) => (p.isA(...PARAGRAPH_CLASSES) ? p : null));
      }),
    ),
    footnotes: partsOf(`${unkg}hasFootnote`, null),
    mentionEvidence: referencesOf(`${unkg}Mention`),
    sdgTargets: linksOfClass(`${eli}cites`, `${sdgo}Target`),
    echoedSdgTargets: linksOf(`${unkg}echoesTarget`),
  },
  Footnote: {
    ...sharedTextFields,
    markedIn: paragraphsInList(PARAGRAPH_RELATIONS.markingFootnote),
  },
  ClauseAct: {
    ...nodeFields,
    verb: linkOf(`${unkg}verb`),
    verbText: textOf(`${unkg}verbText`),
    verbTexts: textsOf(`${unkg}verbText`),
    addressee: linkOf(`${unkg}addressee`),
    addressees: linksOf(`${unkg}addressee`),
    startOffset: integerOf(START),
    endOffset: integerOf(`${unkg}endOffset`),
  },
  Citation: {
    ...referenceFields(),
    characterization: reading([`${cito}hasCitationCharacterization`], (d) => d.iri(`${cito}hasCitationCharacterization`) ?? null),
  },
  Mention: referenceFields(),
};

function referenceFields() {
  return {
    ...nodeFields,
    citing: linkOf(`${cito}hasCitingEntity`),
    target: linkOf(`${cito}hasCitedEntity`),
    matchedText: stringOf(`${unkg}matchedText`),
    startOffset: integerOf(START),
    endOffset: integerOf(`${unkg}endOffset`),
    viaFootnote: linkOf(`${unkg}viaFootnote`),
    extractor: stringOf(`${unkg}extractor`),
    language: stringOf(`${NS.dcterms}language`),
  };
}

/** A plain list (not a connection) of the paragraphs in `relation`, in reading order. */
function paragraphsInList(relation: ParagraphRelation) {
  return needing({ paragraphs: relation }, (node: NodeRef, _: unknown, context: GraphqlContext, info: GraphQLResolveInfo) =>
    then(paragraphListOf(context, relation, node.id), (rows) =>
      loadAs(
        context,
        info,
        rows.map((row) => row.id),
        relation.name,
      ),
    ),
  );
}

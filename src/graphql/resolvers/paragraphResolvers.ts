import { GraphQLError } from 'graphql';
import { NS } from '../../vocab';
import type { GraphqlContext } from '../GraphqlContext';
import { PARAGRAPH_CLASS, type ParagraphKindName } from '../lists/topLevelLists';
import { PARAGRAPH_RELATIONS } from '../loaders/paragraphRelations';
import { nodeRef, type NodeRef } from '../NodeRef';
import type { Description } from '../rdf/Description';
import { isDocumentType, typeNameOf } from '../typeNameOf';
import { byKeys, describe, describeAll, integerOf, linkOf, linksOf, linksOfClass, nodeFields, stringOf, textOf, textsOf } from './fields';

const { eli, unkg, schema, sdgo, cito } = NS;
const PARAGRAPH_CLASSES = Object.values(PARAGRAPH_CLASS);
const position = (d: Description) => d.integer(`${unkg}position`);
const startOffset = (d: Description) => d.integer(`${unkg}startOffset`);

/** The document a paragraph or footnote belongs to: up eli:is_part_of until a document. */
async function documentOf(node: NodeRef, context: GraphqlContext): Promise<NodeRef> {
  let current = await describe(context, node);
  for (let depth = 0; depth < 8; depth++) {
    const parent = current.iri(`${eli}is_part_of`);
    if (!parent) break;
    current = await context.loaders.describe.load(parent);
    if (isDocumentType(typeNameOf(current))) return current;
  }
  throw new GraphQLError(`${node.id} belongs to no document`);
}

/** The references a paragraph or footnote makes, of one class, in the order of the text: a
 *  reference made through a footnote sits where the footnote's marker is (unkg:markerOffset). */
const referencesOf =
  (referenceClass: string) =>
  async (node: NodeRef, _: unknown, context: GraphqlContext): Promise<Description[]> => {
    const references = await describeAll(context, await context.loaders.references(referenceClass).load(node.id));
    return references
      .sort(byKeys((r) => r.integer(`${unkg}markerOffset`) ?? startOffset(r), startOffset, (r) => r.id));
  };

const KIND_OF_CLASS: Record<string, ParagraphKindName> = Object.fromEntries(
  Object.entries(PARAGRAPH_CLASS).map(([kind, cls]) => [cls, kind as ParagraphKindName]),
);

const clauseActsOf = async (node: NodeRef, context: GraphqlContext): Promise<Description[]> =>
  (await describeAll(context, (await describe(context, node)).iris(`${unkg}clauseAct`))).sort(byKeys(startOffset, (d) => d.id));

const sharedTextFields = {
  ...nodeFields,
  number: stringOf(`${eli}number`),
  position: integerOf(`${unkg}position`),
  text: textOf(`${schema}text`),
  texts: textsOf(`${schema}text`),
  cites: linksOf(`${eli}cites`),
  mentions: linksOf(`${schema}mentions`),
  citations: referencesOf(`${unkg}Citation`),
  document: (node: NodeRef, _: unknown, context: GraphqlContext) => documentOf(node, context),
};

export const paragraphResolvers = {
  Paragraph: {
    ...sharedTextFields,
    kind: async (node: NodeRef, _: unknown, context: GraphqlContext) => {
      const types = (await describe(context, node)).types;
      const cls = types.find((t) => KIND_OF_CLASS[t]);
      if (!cls) throw new GraphQLError(`${node.id} is of no paragraph class`);
      return KIND_OF_CLASS[cls];
    },
    clauseActs: (node: NodeRef, _: unknown, context: GraphqlContext) => clauseActsOf(node, context),
    clauseVerbs: async (node: NodeRef, _: unknown, context: GraphqlContext) => {
      const stated = (await describe(context, node)).iris(`${unkg}clauseVerb`);
      const inTextOrder = (await clauseActsOf(node, context)).map((act) => act.iri(`${unkg}verb`)).filter((v): v is string => !!v);
      return [...new Set([...inTextOrder.filter((v) => stated.includes(v)), ...stated])].map(nodeRef);
    },
    subParagraphs: async (node: NodeRef, _: unknown, context: GraphqlContext) =>
      (await describeAll(context, (await describe(context, node)).iris(`${eli}has_part`)))
        .filter((d) => d.isA(...PARAGRAPH_CLASSES))
        .sort(byKeys(position, (d) => d.id)),
    parent: async (node: NodeRef, _: unknown, context: GraphqlContext) => {
      const parent = (await describe(context, node)).iri(`${eli}is_part_of`);
      if (!parent) return null;
      const description = await context.loaders.describe.load(parent);
      return description.isA(...PARAGRAPH_CLASSES) ? description : null;
    },
    footnotes: async (node: NodeRef, _: unknown, context: GraphqlContext) =>
      (await describeAll(context, (await describe(context, node)).iris(`${unkg}hasFootnote`))).sort(byKeys(position, (d) => d.id)),
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
    startOffset: integerOf(`${unkg}startOffset`),
    endOffset: integerOf(`${unkg}endOffset`),
  },
  Citation: {
    ...referenceFields(),
    characterization: async (node: NodeRef, _: unknown, context: GraphqlContext) =>
      (await describe(context, node)).iri(`${cito}hasCitationCharacterization`) ?? null,
  },
  Mention: referenceFields(),
};

function referenceFields() {
  return {
    ...nodeFields,
    citing: linkOf(`${cito}hasCitingEntity`),
    target: linkOf(`${cito}hasCitedEntity`),
    matchedText: stringOf(`${unkg}matchedText`),
    startOffset: integerOf(`${unkg}startOffset`),
    endOffset: integerOf(`${unkg}endOffset`),
    viaFootnote: linkOf(`${unkg}viaFootnote`),
    extractor: stringOf(`${unkg}extractor`),
  };
}

/** A plain list (not a connection) of the paragraphs in `relation`, in reading order. */
function paragraphsInList(relation: (typeof PARAGRAPH_RELATIONS)[keyof typeof PARAGRAPH_RELATIONS]) {
  return async (node: NodeRef, _: unknown, context: GraphqlContext) => (await context.loaders.paragraphs(relation).load(node.id)).map((row) => nodeRef(row.id));
}


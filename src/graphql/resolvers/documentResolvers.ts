import { NS } from '../../vocab';
import type { GraphqlContext } from '../GraphqlContext';
import type { PageArgs } from '../lists/connection';
import { PARAGRAPH_CLASS, type ParagraphKindName } from '../lists/topLevelLists';
import { PARAGRAPH_RELATIONS } from '../loaders/paragraphRelations';
import { nodeRef, type NodeRef } from '../NodeRef';
import { sdgCodeOf } from './entityResolvers';
import { byKeys, compareCodes, describe, describeAll, integerOf, linkOf, linksOf, nodeFields, paragraphsIn, stringOf, textOf, textsOf } from './fields';

const { eli, unkg, dcterms, rdfs } = NS;

/** Fields shared by Resolution and OtherDocument (the Document interface). */
const documentFields = {
  ...nodeFields,
  symbol: async (node: NodeRef, _: unknown, context: GraphqlContext) =>
    (await describe(context, node)).string(`${eli}id_local`) ?? context.iris.symbolOf(node.id) ?? node.id,
  title: textOf(`${dcterms}title`),
  titles: textsOf(`${dcterms}title`),
  date: stringOf(`${eli}date_document`),
  organ: linkOf(`${eli}passed_by`),
  session: textOf(`${unkg}session`),
  agendaItem: stringOf(`${unkg}agendaItem`),
  plenaryMeeting: integerOf(`${unkg}plenaryMeeting`),
  distributionDate: stringOf(`${unkg}distributionDate`),
  recommendedBy: linksOf(`${unkg}recommendedBy`),
  basedOn: linksOf(`${eli}based_on`),
  seeAlso: async (node: NodeRef, _: unknown, context: GraphqlContext) => (await describe(context, node)).iris(`${rdfs}seeAlso`),
  paragraphs: (node: NodeRef, args: PageArgs & { kind?: ParagraphKindName | null }, context: GraphqlContext) =>
    args.kind
      ? paragraphsIn(PARAGRAPH_RELATIONS.documentParagraphs, (row) => row.kind === PARAGRAPH_CLASS[args.kind!])(node, args, context)
      : paragraphsIn(PARAGRAPH_RELATIONS.documentTopLevelParagraphs)(node, args, context),
  footnotes: async (node: NodeRef, _: unknown, context: GraphqlContext) => {
    const parts = await describeAll(context, (await describe(context, node)).iris(`${eli}has_part`));
    return parts.filter((part) => part.isA(`${unkg}Footnote`)).sort(byKeys((d) => d.integer(`${unkg}position`), (d) => d.id));
  },
  cites: async (node: NodeRef, _: unknown, context: GraphqlContext) => (await context.loaders.documentCites.load(node.id)).map(nodeRef),
  citedBy: paragraphsIn(PARAGRAPH_RELATIONS.citingFromOtherDocuments),
  sdgTargets: async (node: NodeRef, _: unknown, context: GraphqlContext) => {
    const cited = await context.loaders.documentSdgTargets.load(node.id);
    const targets = await describeAll(context, cited.map(({ target }) => target));
    return cited
      .map(({ paragraphs }, i) => ({ target: targets[i], paragraphs: paragraphs.map(nodeRef) }))
      .sort((a, b) => compareCodes(sdgCodeOf(a.target), sdgCodeOf(b.target)));
  },
};

export const documentResolvers = {
  Resolution: {
    ...documentFields,
    number: stringOf(`${unkg}resolutionNumber`),
    enactingFormula: textOf(`${unkg}enactingFormula`),
  },
  OtherDocument: documentFields,
};

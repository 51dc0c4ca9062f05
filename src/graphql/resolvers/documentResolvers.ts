import type { GraphQLResolveInfo } from 'graphql';
import { addPath } from 'graphql/jsutils/Path';
import { NS } from '../../vocab';
import type { GraphqlContext } from '../GraphqlContext';
import { PARAGRAPH_CLASS, type ParagraphKindName } from '../lists/topLevelLists';
import { PARAGRAPH_RELATIONS } from '../loaders/paragraphRelations';
import type { PageArgs } from '../lists/connection';
import type { NodeRef } from '../NodeRef';
import { needing } from '../plan/FieldNeeds';
import { sdgCodeOf } from './entityResolvers';
import {
  byKeys,
  compareCodes,
  describe,
  describeAll,
  integerOf,
  linkOf,
  linksOf,
  loadAs,
  loadAt,
  nodeFields,
  paragraphConnection,
  paragraphsIn,
  RDF_TYPE,
  reading,
  refOf,
  stringOf,
  textOf,
  textsOf,
  then,
} from './fields';

const { eli, unkg, dcterms, rdfs } = NS;
const POSITION = `${unkg}position`;

const { documentParagraphs, documentTopLevelParagraphs } = PARAGRAPH_RELATIONS;

/** Without `kind`, the preambular and operative paragraphs; with it, the paragraphs of that
 *  kind, from the list of all the document's paragraphs. The plan loads that list when the
 *  operation passes `kind` (a variable that is null does not count), the shorter one otherwise;
 *  this reads whichever is loaded. */
const paragraphsOf = needing(
  { paragraphs: (given: ReadonlySet<string>) => (given.has('kind') ? documentParagraphs : documentTopLevelParagraphs) },
  (node: NodeRef, args: PageArgs & { kind?: ParagraphKindName | null }, context: GraphqlContext, info: GraphQLResolveInfo) => {
    const { graph } = context.loaders;
    if (args.kind || (!graph.paragraphs(documentTopLevelParagraphs, node.id) && graph.paragraphs(documentParagraphs, node.id))) {
      const kind = args.kind ? PARAGRAPH_CLASS[args.kind] : undefined;
      return paragraphConnection(context, info, documentParagraphs, node.id, args, (row) =>
        kind ? row.kind === kind : row.kind !== PARAGRAPH_CLASS.SUB_PARAGRAPH,
      );
    }
    return paragraphConnection(context, info, documentTopLevelParagraphs, node.id, args, () => true);
  },
);

/** Fields shared by Resolution and OtherDocument (the Document interface). */
const documentFields = {
  ...nodeFields,
  symbol: reading([`${eli}id_local`], (d, _, context) => d.string(`${eli}id_local`) ?? context.iris.symbolOf(d.id) ?? d.id),
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
  seeAlso: reading([`${rdfs}seeAlso`], (d) => d.iris(`${rdfs}seeAlso`)),
  paragraphs: paragraphsOf,
  footnotes: needing(
    { reads: [`${eli}has_part`], links: [`${eli}has_part`], linkedReads: [RDF_TYPE, POSITION] },
    (node: NodeRef, _: unknown, context: GraphqlContext) =>
      then(describe(context, node, [`${eli}has_part`]), (d) =>
        then(describeAll(context, d.iris(`${eli}has_part`), [RDF_TYPE, POSITION]), (parts) =>
          parts
            .filter((part) => part.isA(`${unkg}Footnote`))
            .sort(
              byKeys(
                (p) => p.integer(POSITION),
                (p) => p.id,
              ),
            ),
        ),
      ),
  ),
  cites: needing({}, async (node: NodeRef, _: unknown, context: GraphqlContext, info: GraphQLResolveInfo) =>
    loadAs(context, info, await context.loaders.documentCites.load(node.id)),
  ),
  citedBy: paragraphsIn(PARAGRAPH_RELATIONS.citingFromOtherDocuments),
  /** The targets load as the plan plans `target`, the paragraphs as it plans `paragraphs`. */
  sdgTargets: needing({}, async (node: NodeRef, _: unknown, context: GraphqlContext, info: GraphQLResolveInfo) => {
    const cited = await context.loaders.documentSdgTargets.load(node.id);
    const at = (field: string) => context.plan?.at(addPath(info.path, field, 'DocumentSdgTarget'));
    await loadAt(
      context,
      at('target'),
      cited.map(({ target }) => target),
    );
    await loadAt(context, at('paragraphs'), [...new Set(cited.flatMap(({ paragraphs }) => paragraphs))]);
    const targets = await describeAll(
      context,
      cited.map(({ target }) => target),
      [`${NS.skos}notation`],
    );
    return cited
      .map(({ paragraphs }, i) => ({ target: targets[i], paragraphs: paragraphs.map((id) => refOf(context, id)) }))
      .sort((a, b) => compareCodes(sdgCodeOf(a.target), sdgCodeOf(b.target)));
  }),
};

export const documentResolvers = {
  Resolution: {
    ...documentFields,
    number: stringOf(`${unkg}resolutionNumber`),
    enactingFormula: textOf(`${unkg}enactingFormula`),
    languages: reading([`${dcterms}language`], (d) =>
      d
        .literals(`${dcterms}language`)
        .map((l) => l.value)
        .sort(),
    ),
  },
  OtherDocument: documentFields,
};

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
import * as fields from './fields';

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
      return fields.paragraphConnection(context, info, documentParagraphs, node.id, args, (row) =>
        kind ? row.kind === kind : row.kind !== PARAGRAPH_CLASS.SUB_PARAGRAPH,
      );
    }
    return fields.paragraphConnection(context, info, documentTopLevelParagraphs, node.id, args, () => true);
  },
);

/** Fields shared by Resolution and OtherDocument (the Document interface). */
const documentFields = {
  ...fields.nodeFields,
  symbol: fields.reading([`${eli}id_local`], (d, _, context) => d.string(`${eli}id_local`) ?? context.iris.symbolOf(d.id) ?? d.id),
  title: fields.textOf(`${dcterms}title`),
  titles: fields.textsOf(`${dcterms}title`),
  date: fields.stringOf(`${eli}date_document`),
  organ: fields.linkOf(`${eli}passed_by`),
  session: fields.textOf(`${unkg}session`),
  agendaItem: fields.stringOf(`${unkg}agendaItem`),
  plenaryMeeting: fields.integerOf(`${unkg}plenaryMeeting`),
  distributionDate: fields.stringOf(`${unkg}distributionDate`),
  recommendedBy: fields.linksOf(`${unkg}recommendedBy`),
  basedOn: fields.linksOf(`${eli}based_on`),
  seeAlso: fields.reading([`${rdfs}seeAlso`], (d) => d.iris(`${rdfs}seeAlso`)),
  paragraphs: paragraphsOf,
  footnotes: needing(
    { reads: [`${eli}has_part`], links: [`${eli}has_part`], linkedReads: [fields.RDF_TYPE, POSITION] },
    (node: NodeRef, _: unknown, context: GraphqlContext) =>
      fields.then(fields.describe(context, node, [`${eli}has_part`]), (d) =>
        fields.then(fields.describeAll(context, d.iris(`${eli}has_part`), [fields.RDF_TYPE, POSITION]), (parts) =>
          parts
            .filter((part) => part.isA(`${unkg}Footnote`))
            .sort(
              fields.byKeys(
                (p) => p.integer(POSITION),
                (p) => p.id,
              ),
            ),
        ),
      ),
  ),
  cites: needing({}, async (node: NodeRef, _: unknown, context: GraphqlContext, info: GraphQLResolveInfo) =>
    fields.loadAs(context, info, await context.loaders.documentCites.load(node.id)),
  ),
  citedBy: fields.paragraphsIn(PARAGRAPH_RELATIONS.citingFromOtherDocuments),
  /** The targets load as the plan plans `target`, the paragraphs as it plans `paragraphs`. */
  sdgTargets: needing({}, async (node: NodeRef, _: unknown, context: GraphqlContext, info: GraphQLResolveInfo) => {
    const cited = await context.loaders.documentSdgTargets.load(node.id);
    const at = (field: string) => context.plan?.at(addPath(info.path, field, 'DocumentSdgTarget'));
    await fields.loadAt(
      context,
      at('target'),
      cited.map(({ target }) => target),
    );
    await fields.loadAt(context, at('paragraphs'), [...new Set(cited.flatMap(({ paragraphs }) => paragraphs))]);
    const targets = await fields.describeAll(
      context,
      cited.map(({ target }) => target),
      [`${NS.skos}notation`],
    );
    return cited
      .map(({ paragraphs }, i) => ({ target: targets[i], paragraphs: paragraphs.map((id) => fields.refOf(context, id)) }))
      .sort((a, b) => fields.compareCodes(sdgCodeOf(a.target), sdgCodeOf(b.target)));
  }),
};

export const documentResolvers = {
  Resolution: {
    ...documentFields,
    number: fields.stringOf(`${unkg}resolutionNumber`),
    enactingFormula: fields.textOf(`${unkg}enactingFormula`),
    languages: fields.reading([`${dcterms}language`], (d) =>
      d
        .literals(`${dcterms}language`)
        .map((l) => l.value)
        .sort(),
    ),
  },
  OtherDocument: documentFields,
};

import { CLAUSE_SCHEME_IRI, NS } from '../../vocab';
import { BadUserInputError } from '../errors';
import type { GraphqlContext } from '../GraphqlContext';
import { iriInput, sdgCodeInput, slugInput, symbolInput } from '../inputs';
import { pageOf, type PageArgs } from '../lists/connection';
import { search } from '../lists/search';
import { organisationPage, paragraphPage, resolutionPage, treatyPage, type ParagraphFilter, type ResolutionFilter } from '../lists/topLevelLists';
import { iri } from '../rdf/sparqlSyntax';
import type { Description } from '../rdf/Description';
import { isDocumentType, typeNameOf } from '../typeNameOf';
import { sdgCodeOf } from './entityResolvers';
import { byKeys, compareCodes } from './fields';

const { unkg, sdgo, skos } = NS;

/** A resource that exists and is of the wanted type, else null. */
async function existing(context: GraphqlContext, id: string, isWanted: (d: Description) => boolean): Promise<Description | null> {
  const description = await context.loaders.describe.load(id);
  return description.exists && isWanted(description) ? description : null;
}


export const queryResolvers = {
  Query: {
    node: (_: unknown, { id }: { id: string }, context: GraphqlContext) => existing(context, iriInput(id, 'id'), () => true),
    resolution: (_: unknown, { symbol }: { symbol: string }, context: GraphqlContext) =>
      existing(context, symbolInput(symbol, 'symbol', context.iris), (d) => d.isA(`${unkg}Resolution`)),
    document: (_: unknown, { symbol }: { symbol: string }, context: GraphqlContext) =>
      existing(context, symbolInput(symbol, 'symbol', context.iris), (d) => isDocumentType(typeNameOf(d))),
    resolutions: (_: unknown, args: PageArgs & { filter?: ResolutionFilter | null }, context: GraphqlContext) =>
      resolutionPage(context.store, context.iris, args.filter ?? {}, pageOf(args)),
    paragraphs: (_: unknown, args: PageArgs & { filter?: ParagraphFilter | null }, context: GraphqlContext) =>
      paragraphPage(context.store, context.iris, args.filter ?? {}, pageOf(args)),
    sdgGoals: async (_: unknown, __: unknown, context: GraphqlContext) =>
      (await context.loaders.describeWhere(`?s a sdgo:Goal`)).sort((a, b) => compareCodes(sdgCodeOf(a), sdgCodeOf(b))),
    sdgTargets: async (_: unknown, __: unknown, context: GraphqlContext) =>
      (await context.loaders.describeWhere(`?s a sdgo:Target`)).sort((a, b) => compareCodes(sdgCodeOf(a), sdgCodeOf(b))),
    sdgTarget: (_: unknown, { code }: { code: string }, context: GraphqlContext) =>
      existing(context, sdgCodeInput(code, 'code'), (d) => d.isA(`${sdgo}Target`)),
    treaties: (_: unknown, args: PageArgs, context: GraphqlContext) => treatyPage(context.store, pageOf(args)),
    organisations: (_: unknown, args: PageArgs, context: GraphqlContext) => organisationPage(context.store, pageOf(args)),
    organisation: (_: unknown, { id, slug }: { id?: string | null; slug?: string | null }, context: GraphqlContext) => {
      if ((id == null) === (slug == null)) throw new BadUserInputError('Give exactly one of "id" and "slug"');
      const target = id != null ? iriInput(id, 'id') : context.iris.organisation(slugInput(slug as string, 'slug'));
      return existing(context, target, (d) => typeNameOf(d) === 'Organisation');
    },
    clauseVerbs: async (_: unknown, { kind }: { kind?: 'PREAMBULAR' | 'OPERATIVE' | null }, context: GraphqlContext) => {
      const verbs = await context.loaders.describeWhere(`?s skos:inScheme ${iri(CLAUSE_SCHEME_IRI)}`);
      const wanted = kind === 'PREAMBULAR' ? `${unkg}PreambularVerb` : kind === 'OPERATIVE' ? `${unkg}OperativeVerb` : undefined;
      return verbs.filter((v) => !wanted || v.isA(wanted)).sort(byKeys((v) => v.string(`${skos}notation`), (v) => v.id));
    },
    search: (_: unknown, args: PageArgs & { text: string; lang?: string[] | null }, context: GraphqlContext) =>
      search(context.store, args.text, args.lang, pageOf(args)),
  },
};

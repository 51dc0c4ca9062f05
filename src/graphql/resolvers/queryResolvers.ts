import type { GraphQLResolveInfo } from 'graphql';
import { CLAUSE_SCHEME_IRI, NS } from '../../vocab';
import { BadUserInputError } from '../errors';
import type { GraphqlContext } from '../GraphqlContext';
import { iriInput, sdgCodeInput, slugInput, symbolInput } from '../inputs';
import { PREFETCH_LIMIT } from '../limits';
import type { ParagraphRelation } from '../loaders/paragraphRelations';
import type { PlanNode } from '../plan/PlanNode';
import { pageOf, withNodes, type Connection, type PageArgs } from '../lists/connection';
import { search, searchIndexed } from '../lists/search';
import {
  organisationPage,
  paragraphFilterSeed,
  paragraphPage,
  resolutionPage,
  treatyPage,
  type PageOptions,
  type ParagraphFilter,
  type ResolutionFilter,
} from '../lists/topLevelLists';
import type { NodeRef } from '../NodeRef';
import { needing } from '../plan/FieldNeeds';
import { iri } from '../rdf/sparqlSyntax';
import type { Description } from '../rdf/Description';
import { isDocumentType, typeNameOf } from '../typeNameOf';
import { sdgCodeOf } from './entityResolvers';
import { byKeys, compareCodes, loadAs, RDF_TYPE } from './fields';

const { unkg, sdgo, skos } = NS;

/** A resource that exists and is of the wanted type, else null. It loads as the operation's
 *  plan plans it, in one round trip with what the operation reads down to its first list; only
 *  when none of that has a value is the resource described whole, to tell whether it exists. */
async function existing(context: GraphqlContext, info: GraphQLResolveInfo, id: string, isWanted: (d: Description) => boolean): Promise<Description | null> {
  const node = context.plan?.at(info.path);
  // The members of the paragraph list the operation goes down load in the same query (when it
  // goes down one only: a lookup of any type plans the lists of every type), from a pattern
  // that pins them (see listSeed).
  const lists = node ? [...node.lists.values()] : [];
  const ahead = lists.length === 1 ? lists.map(({ relation, node: members }) => prefetch(context, members, listSeed(relation, id))) : [];
  let description = node ? await context.loaders.level(node).load(id) : await context.loaders.describe.load(id);
  await Promise.all(ahead);
  if (description.exists === undefined) description = await context.loaders.describe.load(id);
  return description.exists && isWanted(description) ? description : null;
}

/** Loads, as `node` plans them, up to PREFETCH_LIMIT resources `seed` binds, so that the
 *  operation finds them loaded when it learns which of them it needs. A failure here only
 *  costs that later load its own round trip. */
function prefetch(context: GraphqlContext, node: PlanNode, seed: ((variable: string) => string) | undefined): Promise<unknown> {
  // Members whose IRI is all the operation reads need no load.
  if (!seed || !(node.reads.size || node.links.size || node.lists.size || node.references.size)) return Promise.resolve();
  return context.loaders.levelWhere(node, (v) => `{ SELECT DISTINCT ?${v} WHERE { ${seed(v)} } LIMIT ${PREFETCH_LIMIT} }`).catch(() => undefined);
}

/** The paragraphs in `relation` to `key`, or more. A document's own paragraphs are its parts
 *  (and their parts, for sub-paragraphs). */
function listSeed(relation: ParagraphRelation, key: string): (variable: string) => string {
  const pattern = relation.pattern;
  if (pattern) return (variable) => pattern.replace(/\?p\b/g, `?${variable}`).replace(/\?key\b/g, iri(key));
  if (relation.subParagraphs === false)
    return (v) => `?${v} eli:is_part_of ${iri(key)} ; a ?${v}Kind . FILTER(?${v}Kind IN (unkg:PreambularParagraph, unkg:OperativeParagraph))`;
  return (v) => `{ ?${v} eli:is_part_of ${iri(key)} } UNION { ?${v} eli:is_part_of ?${v}Parent . ?${v}Parent eli:is_part_of ${iri(key)} }`;
}

const LOOKUP = { linkedReads: [RDF_TYPE] } as const;
const lookup = <A>(find: (args: A, context: GraphqlContext) => { id: string; isWanted: (d: Description) => boolean }) =>
  needing(LOOKUP, (_: unknown, args: A, context: GraphqlContext, info: GraphQLResolveInfo) => {
    const { id, isWanted } = find(args, context);
    return existing(context, info, id, isWanted);
  });

/** A top-level page whose members then load as the plan plans them; its total is counted
 *  alongside when selected. */
const page = <A extends PageArgs>(
  fetch: (args: A, context: GraphqlContext, options: PageOptions) => Promise<Connection<NodeRef>>,
  seed?: (args: A, context: GraphqlContext) => ((variable: string) => string) | undefined,
) =>
  needing({}, async (_: unknown, args: A, context: GraphqlContext, info: GraphQLResolveInfo) => {
    const members = context.plan?.at(info.path, 'page');
    const countAlongside = members?.connectionFields.has('totalCount') ?? false;
    // A filtered list: its members load alongside the page, from what the filter pins.
    const { first, offset } = pageOf(args);
    const ahead = members && first + offset <= PREFETCH_LIMIT ? prefetch(context, members, seed?.(args, context)) : undefined;
    const connection = await fetch(args, context, { countAlongside });
    await ahead;
    return withNodes(
      connection,
      await loadAs(
        context,
        info,
        connection.nodes.map((node) => node.id),
        'page',
      ),
    );
  });

/** Resources a pattern over ?s binds, loaded as the plan plans them (whole without a plan). */
const described = (pattern: (variable: string) => string, order: (a: Description, b: Description) => number) =>
  needing({ linkedReads: [RDF_TYPE, `${skos}notation`] }, async (_: unknown, __: unknown, context: GraphqlContext, info: GraphQLResolveInfo) => {
    const node = context.plan?.at(info.path);
    const found = node ? await context.loaders.levelWhere(node, pattern) : await context.loaders.describeWhere(pattern('s'));
    return found.sort(order);
  });
const byCode = (a: Description, b: Description) => compareCodes(sdgCodeOf(a), sdgCodeOf(b));

export const queryResolvers = {
  Query: {
    node: lookup(({ id }: { id: string }) => ({ id: iriInput(id, 'id'), isWanted: () => true })),
    resolution: lookup(({ symbol }: { symbol: string }, context) => ({
      id: symbolInput(symbol, 'symbol', context.iris),
      isWanted: (d) => d.isA(`${unkg}Resolution`),
    })),
    document: lookup(({ symbol }: { symbol: string }, context) => ({
      id: symbolInput(symbol, 'symbol', context.iris),
      isWanted: (d) => isDocumentType(typeNameOf(d)),
    })),
    resolutions: page((args: PageArgs & { filter?: ResolutionFilter | null }, context, options) =>
      resolutionPage(context.loaders.select, context.iris, args.filter ?? {}, pageOf(args), options),
    ),
    paragraphs: page(
      (args: PageArgs & { filter?: ParagraphFilter | null }, context, options) =>
        paragraphPage(context.loaders.select, context.iris, args.filter ?? {}, pageOf(args), options),
      (args, context) => paragraphFilterSeed(context.iris, args.filter ?? {}),
    ),
    sdgGoals: described((s) => `?${s} a sdgo:Goal`, byCode),
    sdgTargets: described((s) => `?${s} a sdgo:Target`, byCode),
    sdgTarget: lookup(({ code }: { code: string }) => ({ id: sdgCodeInput(code, 'code'), isWanted: (d) => d.isA(`${sdgo}Target`) })),
    treaties: page((args: PageArgs, context, options) => treatyPage(context.loaders.select, pageOf(args), options)),
    organisations: page((args: PageArgs, context, options) => organisationPage(context.loaders.select, pageOf(args), options)),
    organisation: lookup(({ id, slug }: { id?: string | null; slug?: string | null }, context) => {
      if ((id == null) === (slug == null)) throw new BadUserInputError('Give exactly one of "id" and "slug"');
      return {
        id: id != null ? iriInput(id, 'id') : context.iris.organisation(slugInput(slug as string, 'slug')),
        isWanted: (d) => typeNameOf(d) === 'Organisation',
      };
    }),
    clauseVerbs: needing(
      { linkedReads: [RDF_TYPE, `${skos}notation`] },
      async (_: unknown, { kind }: { kind?: 'PREAMBULAR' | 'OPERATIVE' | null }, context: GraphqlContext, info: GraphQLResolveInfo) => {
        const pattern = (s: string) => `?${s} skos:inScheme ${iri(CLAUSE_SCHEME_IRI)}`;
        const node = context.plan?.at(info.path);
        const verbs = node ? await context.loaders.levelWhere(node, pattern) : await context.loaders.describeWhere(pattern('s'));
        const wanted = kind === 'PREAMBULAR' ? `${unkg}PreambularVerb` : kind === 'OPERATIVE' ? `${unkg}OperativeVerb` : undefined;
        return verbs
          .filter((v) => !wanted || v.isA(wanted))
          .sort(
            byKeys(
              (v) => v.string(`${skos}notation`),
              (v) => v.id,
            ),
          );
      },
    ),
    search: needing({}, async (_: unknown, args: PageArgs & { text: string; lang?: string[] | null }, context: GraphqlContext, info: GraphQLResolveInfo) => {
      const countAlongside = context.plan?.at(info.path, 'page')?.connectionFields.has('totalCount') ?? false;
      const found = context.search
        ? await searchIndexed(context.search, args.text, args.lang, context.languages, pageOf(args))
        : await search(context.store, args.text, args.lang, pageOf(args), { countAlongside });
      const members = await loadAs(
        context,
        info,
        found.edges.map((edge) => edge.node.id),
        'page',
      );
      return { ...found, edges: found.edges.map((edge, i) => ({ ...edge, node: members[i] })) };
    }),
  },
};

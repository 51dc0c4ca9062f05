import { NS, type IriScheme } from '../../vocab';
import { INDEX_VARIABLES, ORDER_KEYS, paragraphIndex } from '../loaders/paragraphIndex';
import { iri } from '../rdf/sparqlSyntax';
import type { Select } from '../rdf/selectBatch';
import { citableInput, clauseVerbInput, iriInput, sdgCodeInput, symbolInput } from '../inputs';
import { nodeRef, type NodeRef } from '../NodeRef';
import type { Connection, Page } from './connection';
import { pagedSelect } from './pagedSelect';

/** How a top-level page is fetched (see pagedSelect). */
export type PageOptions = Parameters<typeof pagedSelect>[4];

export type ParagraphKindName = 'PREAMBULAR' | 'OPERATIVE' | 'SUB_PARAGRAPH';

export const PARAGRAPH_CLASS: Record<ParagraphKindName, string> = {
  PREAMBULAR: `${NS.unkg}PreambularParagraph`,
  OPERATIVE: `${NS.unkg}OperativeParagraph`,
  SUB_PARAGRAPH: `${NS.unkg}SubParagraph`,
};

export interface ParagraphFilter {
  kind?: ParagraphKindName | null;
  clauseVerb?: string | null;
  cites?: string | null;
  sdgTarget?: string | null;
  mentions?: string | null;
  addressee?: string | null;
  document?: string | null;
}

/** Query.paragraphs: every filter is one pattern at the head of the paragraph index. */
export function paragraphPage(select: Select, iris: IriScheme, filter: ParagraphFilter, page: Page, options?: PageOptions): Promise<Connection<NodeRef>> {
  const restriction: string[] = [];
  if (filter.document) restriction.push(`VALUES ?doc { ${iri(symbolInput(filter.document, 'filter.document', iris))} }`);
  if (filter.cites) restriction.push(`?p eli:cites ${iri(citableInput(filter.cites, 'filter.cites', iris))} .`);
  if (filter.sdgTarget) restriction.push(`?p eli:cites ${iri(sdgCodeInput(filter.sdgTarget, 'filter.sdgTarget'))} .`);
  if (filter.clauseVerb) restriction.push(`?p unkg:clauseVerb ${iri(clauseVerbInput(filter.clauseVerb, 'filter.clauseVerb'))} .`);
  if (filter.mentions) restriction.push(`?p schema:mentions ${iri(iriInput(filter.mentions, 'filter.mentions'))} .`);
  if (filter.addressee) restriction.push(`?p unkg:clauseAct/unkg:addressee ${iri(iriInput(filter.addressee, 'filter.addressee'))} .`);
  const kind = filter.kind ? `FILTER(?kind = ${iri(PARAGRAPH_CLASS[filter.kind])})` : '';
  return pagedSelect(
    select,
    { where: `${paragraphIndex(restriction.join(' '))} ${kind}`, variable: 'p', keys: INDEX_VARIABLES.replace('?p ', ''), orderBy: ORDER_KEYS },
    page,
    (row) => nodeRef(row.p.value),
    options,
  );
}

/** A pattern binding `?{variable}` to a set of resources holding every paragraph the filter
 *  keeps (and maybe others), cheap to evaluate; undefined when the filter pins nothing. */
export function paragraphFilterSeed(iris: IriScheme, filter: ParagraphFilter): ((variable: string) => string) | undefined {
  if (filter.cites) return (v) => `?${v} eli:cites ${iri(citableInput(filter.cites!, 'filter.cites', iris))} .`;
  if (filter.sdgTarget) return (v) => `?${v} eli:cites ${iri(sdgCodeInput(filter.sdgTarget!, 'filter.sdgTarget'))} .`;
  if (filter.clauseVerb) return (v) => `?${v} unkg:clauseVerb ${iri(clauseVerbInput(filter.clauseVerb!, 'filter.clauseVerb'))} .`;
  if (filter.mentions) return (v) => `?${v} schema:mentions ${iri(iriInput(filter.mentions!, 'filter.mentions'))} .`;
  if (filter.document) return (v) => `?${v} eli:is_part_of+ ${iri(symbolInput(filter.document!, 'filter.document', iris))} .`;
  return undefined;
}

export interface ResolutionFilter {
  organ?: string | null;
  cites?: string | null;
}

export function resolutionPage(select: Select, iris: IriScheme, filter: ResolutionFilter, page: Page, options?: PageOptions): Promise<Connection<NodeRef>> {
  const patterns = ['?s a unkg:Resolution .'];
  if (filter.organ) patterns.push(`?s eli:passed_by ${iri(iriInput(filter.organ, 'filter.organ'))} .`);
  if (filter.cites) patterns.push(`?s eli:has_part* ?part . ?part eli:cites ${iri(citableInput(filter.cites, 'filter.cites', iris))} .`);
  patterns.push('OPTIONAL { ?s eli:id_local ?symbol }');
  return pagedSelect(select, { where: patterns.join(' '), keys: '?symbol', orderBy: '?symbol ?s' }, page, (row) => nodeRef(row.s.value), options);
}

export function treatyPage(select: Select, page: Page, options?: PageOptions): Promise<Connection<NodeRef>> {
  return pagedSelect(
    select,
    {
      where: '?s a unkg:Treaty . OPTIONAL { ?s unkg:untsVolume ?volume } OPTIONAL { ?s unkg:untsNumber ?number }',
      keys: '?volume ?number',
      orderBy: '?volume ?number ?s',
    },
    page,
    (row) => nodeRef(row.s.value),
    options,
  );
}

export const ORGANISATION_CLASSES = [`${NS.org}Organization`, `${NS.org}FormalOrganization`, `${NS.unkg}MemberStates`];

export function organisationPage(select: Select, page: Page, options?: PageOptions): Promise<Connection<NodeRef>> {
  return pagedSelect(
    select,
    { where: `VALUES ?class { ${ORGANISATION_CLASSES.map(iri).join(' ')} } ?s a ?class .`, orderBy: '?s' },
    page,
    (row) => nodeRef(row.s.value),
    options,
  );
}

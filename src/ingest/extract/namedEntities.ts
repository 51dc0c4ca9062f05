/** Organisations, events, publications, plans and treaties named in the text, by the names of
 *  the reference data (gazetteer.ts): a treaty named is cited, the others are mentioned. */
import type { ExtractedLink } from '../links';
import { findEntities } from '../gazetteer';
import type { Extractor } from './Extractor';

export const namedEntities: Extractor = {
  name: 'names of organisations, events, publications, plans and treaties',
  kinds: ['organisation', 'event', 'publication', 'plan', 'treaty'],
  overlap: 'keep',
  extract: (text, ctx) =>
    findEntities(text, ctx.gazetteer).map((e): ExtractedLink => ({
      relation: e.entry.kind === 'treaty' ? 'cites' : 'mentions',
      target: e.entry.iri,
      kind: e.entry.kind,
      start: e.start,
      end: e.end,
      matchedText: e.text,
      extractor: e.anaphoric ? 'entity-anaphor' : e.entry.kind === 'treaty' ? 'treaty-name' : 'entity-name',
    })),
};

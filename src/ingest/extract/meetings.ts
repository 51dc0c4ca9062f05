/** High-level meetings named by kind and date rather than by a fixed name: "la réunion de
 *  haut niveau ... que l'Assemblée générale a tenue du 13 au 15 mai 2013", "a high-level
 *  meeting at its seventy-second session", "the high-level meeting ... on 27 and 28 September
 *  2017". A meeting in the reference data with the same start date (or GA session) is that
 *  meeting; otherwise one is minted from its date. */
import type { IriScheme } from '../../vocab';
import { findDates, parseOrdinal } from '../dates';
import type { Gazetteer } from '../gazetteer';
import type { ExtractedLink } from '../links';
import type { Extractor } from './Extractor';

const MEETING_RE = /(?<![\p{L}])(réunions? (?:plénières? )?de haut niveau|high-level (?:plenary )?meetings?|sommets?|summits?)(?![\p{L}])/giu;
const SESSION_RE = /(?:à sa|at its|lors de sa|during its)\s+([\p{L}-]+(?:\s+et\s+[\p{L}-]+)?)\s+session/iu;
/** How far after the phrase its date or session may stand (same sentence). */
const WINDOW = 260;

export function extractMeetings(text: string, gazetteer: Gazetteer, iris: IriScheme): ExtractedLink[] {
  const out: ExtractedLink[] = [];
  const dates = findDates(text);
  for (const m of text.matchAll(MEETING_RE)) {
    const start = m.index!;
    const end = start + m[0].length;
    const sentenceEnd = (() => {
      const rest = text.slice(end);
      const stop = rest.search(/[;](?:\s|$)|\.\s+\p{Lu}/u);
      return end + Math.min(stop < 0 ? rest.length : stop, WINDOW);
    })();
    const date = dates.find((d) => d.start >= end && d.start < sentenceEnd);
    const sessionMatch = SESSION_RE.exec(text.slice(end, sentenceEnd));
    const session = sessionMatch ? parseOrdinal(sessionMatch[1]) : undefined;
    const meetings = gazetteer.entries.filter((e) => e.kind === 'event' && e.startDate);
    const known =
      (date && meetings.find((e) => e.startDate === date.date)) ||
      (!date && session !== undefined ? meetings.find((e) => e.sessionNumber === session) : undefined);
    if (known) {
      out.push({ relation: 'mentions', target: known.iri, kind: 'event', start, end, matchedText: m[0], extractor: 'meeting-by-date' });
    } else if (date) {
      out.push({
        relation: 'mentions',
        target: iris.event(`meeting-${date.date}`),
        kind: 'event',
        start,
        end,
        matchedText: m[0],
        extractor: 'meeting-by-date',
        minted: true,
        facts: { label: m[0].toLowerCase(), startDate: date.date, endDate: date.endDate ?? date.date },
      });
    }
  }
  return out;
}

export const meetings: Extractor = {
  name: 'high-level meetings by date or session',
  kinds: ['event'],
  overlap: 'yield',
  extract: (text, ctx) => extractMeetings(text, ctx.gazetteer, ctx.iris),
};

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FormatOffer } from '../vocab';
import { NotAcceptableError } from './errors';
import { NEGOTIATION_CACHE_ENTRIES, NEGOTIATION_CACHE_MAX_HEADER_CHARS } from './limits';

/** Content negotiation (RFC 9110 §12.5.1), the only implementation in the service. */

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
  /** Position in the header: earlier wins among equals. */
  position: number;
}

/** Parses an Accept header; malformed ranges are skipped. Parameters other than q (charset,
 *  profile, ...) do not restrict the match. */
export function parseAccept(header: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  header.split(',').forEach((part, position) => {
    const [range, ...params] = part.split(';').map((s) => s.trim());
    const full = range === '*' ? '*/*' : range.toLowerCase();
    const match = /^([a-z0-9!#$%&'*+.^_`|~-]+)\/([a-z0-9!#$%&'*+.^_`|~-]+)$/.exec(full);
    if (!match || (match[1] === '*' && match[2] !== '*')) return;
    let q = 1;
    for (const param of params) {
      const [name, value] = param.split('=').map((s) => s.trim());
      if (name.toLowerCase() !== 'q') continue;
      q = Number(value);
      break;
    }
    if (!Number.isFinite(q) || q < 0 || q > 1) return;
    ranges.push({ type: match[1], subtype: match[2], q, position });
  });
  return ranges;
}

/** How specifically `range` names `mediaType`: 2 exact, 1 type/*, 0 *\/*, -1 not at all. */
function specificity(range: MediaRange, mediaType: string): number {
  const [type, subtype] = mediaType.split('/');
  if (range.type === '*') return 0;
  if (range.type !== type) return -1;
  if (range.subtype === '*') return 1;
  return range.subtype === subtype ? 2 : -1;
}

interface Candidate<T> {
  mediaType: T;
  q: number;
  specificity: number;
  position: number;
  preference: number;
}

/** Picks the media type to answer with. `supported` is in the server's order of preference,
 *  with `fallback` first among equals; `aliases` lets a client's name stand for a supported
 *  type (application/json for application/sparql-results+json). For each supported type the
 *  most specific matching range gives its quality; the winner has the highest quality, then
 *  the most specific match, then the earliest position in the header, then the server's
 *  preference. A missing or empty header gets `fallback`; nothing acceptable throws
 *  NotAcceptableError listing what is available. */
export function negotiate<T extends string>(accept: string | undefined, supported: readonly T[], fallback: T, aliases: Readonly<Record<string, T>> = {}): T {
  if (!accept || !accept.trim()) return fallback;
  const ranges = parseAccept(accept);
  const ordered = [fallback, ...supported.filter((type) => type !== fallback)];
  const names = (type: T) => [type, ...Object.keys(aliases).filter((alias) => aliases[alias] === type)];
  let best: Candidate<T> | undefined;
  ordered.forEach((mediaType, preference) => {
    let match: Candidate<T> | undefined;
    for (const name of names(mediaType)) {
      for (const range of ranges) {
        const s = specificity(range, name);
        if (s < 0) continue;
        if (!match || s > match.specificity || (s === match.specificity && range.position < match.position)) {
          match = { mediaType, q: range.q, specificity: s, position: range.position, preference };
        }
      }
    }
    if (!match || match.q === 0) return;
    if (!best || better(match, best)) best = match;
  });
  if (!best) throw new NotAcceptableError(accept, ordered);
  return best.mediaType;
}

function better<T>(a: Candidate<T>, b: Candidate<T>): boolean {
  if (a.q !== b.q) return a.q > b.q;
  if (a.specificity !== b.specificity) return a.specificity > b.specificity;
  if (a.position !== b.position) return a.position < b.position;
  return a.preference < b.preference;
}

/** `negotiate` for one fixed offer, decided once per distinct Accept header: the result (or
 *  the refusal) is kept in a small bounded map, so a repeated header costs one lookup. */
export function negotiator<T extends string>(
  supported: readonly T[],
  fallback: T,
  aliases: Readonly<Record<string, T>> = {},
): (accept: string | undefined) => T {
  const decided = new Map<string, T | null>();
  const offered = [fallback, ...supported.filter((type) => type !== fallback)];
  return (accept) => {
    if (!accept) return fallback;
    let chosen = decided.get(accept);
    if (chosen === undefined) {
      try {
        chosen = negotiate(accept, supported, fallback, aliases);
      } catch (error) {
        if (!(error instanceof NotAcceptableError)) throw error;
        chosen = null;
      }
      if (accept.length <= NEGOTIATION_CACHE_MAX_HEADER_CHARS) {
        if (decided.size >= NEGOTIATION_CACHE_ENTRIES) decided.delete(decided.keys().next().value as string);
        decided.set(accept, chosen);
      }
    }
    if (chosen === null) throw new NotAcceptableError(accept, offered);
    return chosen;
  };
}

/** Adds `fields` to the reply's Vary header, keeping those already named (CORS's Origin). */
export function varyOn(reply: FastifyReply, ...fields: string[]): void {
  const current = reply.getHeader('vary');
  const named =
    current === undefined
      ? []
      : String(current)
          .split(',')
          .map((field) => field.trim())
          .filter(Boolean);
  for (const field of fields) if (!named.some((name) => name.toLowerCase() === field.toLowerCase())) named.push(field);
  reply.header('Vary', named.join(', '));
}

const offerNegotiators = new WeakMap<FormatOffer, (accept: string | undefined) => string>();

function negotiatorOf<T extends string>(offer: FormatOffer<T>): (accept: string | undefined) => T {
  let pick = offerNegotiators.get(offer);
  if (!pick) offerNegotiators.set(offer, (pick = negotiator(offer.types, offer.fallback, offer.aliases)));
  return pick as (accept: string | undefined) => T;
}

export interface NegotiationOptions<T extends string> {
  /** The type the request named otherwise (`?format=`): it wins over Accept. */
  chosen?: T;
  /** When nothing offered is acceptable, answer with the offer's default instead of a 406. */
  orFallback?: boolean;
}

/** The media type to answer `request` in, among those `offer` (src/vocab's format registry)
 *  lists. The reply is marked as varying on Accept whatever decides, since the same URL
 *  answers differently to another Accept header. Nothing acceptable is a 406 listing the
 *  offer, unless `orFallback`. */
export function negotiateReply<T extends string>(
  request: FastifyRequest,
  reply: FastifyReply,
  offer: FormatOffer<T>,
  { chosen, orFallback = false }: NegotiationOptions<T> = {},
): T {
  varyOn(reply, 'Accept');
  if (chosen !== undefined) return chosen;
  try {
    return negotiatorOf(offer)(request.headers.accept);
  } catch (error) {
    if (orFallback && error instanceof NotAcceptableError) return offer.fallback;
    throw error;
  }
}

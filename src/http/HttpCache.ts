import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';
import { DEFAULT_HTTP_MAX_AGE_SECONDS, ENTITY_DIGEST_MEMO_ENTRIES, ENTITY_DIGEST_MEMO_MAX_CHARS } from './limits';

/** HTTP caching of answers that depend only on the data (RFC 9110 §8.8.3, §13.1.2; RFC 9111):
 *  the one place that sets `ETag` and `Cache-Control` and answers `304 Not Modified`.
 *
 *  The entity tag is the store's revision (store.version(), which changes on every accepted
 *  write) and a digest of what identifies the representation (the request URL, the media
 *  type chosen, anything else the route's answer depends on). It is known before the answer is
 *  computed, so a client whose copy is current gets its 304 without the store being asked.
 *  Tags are weak: two evaluations of a query at one revision give the same data, but nothing
 *  promises the same bytes.
 *
 *  An answer whose revision changed while it was being computed, or that is not a success,
 *  leaves without validators (the onSend hook checks), so no tag ever names bytes it does not
 *  describe. */
export class HttpCache {
  private readonly cacheControl: string;
  /** The revision each reply's tag was made from. */
  private readonly pending = new WeakMap<FastifyReply, number>();
  private readonly digests = new Map<string, string>();

  constructor(
    private readonly revision: () => number,
    readonly maxAgeSeconds: number = DEFAULT_HTTP_MAX_AGE_SECONDS,
  ) {
    // max-age=0 still lets caches keep the answer, to be revalidated each time.
    this.cacheControl = maxAgeSeconds > 0 ? `public, max-age=${maxAgeSeconds}` : 'no-cache';
  }

  /** Sets the validators of the answer to `request` identified by `representation` (with the
   *  request's URL), and tells whether the client already holds it: then the reply is set to
   *  304 and the caller sends it without a body. GET and HEAD only; other methods are left
   *  alone and answered in full. */
  notModified(request: FastifyRequest, reply: FastifyReply, representation = ''): boolean {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const revision = this.revision();
    const tag = `W/"${revision.toString(36)}-${this.digest(`${request.url}\n${representation}`)}"`;
    this.pending.set(reply, revision);
    reply.header('ETag', tag).header('Cache-Control', this.cacheControl);
    if (!matches(request.headers['if-none-match'], tag)) return false;
    reply.code(304);
    return true;
  }

  private digest(key: string): string {
    if (key.length > ENTITY_DIGEST_MEMO_MAX_CHARS) return digestOf(key);
    let digest = this.digests.get(key);
    if (digest === undefined) {
      digest = digestOf(key);
      if (this.digests.size >= ENTITY_DIGEST_MEMO_ENTRIES) this.digests.delete(this.digests.keys().next().value as string);
      this.digests.set(key, digest);
    }
    return digest;
  }

  /** The hook that removes validators from answers they do not describe: errors, and answers
   *  computed across a write. Registered once, on the application. */
  readonly onSend: onSendHookHandler<unknown> = (_request, reply, payload, done) => {
    const revision = this.pending.get(reply);
    if (revision !== undefined) {
      const code = reply.statusCode;
      if ((code !== 200 && code !== 304) || revision !== this.revision()) {
        reply.removeHeader('ETag');
        reply.header('Cache-Control', 'no-store');
      }
    }
    done(null, payload);
  };
}

/** `W/"<revision>-<digest>"`. */
export function entityTag(revision: number, representation: string): string {
  return `W/"${revision.toString(36)}-${digestOf(representation)}"`;
}

const digestOf = (representation: string): string => createHash('sha1').update(representation).digest('base64url').slice(0, 22);

/** If-None-Match against one tag, by weak comparison (RFC 9110 §13.1.2): `*` or any listed
 *  tag equal once `W/` is set aside. */
export function matches(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = opaqueOf(tag);
  for (const candidate of ifNoneMatch.split(',')) {
    const trimmed = candidate.trim();
    if (trimmed === '*' || opaqueOf(trimmed) === opaque) return true;
  }
  return false;
}

const opaqueOf = (tag: string): string => (tag.startsWith('W/') ? tag.slice(2) : tag);

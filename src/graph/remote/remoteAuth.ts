import { createHash, randomBytes } from 'node:crypto';

/** How the remote store authenticates: nothing, HTTP Basic, HTTP Digest (RFC 7616 with MD5
 *  and qop=auth, what Virtuoso's /sparql-auth asks for) or a bearer token. The secret is read
 *  from a file by the caller and kept here only; no message or error ever includes it. */
export type RemoteAuth =
  | { scheme: 'none' }
  | { scheme: 'basic'; user: string; password: string }
  | { scheme: 'digest'; user: string; password: string }
  | { scheme: 'bearer'; token: string };

export type RemoteAuthScheme = RemoteAuth['scheme'];

/** Parses a credentials file: `user:password` for basic and digest, the token for bearer.
 *  Surrounding whitespace (a final newline) is ignored. */
export function parseCredentials(scheme: RemoteAuthScheme, text: string): RemoteAuth {
  const secret = text.trim();
  switch (scheme) {
    case 'none':
      return { scheme };
    case 'bearer':
      if (!secret || /\s/.test(secret)) throw new Error('the credentials file must hold one bearer token without spaces');
      return { scheme, token: secret };
    case 'basic':
    case 'digest': {
      const colon = secret.indexOf(':');
      if (colon <= 0) throw new Error('the credentials file must hold user:password');
      return { scheme, user: secret.slice(0, colon), password: secret.slice(colon + 1) };
    }
  }
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/** A server's digest challenge, kept between requests so each request carries its answer
 *  at once (the nonce count increases) instead of paying a 401 round trip every time. */
interface DigestChallenge {
  realm: string;
  nonce: string;
  opaque?: string;
  qop?: string;
  algorithm: string;
  count: number;
}

function parseChallenge(header: string): DigestChallenge | undefined {
  if (!/^\s*Digest\s/i.test(header)) return undefined;
  const fields = new Map<string, string>();
  for (const m of header.replace(/^\s*Digest\s+/i, '').matchAll(/(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g)) {
    fields.set(m[1].toLowerCase(), m[2] ?? m[3]);
  }
  const realm = fields.get('realm');
  const nonce = fields.get('nonce');
  if (realm === undefined || nonce === undefined) return undefined;
  const qops = (fields.get('qop') ?? '').split(',').map((q) => q.trim());
  return {
    realm,
    nonce,
    opaque: fields.get('opaque'),
    qop: qops.includes('auth') ? 'auth' : undefined,
    algorithm: fields.get('algorithm') ?? 'MD5',
    count: 0,
  };
}

/** Produces the Authorization header of each request and learns from 401 challenges. */
export class Authenticator {
  private challenge: DigestChallenge | undefined;

  constructor(private readonly auth: RemoteAuth) {}

  get scheme(): RemoteAuthScheme {
    return this.auth.scheme;
  }

  /** The header for a request, or undefined when none can be sent yet (digest before the
   *  first challenge). `uri` is the request target (path and query). */
  header(method: string, uri: string): string | undefined {
    const auth = this.auth;
    switch (auth.scheme) {
      case 'none':
        return undefined;
      case 'basic':
        return `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`;
      case 'bearer':
        return `Bearer ${auth.token}`;
      case 'digest': {
        const c = this.challenge;
        if (!c) return undefined;
        c.count++;
        const nc = c.count.toString(16).padStart(8, '0');
        const cnonce = randomBytes(8).toString('hex');
        const ha1 = md5(`${auth.user}:${c.realm}:${auth.password}`);
        const ha2 = md5(`${method}:${uri}`);
        const response = c.qop ? md5(`${ha1}:${c.nonce}:${nc}:${cnonce}:${c.qop}:${ha2}`) : md5(`${ha1}:${c.nonce}:${ha2}`);
        const parts = [
          `username="${auth.user}"`,
          `realm="${c.realm}"`,
          `nonce="${c.nonce}"`,
          `uri="${uri}"`,
          `algorithm=${c.algorithm}`,
          `response="${response}"`,
          ...(c.opaque !== undefined ? [`opaque="${c.opaque}"`] : []),
          ...(c.qop ? [`qop=${c.qop}`, `nc=${nc}`, `cnonce="${cnonce}"`] : []),
        ];
        return `Digest ${parts.join(', ')}`;
      }
    }
  }

  /** Learns a 401's challenge. True when a retry with a new answer makes sense (digest with
   *  a new or stale nonce); false when the credentials themselves were refused. */
  rechallenge(wwwAuthenticate: string | string[] | undefined, hadAnswer: boolean): boolean {
    if (this.auth.scheme !== 'digest' || wwwAuthenticate === undefined) return false;
    const headers = Array.isArray(wwwAuthenticate) ? wwwAuthenticate : [wwwAuthenticate];
    const challenge = headers.map(parseChallenge).find((c) => c !== undefined);
    if (!challenge) return false;
    const stale = headers.some((h) => /stale\s*=\s*"?true/i.test(h));
    const previous = this.challenge;
    this.challenge = challenge;
    // A refused answer to the same nonce that is not stale means wrong credentials.
    return !hadAnswer || stale || previous?.nonce !== challenge.nonce;
  }
}

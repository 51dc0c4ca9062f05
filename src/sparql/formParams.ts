import { BadRequestError } from '../http';

/** Request parameters: every value of every name, in order. */
export type Params = Readonly<Record<string, readonly string[]>>;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a UTF-8 body, or says it is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new BadRequestError(`${what} is not valid UTF-8`);
  }
}

/** decodeURIComponent is strict: a malformed escape or escapes that are not UTF-8 throw. */
function decodeComponent(text: string, where: string): string {
  const plain = text.includes('+') ? text.replace(/\+/g, ' ') : text;
  if (!plain.includes('%')) return plain;
  try {
    return decodeURIComponent(plain);
  } catch {
    throw new BadRequestError(
      /%(?![0-9a-fA-F]{2})/.test(plain) ? `Malformed percent-encoding in ${where}` : `A percent-encoded value in ${where} is not valid UTF-8`,
    );
  }
}

/** Parses application/x-www-form-urlencoded text (a form body or a URL's query string),
 *  strictly: values that do not decode to UTF-8 are an error, not replacement characters. */
export function parseForm(text: string, where: string): Params {
  const params: Record<string, string[]> = Object.create(null);
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const index = pair.indexOf('=');
    const name = decodeComponent(index < 0 ? pair : pair.slice(0, index), where);
    const value = index < 0 ? '' : decodeComponent(pair.slice(index + 1), where);
    (params[name] ??= []).push(value);
  }
  return params;
}

/** The parameters of a request URL. */
export function urlParams(url: string): Params {
  const index = url.indexOf('?');
  return index < 0 ? Object.create(null) : parseForm(url.slice(index + 1), 'the URL');
}

export function mergeParams(...all: Params[]): Params {
  const merged: Record<string, string[]> = Object.create(null);
  for (const params of all) for (const [name, values] of Object.entries(params)) (merged[name] ??= []).push(...values);
  return merged;
}

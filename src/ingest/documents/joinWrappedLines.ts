/** Re-joining lines that a page layout wrapped: a word hyphenated at the end of a line loses
 *  its hyphen ("organ-" + "ized" → "organized") unless the document writes the word with a
 *  hyphen elsewhere or the first part is a prefix that keeps one ("well-" + "managed"). */

/** First parts of compounds that keep their hyphen when a line breaks after it. */
const HYPHEN_KEEPING_PREFIXES = new Set([
  'well',
  'non',
  'self',
  'co',
  'multi',
  'inter',
  'cross',
  'long',
  'short',
  'high',
  'low',
  'anti',
  'post',
  'pre',
  'sub',
  'semi',
  'ex',
  'all',
  'full',
  'small',
  'large',
  'mid',
  'socio',
  'so',
  'vice',
  'sous',
  'demi',
  'mi',
  'quasi',
  'extra',
  'porte',
  'avant',
  'après',
  'arrière',
  'contre',
  'entre',
  'haut',
  'sans',
]);

const TRAILING_WORD_RE = /([\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*)-$/u;
const LEADING_WORD_RE = /^(\p{Ll}[\p{L}\p{N}]*)/u;

/** Every word of a text, lower-cased, hyphenated compounds kept whole: what the document
 *  itself says about how a word is written. */
export function documentVocabulary(text: string): Set<string> {
  const words = new Set<string>();
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)) words.add(m[0].toLowerCase());
  return words;
}

/** Join two wrapped lines of one paragraph. */
export function joinWrappedLines(left: string, right: string, vocabulary: ReadonlySet<string>): string {
  const a = left.replace(/\s+$/, '');
  const b = right.replace(/^\s+/, '');
  if (a.endsWith('\u00ad')) return a.slice(0, -1) + b; // a soft hyphen is never written
  const tail = TRAILING_WORD_RE.exec(a);
  const head = LEADING_WORD_RE.exec(b);
  if (!tail || !head) return `${a} ${b}`;
  const parts = tail[1].split('-');
  const first = parts[parts.length - 1].toLowerCase();
  const joined = (tail[1] + head[1]).toLowerCase();
  const hyphenated = `${tail[1]}-${head[1]}`.toLowerCase();
  const keep = vocabulary.has(hyphenated) ? true : vocabulary.has(joined) ? false : HYPHEN_KEEPING_PREFIXES.has(first);
  return keep ? a + b : a.slice(0, -1) + b;
}

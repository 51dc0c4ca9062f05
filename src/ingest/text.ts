/** Text primitives of the parser: inline clean-up of the UN "Markdown-like" layout, footnote
 *  markers, and a length-preserving fold used for matching (so offsets found on the folded
 *  text are offsets in the original). */

const SUPERSCRIPT_DIGITS: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
};
const SUPERSCRIPT_CLASS = '[⁰¹²³⁴⁵⁶⁷⁸⁹]';

/** A footnote marker at the start of a line: "¹ text", "[^1]: text", "<sup>1</sup> text", "^1^ text". */
export const FOOTNOTE_LINE_RE = new RegExp(`^\\s*(?:(${SUPERSCRIPT_CLASS}+)|\\[\\^(\\d+)\\]:|<sup>(\\d+)</sup>|\\^(\\d+)\\^)\\s*(.*)$`);

export function superscriptToNumber(s: string): number {
  return Number([...s].map((c) => SUPERSCRIPT_DIGITS[c] ?? c).join(''));
}

export interface FootnoteMarker {
  /** The footnote number the marker points to. */
  n: number;
  /** Offset in the cleaned text where the marker stood. */
  offset: number;
}

export interface CleanText {
  text: string;
  markers: FootnoteMarker[];
}

/** Inline markup removed from paragraph text, each with what it leaves behind. */
const INLINE_TOKEN_RE = new RegExp(
  [
    `(${SUPERSCRIPT_CLASS}+)`, // 1: superscript footnote marker
    `\\[\\^(\\d+)\\]`, // 2: markdown footnote reference
    `<sup>(\\d+)</sup>`, // 3: html footnote reference
    `\\^(\\d+)\\^`, // 4: pandoc superscript number
    `\\^([a-zè]{1,3})\\^?(?![\\p{L}])`, // 5: superscript ordinal suffix (40^e^, 40^e)
    `<sup>([a-zè]{1,3})</sup>`, // 6: html ordinal suffix
    `\\[([^\\]]*)\\]\\([^)]*\\)`, // 7: link [text](target)
    `(\\*\\*|__|\\*|_)(?=\\S)`, // 8: emphasis delimiter (opening)
    `(?<=\\S)(\\*\\*|__|\\*|_)`, // 9: emphasis delimiter (closing)
    `([\\u00a0\\u202f\\u2007\\t ]+)`, // 10: runs of spaces (normalised to one)
  ].join('|'),
  'gu',
);

/** Remove inline markup (emphasis, links, footnote markers) and normalise spaces,
 *  recording where each footnote marker stood in the resulting text. */
export function cleanInline(raw: string): CleanText {
  let out = '';
  const markers: FootnoteMarker[] = [];
  let last = 0;
  for (const m of raw.matchAll(INLINE_TOKEN_RE)) {
    const idx = m.index ?? 0;
    out += raw.slice(last, idx);
    last = idx + m[0].length;
    if (m[1] || m[2] || m[3] || m[4]) {
      const n = m[1] ? superscriptToNumber(m[1]) : Number(m[2] ?? m[3] ?? m[4]);
      markers.push({ n, offset: out.length });
    } else if (m[5] || m[6]) {
      out += m[5] ?? m[6];
    } else if (m[7] !== undefined) {
      out += m[7];
    } else if (m[8] || m[9]) {
      // An underscore inside a word (snake_case) is not emphasis: keep it.
      const delim = m[8] ?? m[9];
      if (delim === '_' && /\w/.test(raw[idx - 1] ?? '') && /\w/.test(raw[idx + 1] ?? '')) out += delim;
    } else if (m[10]) {
      out += ' ';
    }
  }
  out += raw.slice(last);
  // Trim, shifting marker offsets accordingly; a space left before a marker's punctuation is closed up.
  const lead = out.length - out.trimStart().length;
  const text = out.trim();
  return { text, markers: markers.map((mk) => ({ n: mk.n, offset: Math.min(Math.max(0, mk.offset - lead), text.length) })) };
}

/** Length-preserving fold for matching: lower case, typographic apostrophes and dashes to
 *  ASCII, non-breaking spaces to spaces. Every output character stands for exactly one input
 *  character, so a match offset on the fold is an offset in the original. */
export function fold(s: string): string {
  let out = '';
  for (const ch of s) {
    let c = ch;
    if (c === '’' || c === 'ʼ' || c === '‘' || c === '`' || c === '´') c = "'";
    else if (c === '\u00a0' || c === '\u202f' || c === '\u2007') c = ' ';
    else if (c === '–' || c === '—' || c === '‑' || c === '‐') c = '-';
    else {
      const lower = c.toLowerCase();
      if (lower.length === c.length) c = lower;
    }
    // Astral characters are two UTF-16 units: keep their length.
    out += c.length === ch.length ? c : ch;
  }
  return out;
}

/** Escape a string for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regular-expression source matching `phrase` on folded text: flexible spaces, either
 *  apostrophe, bounded by non-letters on both sides. */
export function phrasePattern(phrase: string): string {
  const body = fold(phrase)
    .trim()
    .split(/\s+/)
    .map((w) => escapeRegExp(w))
    .join('\\s+');
  return `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`;
}

export function sentenceCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

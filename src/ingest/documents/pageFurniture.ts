/** Page furniture: what a printed UN document carries on every page besides its text. These
 *  lines are dropped wherever they turn up in converted text (a PDF's running heads and
 *  footers, or text copied out of one). */

export const PAGE_FURNITURE_RES: readonly RegExp[] = [
  /^\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?$/, // job number: 17-14189 (F), 19-22333 (E) 270120
  /^\*\d{7,8}\*$/, // barcode text: *1922333*
  /^\d{1,3}\s*\/\s*\d{1,3}$/, // page 2/4
  /^(?:Page|p\.)\s*\d+(?:\s*(?:of|sur|\/)\s*\d+)?$/i,
  /^-\s*\d+\s*-$/, // - 3 -
  /^(?:Please recycle|Merci de recycler)\b.*$/i,
  /^[_\u2014\u2015-]{5,}$/, // a footnote separator typed as a line of underscores or dashes
];

/** True for a line (or a column cell of one) that is page furniture, not text. */
export function isPageFurniture(line: string): boolean {
  const t = line.trim();
  return t !== '' && PAGE_FURNITURE_RES.some((re) => re.test(t));
}

/** A UN document symbol standing alone, as in a running head ("E/RES/2019/41", "A/72/435"). */
export const SYMBOL_ALONE_RE = /^(?:A|E|S|ST|TD|UNEP|CCPR|CRC|CEDAW)(?:\/[A-Z0-9.]+)+(?:\s\(\d{4}\))?$/;

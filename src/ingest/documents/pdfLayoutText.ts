/** A PDF's positioned text → the UN text layout the parser reads. The positions say what a
 *  plain text dump loses:
 *
 *  - lines: text items on one baseline (a raised, smaller item on it is a superscript: a
 *    footnote marker when it is a number, written `[^n]`, else an ordinal suffix);
 *  - columns: a gap wider than a few characters separates the cells of a two-column header
 *    block, written three spaces apart ("Economic and Social Council   Distr.: General");
 *  - page furniture: running heads, page numbers, job numbers and barcodes, dropped;
 *  - footnotes: the run of smaller lines at the foot of a page, each opened by its number
 *    (superscript, run into the text, or on a line of its own); all are written after the
 *    text as `[^n]: text`, so a paragraph that a page break splits is never cut by them;
 *  - paragraphs: a vertical gap wider than the line pitch, or a short line followed by an
 *    indented one; a paragraph goes on over a page break when the page's last line is full;
 *  - wrapped lines re-joined, hyphenated words whole again (joinWrappedLines).
 *
 *  Pure: the items come from the caller (src/commands reads them with pdf.js). */
import { findDates } from '../dates';
import { documentVocabulary, joinWrappedLines } from './joinWrappedLines';
import { isPageFurniture, SYMBOL_ALONE_RE } from './pageFurniture';

export interface PdfTextItem {
  text: string;
  /** Left edge and baseline, in PDF points (origin bottom left). */
  x: number;
  y: number;
  width: number;
  /** Font size in points. */
  size: number;
}

export interface PdfPageText {
  width: number;
  height: number;
  items: PdfTextItem[];
}

/** Share of the page height, at top and bottom, where running heads and footers stand. */
const FURNITURE_ZONE = 0.08;
/** A gap wider than this many font sizes separates columns. */
const COLUMN_GAP = 2.5;
/** Items whose baselines differ by less than this share of the font size are on one line. */
const SAME_LINE = 0.45;
/** A vertical gap wider than this many line pitches separates paragraphs. */
const PARAGRAPH_GAP = 1.3;
/** Footnotes are set smaller than the text. */
const SMALL_TEXT = 0.92;

interface Line {
  page: number;
  y: number;
  size: number;
  left: number;
  right: number;
  cells: string[];
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** The font size most of the text is set in. */
function bodySize(pages: readonly PdfPageText[]): number {
  const chars = new Map<number, number>();
  for (const p of pages) for (const it of p.items) chars.set(round(it.size), (chars.get(round(it.size)) ?? 0) + it.text.trim().length);
  let best = 10;
  let most = -1;
  for (const [size, n] of chars) if (n > most) [best, most] = [size, n];
  return best;
}

function linesOf(page: PdfPageText, pageNo: number): Line[] {
  const items = page.items.filter((it) => it.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  let anchor: { y: number; size: number } | undefined;
  for (const it of items) {
    if (anchor && Math.abs(it.y - anchor.y) <= SAME_LINE * Math.max(anchor.size, it.size)) {
      groups[groups.length - 1].push(it);
      if (it.size > anchor.size) anchor = { y: it.y, size: it.size };
    } else {
      groups.push([it]);
      anchor = { y: it.y, size: it.size };
    }
  }
  return groups.map((g) => {
    g.sort((a, b) => a.x - b.x);
    const size = Math.max(...g.map((it) => it.size));
    const baseline = Math.min(...g.filter((it) => it.size === size).map((it) => it.y));
    const cells: string[] = [''];
    let prev: PdfTextItem | undefined;
    for (const it of g) {
      const superscript = it.size < 0.8 * size && it.y > baseline + 0.15 * size;
      let text = it.text;
      if (superscript && /^\s*\d{1,3}\s*$/.test(text)) text = `[^${text.trim()}]`;
      else if (superscript) text = text.trim();
      if (prev) {
        const gap = it.x - (prev.x + prev.width);
        const cell = cells[cells.length - 1];
        // A comma, full stop or closing bracket closes up to the word before (French sets a space before ; : ! ?).
        if (gap > COLUMN_GAP * size) cells.push('');
        else if (gap > 0.12 * Math.min(size, it.size) && !/\s$/.test(cell) && !/^[\s,.)\]]/.test(text) && !superscript) cells[cells.length - 1] += ' ';
      }
      cells[cells.length - 1] += text;
      prev = it;
    }
    const last = g[g.length - 1];
    return {
      page: pageNo,
      y: baseline,
      size,
      left: g[0].x,
      right: last.x + last.width,
      cells: cells.map((c) => c.replace(/\s+/g, ' ').trim()).filter(Boolean),
    };
  });
}

/** Running heads, page numbers, job numbers and barcodes: cells dropped, empty lines with them. */
function withoutFurniture(lines: Line[], page: PdfPageText, pageNo: number): Line[] {
  const inZone = (l: Line) => l.y > page.height * (1 - FURNITURE_ZONE) || l.y < page.height * FURNITURE_ZONE;
  return lines
    .map((l) => ({
      ...l,
      cells: l.cells.filter((c) => !isPageFurniture(c) && !(inZone(l) && (/^\d{1,3}$/.test(c) || (pageNo > 1 && SYMBOL_ALONE_RE.test(c))))),
    }))
    .filter((l) => l.cells.length > 0);
}

const FOOTNOTE_NUMBER_RE = /^(?:\[\^(\d{1,3})\]|(\d{1,3})(?=\s|$|\p{Lu}))\s*(.*)$/su;

/** The number and text of a line that opens a footnote ("1 United Nations, ...", "[^1]Ibid.", "2"), not a date ("27 January 2020"). */
function footnoteStart(line: string): RegExpExecArray | null {
  const m = FOOTNOTE_NUMBER_RE.exec(line);
  return m && !(m[2] !== undefined && findDates(line)[0]?.start === 0) ? m : null;
}

export function pdfLayoutText(pages: readonly PdfPageText[]): string {
  const size = bodySize(pages);
  const body: Line[] = [];
  const footnotes: Array<{ n: number; parts: string[] }> = [];
  pages.forEach((page, i) => {
    const lines = withoutFurniture(linesOf(page, i + 1), page, i + 1);
    // The foot of the page: the trailing run of smaller lines, when one of them opens a footnote.
    let k = lines.length;
    while (k > 0 && lines[k - 1].size <= SMALL_TEXT * size) k--;
    const foot = lines.slice(k);
    // A foot opens a footnote, or goes on with the last one of the page before (low on the page).
    const continues = footnotes.length > 0 && foot.length > 0 && foot[0].y < page.height / 3;
    const isFoot = foot.some((l) => footnoteStart(l.cells.join(' ')) !== null) || continues;
    body.push(...(isFoot ? lines.slice(0, k) : lines));
    if (!isFoot) return;
    for (const l of foot) {
      const text = l.cells.join(' ');
      const m = footnoteStart(text);
      if (m) footnotes.push({ n: Number(m[1] ?? m[2]), parts: m[3] ? [m[3]] : [] });
      else if (footnotes.length) footnotes[footnotes.length - 1].parts.push(text); // a footnote continued from the page before
    }
  });

  const rights = body
    .filter((l) => l.size === size)
    .map((l) => l.right)
    .sort((a, b) => a - b);
  const fullRight = (rights[Math.floor(rights.length * 0.95)] ?? 0) - 1.5 * size;
  const pitches = body
    .slice(1)
    .flatMap((l, i) => (l.page === body[i].page && l.size === size && body[i].size === size ? [body[i].y - l.y] : []))
    .sort((a, b) => a - b);
  // The line pitch: the lower quartile of the gaps, since paragraph gaps can be as many as line gaps.
  const pitch = pitches[Math.floor(pitches.length / 4)] ?? size * 1.2;
  const full = (l: Line) => l.right >= fullRight;
  const numbered = (l: Line) => /^(?:\d{1,3}\.|\(?[a-z]{1,2}\)|\(?[ivx]+\))\s/.test(l.cells.join(' '));

  const vocabulary = documentVocabulary([...body.map((l) => l.cells.join(' ')), ...footnotes.flatMap((f) => f.parts)].join('\n'));
  const paragraphs: string[] = [];
  let current = '';
  body.forEach((l, i) => {
    const text = l.cells.join('   ');
    const prev = body[i - 1];
    let breaks = true;
    if (prev && prev.page === l.page) {
      const gap = prev.y - l.y;
      const indented = l.left > prev.left + 0.5 * size && !full(prev);
      breaks = gap > PARAGRAPH_GAP * Math.max(pitch, prev.size * 1.1) || indented || prev.size !== l.size || numbered(l);
    } else if (prev) breaks = !full(prev) || numbered(l);
    if (breaks || current === '') {
      if (current) paragraphs.push(current);
      current = text;
    } else current = full(prev) && prev.cells.length === 1 && l.cells.length === 1 ? joinWrappedLines(current, text, vocabulary) : `${current}\n${text}`;
  });
  if (current) paragraphs.push(current);
  const notes = footnotes.map((f) => `[^${f.n}]: ${f.parts.reduce((acc, p) => (acc ? joinWrappedLines(acc, p, vocabulary) : p), '')}`);
  return [...paragraphs, ...notes].join('\n\n') + '\n';
}

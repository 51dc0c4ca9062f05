/** A Word document, as mammoth's HTML → the UN text layout the parser reads. Each paragraph
 *  (and each paragraph of a table cell: the two-column header block) becomes a block; Word's
 *  own footnotes keep their numbers, their references become `[^n]` markers and their text
 *  `[^n]: text` blocks after the body; a superscript number typed in the text (how UN
 *  documents refer again to a footnote already given) is a marker too. Emphasis is dropped:
 *  clause verbs are recognised without their italics. Headers and footers (running heads, job
 *  numbers) are not part of mammoth's output. Pure: the HTML comes from the caller. */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}

const TAG_RE = /<(\/?)([a-z][a-z0-9]*)([^>]*?)(\/?)>|([^<]+)/gi;
const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'tr', 'table', 'ol', 'ul']);

export function docxHtmlText(html: string): string {
  const blocks: string[] = [];
  const notes = new Map<string, { n: string; text: string }>();
  /** Footnote id ("footnote-3") → its number as printed ("2"), from the references. */
  const numberOf = new Map<string, string>();
  let text = '';
  let supDepth = 0;
  let sup = '';
  let noteId: string | undefined;
  let refTarget: string | undefined;
  const flush = () => {
    const t = text
      .replace(/[\t ]+/g, ' ')
      .replace(/\s*↑\s*$/, '')
      .trim();
    text = '';
    if (!t) return;
    if (noteId) {
      const prev = notes.get(noteId);
      notes.set(noteId, { n: numberOf.get(noteId) ?? noteId.replace(/\D/g, ''), text: prev ? `${prev.text} ${t}` : t });
    } else blocks.push(t);
  };
  for (const m of html.matchAll(TAG_RE)) {
    if (m[5] !== undefined) {
      const s = decodeEntities(m[5]);
      if (supDepth > 0) sup += s;
      else text += s;
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    const attrs = m[3];
    if (tag === 'br') {
      flush();
      continue;
    }
    if (tag === 'sup') {
      if (!closing) {
        supDepth++;
        sup = '';
        refTarget = undefined;
      } else if (--supDepth === 0) {
        const n = /^\[?(\d{1,3})\]?$/.exec(sup.trim());
        if (refTarget && n) numberOf.set(refTarget, n[1]);
        text += n ? `[^${n[1]}]` : sup.trim();
        sup = '';
      }
      continue;
    }
    if (tag === 'a' && !closing) {
      const href = /href="#(footnote-[^"]+)"/.exec(attrs)?.[1];
      if (href && supDepth > 0) refTarget = href;
      else if (/href="#footnote-ref-/.test(attrs)) text = text.replace(/\s+$/, ''); // the back-link "↑" closes a footnote
      continue;
    }
    if (BLOCK_TAGS.has(tag)) {
      flush();
      if (tag === 'li' && !closing) noteId = /id="(footnote-[^"]+)"/.exec(attrs)?.[1];
      else if (tag === 'li' && closing) noteId = undefined;
    }
  }
  flush();
  const footnotes = [...notes.values()].map((f) => `[^${f.n}]: ${f.text}`);
  return [...blocks, ...footnotes].join('\n\n') + '\n';
}

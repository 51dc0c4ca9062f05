/** Text → document tree, for the UN resolution layout in French and English:
 *
 *    header lines (organ, distribution, session, agenda item, adoption, [recommendation])
 *    number and title ("2017/18. Title", "70/1. Title", "Resolution 2331 (2016)")
 *    enacting formula ("Le Conseil économique et social,", "The General Assembly,")
 *    preambular paragraphs (unnumbered; sub-paragraphs "a)" or "(a)", second degree "(i)")
 *    operative paragraphs ("1. *Urges* ...")
 *    closing line ("40e séance plénière / 6 juillet 2017", "40th plenary meeting")
 *
 *  Footnote blocks ("¹ text") may stand anywhere, typically at page breaks, where they
 *  split a paragraph in two: a body block that does not end a sentence is continued by the
 *  next body block. Running heads (the symbol alone, job numbers, page numbers) are dropped. */
import { createHash } from 'node:crypto';
import { IngestError } from './IngestError';
import { findDates, parseDate } from './dates';
import type { FootnoteNode, Language, ParagraphNode, ResolutionHeader, ResolutionTree, SourceLocation } from './model';
import { isPageFurniture } from './documents';
import { cleanInline, FOOTNOTE_LINE_RE, superscriptToNumber } from './text';

interface Block {
  raw: string;
  line: number;
  footnote?: number;
  /** The block's lines as written (the header is read line by line). */
  lines: string[];
}

const TITLE_RE = /^(\d{4}\/\d{1,4}|\d{1,3}\/\d{1,4}(?: ?[A-Z](?![\p{L}]))?)\.\s+(.+)$/u;
const SC_TITLE_RE = /^(?:Résolution|Resolution)\s+(\d{1,5}\s*\(\d{4}\))\s*$/;
const SYMBOL_LINE_RE = /^((?:A|E|S)(?:\/HRC)?\/RES\/[\w./() -]+?)\s*$/;
const OPERATIVE_RE = /^(\d{1,3})\.\s+(.*)$/s;
const SUBPARA_RE = /^(?:\(([a-z]{1,2}|[ivxl]+)\)|([a-z]{1,2}|[ivxl]+)\))\s+(.*)$/s;
const CLOSING_RE = /^(\d{1,4})\s*(?:e|er|re|ème|th|st|nd|rd)?\s+(séance plénière|plenary meeting|séance|meeting)\b\s*(.*)$/iu;
const ANNEX_RE = /^(?:Annexe|Annex)(?:\s+[IVX\d]+)?\s*$/i;
/** Page furniture that conversion leaves in the text. */
const RUNNING_HEAD_RES = [
  /^\d{2}-\d{5}(?:\s*\(\w\))?$/, // job number 17-14189 (F)
  /^\d{1,3}\s*\/\s*\d{1,3}$/, // page 2/4
  /^(?:Page|p\.)\s*\d+$/i,
  /^-\s*\d+\s*-$/,
];

const ROMAN = new Set(['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv', 'xvi', 'xvii', 'xviii', 'xix', 'xx']);

const ORGANS: Array<{ slug: string; prefix: string; re: RegExp }> = [
  { slug: 'ecosoc', prefix: 'E/RES/', re: /Conseil économique et social|Economic and Social Council/i },
  { slug: 'hrc', prefix: 'A/HRC/RES/', re: /Conseil des droits de l['’]homme|Human Rights Council/i },
  { slug: 'unsc', prefix: 'S/RES/', re: /Conseil de sécurité|Security Council/i },
  { slug: 'unga', prefix: 'A/RES/', re: /Assemblée générale|General Assembly/i },
];

/** Markdown furniture at the start of a line: headings, block quotes, and emphasis around a
 *  paragraph number or letter ("**1.** *Urges*", "*a)* text", "# 2017/18. Title"). */
function normaliseLineStart(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/^\s{0,3}>\s?/, '')
    .replace(/^(\s*)(\*\*|__|\*|_)(\d{1,3}\.|\(?[a-z]{1,2}\)|\(?[ivxl]+\))\2(?=\s)/, '$1$3');
}

function toBlocks(text: string): Block[] {
  const lines = text.split('\n').map(normaliseLineStart);
  const blocks: Block[] = [];
  let current: Block | undefined;
  lines.forEach((line, i) => {
    const lineNo = i + 1;
    if (line.trim() === '') {
      current = undefined;
      return;
    }
    const fn = FOOTNOTE_LINE_RE.exec(line);
    if (fn) {
      const n = fn[1] ? superscriptToNumber(fn[1]) : Number(fn[2] ?? fn[3] ?? fn[4]);
      current = { raw: fn[5], line: lineNo, footnote: n, lines: [fn[5]] };
      blocks.push(current);
      return;
    }
    // A numbered or lettered paragraph always starts a block, even without a blank line.
    const startsParagraph = OPERATIVE_RE.test(line.trim()) || SUBPARA_RE.test(line.trim());
    if (current && !startsParagraph) {
      current.raw += ` ${line.trim()}`;
      current.lines.push(line);
    } else {
      current = { raw: line.trim(), line: lineNo, lines: [line] };
      blocks.push(current);
    }
  });
  return blocks;
}

function isRunningHead(raw: string, symbol?: string): boolean {
  const t = raw.trim();
  if (symbol && t === symbol) return true;
  // Text copied out of a PDF keeps its page furniture: job numbers with their date, barcodes, "Please recycle".
  return RUNNING_HEAD_RES.some((re) => re.test(t)) || isPageFurniture(t);
}

/** A body block ends a paragraph when its text ends with sentence punctuation. */
function endsParagraph(text: string): boolean {
  return /[,;:.!?»)\]]\s*$/.test(text.replace(/\s+$/, ''));
}

export function detectLanguage(text: string): Language {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let fr = 0;
  let en = 0;
  const FR = new Set(['le', 'la', 'les', 'des', 'du', 'et', 'à', 'de', 'que', 'pour', 'dans', 'sur', 'qui', 'une']);
  const EN = new Set(['the', 'of', 'and', 'to', 'in', 'that', 'for', 'on', 'with', 'its', 'by', 'which', 'a']);
  for (const w of words) {
    if (FR.has(w)) fr++;
    if (EN.has(w)) en++;
  }
  return fr >= en ? 'fr' : 'en';
}

/** Header fields, one per cell: the header is read line by line, and a line of a two-column
 *  header block (text copied out of a PDF: "Economic and Social Council   Distr.: General")
 *  holds one cell per column. A field that runs over lines is joined again: the bracketed
 *  recommendation, and a distribution date on the line under "Distr.: General". */
function headerCells(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    for (const line of b.lines) {
      for (const part of line.split(/\t+|\s{3,}/)) {
        const c = cleanInline(part).text;
        if (!c) continue;
        const prev = out[out.length - 1];
        if (prev !== undefined && prev.startsWith('[') && !prev.endsWith(']')) out[out.length - 1] = `${prev} ${c}`;
        else if (prev !== undefined && /^Distr\b/i.test(prev) && !parseDate(prev) && parseDate(c) && findDates(c)[0].text === c)
          out[out.length - 1] = `${prev} ${c}`;
        else out.push(c);
      }
    }
  }
  return out;
}

const SESSION_RE =
  /^(Session de \d{4}|\d{4} session|Session (?:d['’]organisation|de fond) de \d{4}|[\p{L}-]+(?: et [\p{L}-]+)? session(?: extraordinaire)?|[\p{L}-]+(?: et [\p{L}-]+)?(?:-[\p{L}]+)? session)$/iu;

function parseHeader(blocks: Block[]): ResolutionHeader {
  const header: ResolutionHeader = {};
  for (const t of headerCells(blocks)) {
    const organ = ORGANS.find((o) => o.re.test(t) && t.length < 60 && !/adopt/i.test(t));
    if (organ && !header.organName) header.organName = t;
    let m: RegExpExecArray | null;
    if ((m = /^Distr\.?\s*:?\s*(?:générale|general|limitée|limited|restreinte|restricted)\b\s*(.*)$/i.exec(t))) {
      const d = parseDate(m[1]);
      if (d) header.distributionDate = d;
    } else if (!header.distributionDate && /^Distr/i.test(t)) {
      const d = parseDate(t);
      if (d) header.distributionDate = d;
    }
    if ((m = SESSION_RE.exec(t))) header.session = m[1];
    if ((m = /^Points? (.+?) de l['’]ordre du jour(?: provisoire)?$/i.exec(t))) header.agendaItem = normaliseAgendaItem(m[1]);
    if ((m = /^Agenda items? (.+)$/i.exec(t))) header.agendaItem = normaliseAgendaItem(m[1]);
    if (/^(?:Résolution adoptée|Resolution adopted|Adopted by)/i.test(t)) {
      const d = parseDate(t);
      if (d) header.adoptionDate = d;
      if (!header.organName) header.organName = ORGANS.find((o) => o.re.test(t))?.re.exec(t)?.[0];
    }
    if ((m = /^\[(.+)\]$/s.exec(t))) {
      const inner = m[1].trim();
      const sym = /\(([A-Z]{1,4}\/[A-Za-z0-9./ -]+?)\)\s*$/.exec(inner);
      const body = /(?:recommandation|recommendation|rapport|report)\s+(?:de la|du|de l['’]|des|of the|of)\s+(.+?)\s*(?:\(|$)/i.exec(inner);
      header.recommendation = { text: inner, symbol: sym?.[1], bodyText: body?.[1] };
    }
    if ((m = SYMBOL_LINE_RE.exec(t)) && !header.symbol) header.symbol = m[1].trim();
  }
  return header;
}

/** Header fields a General Assembly or ECOSOC resolution states: a missing one is reported. */
const EXPECTED_HEADER_FIELDS: ReadonlyArray<[keyof ResolutionHeader, string]> = [
  ['distributionDate', 'distribution date ("Distr.: General" and its date)'],
  ['session', 'session ("2017 session", "Seventy-second session")'],
  ['agendaItem', 'agenda item ("Agenda item 19 (c)")'],
  ['adoptionDate', 'adoption date ("Resolution adopted by ... on 6 July 2017")'],
];

/** "19, c," / "19 c)" / "19 (c)" → "19 (c)"; lists kept as written. */
function normaliseAgendaItem(s: string): string {
  const m = /^(\d+)\s*[,(]?\s*([a-z])\s*[,)]?\s*,?$/i.exec(s.trim());
  return m ? `${m[1]} (${m[2].toLowerCase()})` : s.trim().replace(/,$/, '');
}

function organFromText(text: string | undefined): (typeof ORGANS)[number] | undefined {
  return text ? ORGANS.find((o) => o.re.test(text)) : undefined;
}

/** Symbol of a resolution from its organ and number ("2017/18" + ECOSOC → "E/RES/2017/18"). */
export function resolutionSymbol(number: string, organ?: string): { symbol: string; organ: string } {
  const sc = /^(\d{1,5})\s*\((\d{4})\)$/.exec(number);
  if (sc) return { symbol: `S/RES/${sc[1]} (${sc[2]})`, organ: 'unsc' };
  const known = ORGANS.find((o) => o.slug === organ);
  if (known) return { symbol: `${known.prefix}${number}`, organ: known.slug };
  // A four-digit first part is a year: an ECOSOC resolution; else a General Assembly session.
  return /^\d{4}\//.test(number) ? { symbol: `E/RES/${number}`, organ: 'ecosoc' } : { symbol: `A/RES/${number}`, organ: 'unga' };
}

export interface ParseOptions {
  file: string;
}

/** Where the resolution says who it is: its number and title, its enacting formula, its header
 *  and the symbol and organ they give. */
interface Identity {
  number: string;
  title: string;
  header: ResolutionHeader;
  enactingFormula: string;
  /** Index of the enacting formula's block: the body starts after it. */
  formulaIdx: number;
  symbol: string;
  organ: string;
}

/** Stages 1 and 2: the number and title, the enacting formula (the first short block ending in
 *  a comma that names the organ), then the header above the title and the symbol. */
function readIdentity(blocks: Block[], file: string): Identity {
  let titleIdx = blocks.findIndex((b) => b.footnote === undefined && (TITLE_RE.test(cleanInline(b.raw).text) || SC_TITLE_RE.test(cleanInline(b.raw).text)));
  let number: string | undefined;
  let title = '';
  if (titleIdx >= 0) {
    const t = cleanInline(blocks[titleIdx].raw).text;
    const m = TITLE_RE.exec(t) ?? SC_TITLE_RE.exec(t)!;
    number = m[1].replace(/\s+/g, ' ');
    title = (m[2] ?? '').trim();
  }
  const formulaIdx = blocks.findIndex(
    (b, i) =>
      i > titleIdx &&
      b.footnote === undefined &&
      /,\s*$/.test(b.raw) &&
      cleanInline(b.raw).text.length < 100 &&
      /^(?:Le|La|Les|L['’]|The)\s?/u.test(cleanInline(b.raw).text),
  );
  if (formulaIdx < 0) {
    throw new IngestError(
      'no enacting formula found (a line such as "The General Assembly," or "Le Conseil économique et social,")',
      file,
      blocks[Math.max(0, titleIdx)]?.line ?? 1,
    );
  }
  if (titleIdx < 0) titleIdx = formulaIdx;
  const header = parseHeader(blocks.slice(0, titleIdx).filter((b) => b.footnote === undefined));
  const enactingFormula = cleanInline(blocks[formulaIdx].raw).text;
  const organ = organFromText(enactingFormula) ?? organFromText(header.organName);
  if (!number) {
    const fromSymbol = header.symbol ? /RES\/(.+)$/.exec(header.symbol)?.[1] : undefined;
    if (!fromSymbol)
      throw new IngestError(
        'no resolution number found (a title line such as "2017/18. Title" or a symbol line such as "A/RES/71/287")',
        file,
        blocks[formulaIdx].line,
      );
    number = fromSymbol;
  }
  const ident = header.symbol ? { symbol: header.symbol, organ: organ?.slug ?? resolutionSymbol(number).organ } : resolutionSymbol(number, organ?.slug);
  return { number, title, header, enactingFormula, formulaIdx, ...ident };
}

interface Body {
  /** The paragraph blocks, split paragraphs joined again. */
  blocks: Block[];
  footnotes: Map<number, FootnoteNode>;
  closing: ResolutionTree['closing'];
}

/** Stage 3, the body after the enacting formula: footnotes apart, running heads dropped, split
 *  paragraphs re-joined, up to the closing line (and the footnotes after it) or an annex. */
function readBody(blocks: Block[], identity: Identity, file: string, warnings: string[]): Body {
  const footnotes = new Map<number, FootnoteNode>();
  const body: Block[] = [];
  let closing: ResolutionTree['closing'];
  for (let i = identity.formulaIdx + 1; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.footnote !== undefined) {
      const clean = cleanInline(b.raw).text;
      if (footnotes.has(b.footnote) && footnotes.get(b.footnote)!.text !== clean) {
        warnings.push(`${file}:${b.line}: footnote ${b.footnote} is defined twice; the first definition is kept`);
      } else footnotes.set(b.footnote, { n: b.footnote, text: clean, location: { file, line: b.line } });
      continue;
    }
    if (isRunningHead(b.raw, identity.symbol)) continue;
    const clean = cleanInline(b.raw).text;
    const cm = CLOSING_RE.exec(clean);
    if (cm) {
      closing = { meeting: Number(cm[1]), date: parseDate(cm[3]) ?? parseDate(cleanInline(blocks[i + 1]?.raw ?? '').text), text: clean };
      readTrailingFootnotes(blocks, i + 1, footnotes, file);
      break;
    }
    if (ANNEX_RE.test(clean)) break;
    const prev = body[body.length - 1];
    if (prev && !endsParagraph(cleanInline(prev.raw).text) && !OPERATIVE_RE.test(clean) && !SUBPARA_RE.test(clean)) {
      prev.raw = `${prev.raw.replace(/\s+$/, '')} ${b.raw.replace(/^\s+/, '')}`;
      continue;
    }
    if (prev && !endsParagraph(cleanInline(prev.raw).text) && (OPERATIVE_RE.test(clean) || SUBPARA_RE.test(clean))) {
      warnings.push(`${file}:${prev.line}: paragraph ends without punctuation`);
    }
    body.push({ ...b });
  }
  return { blocks: body, footnotes, closing };
}

/** Footnotes may follow the closing line (end of the last page): those not yet known, up to an annex. */
function readTrailingFootnotes(blocks: Block[], from: number, footnotes: Map<number, FootnoteNode>, file: string): void {
  for (let k = from; k < blocks.length; k++) {
    const f = blocks[k];
    if (ANNEX_RE.test(f.raw.trim())) break;
    if (f.footnote !== undefined && !footnotes.has(f.footnote))
      footnotes.set(f.footnote, { n: f.footnote, text: cleanInline(f.raw).text, location: { file, line: f.line } });
  }
}

/** Stage 4: the body blocks as preambular paragraphs, then operative paragraphs with their
 *  sub-paragraphs (two degrees), and the unnumbered closing words of the last operative one. */
function classifyBody(body: Block[], file: string, warnings: string[]): { preambular: ParagraphNode[]; operative: ParagraphNode[] } {
  const preambular: ParagraphNode[] = [];
  const operative: ParagraphNode[] = [];
  let parent: ParagraphNode | undefined;
  let lastSub: ParagraphNode | undefined;
  for (const b of body) {
    const location: SourceLocation = { file, line: b.line };
    const op = OPERATIVE_RE.exec(b.raw);
    const sub = SUBPARA_RE.exec(b.raw);
    if (op) {
      const n = Number(op[1]);
      const expected = operative.length + 1;
      if (n !== expected) warnings.push(`${file}:${b.line}: operative paragraph ${n} where ${expected} was expected`);
      const c = cleanInline(op[2]);
      parent = { kind: 'operative', number: String(n), position: operative.length + 1, text: c.text, markers: c.markers, subparagraphs: [], location };
      operative.push(parent);
      lastSub = undefined;
    } else if (sub && parent) {
      lastSub = addSubparagraph(parent, lastSub, sub[1] ?? sub[2], sub[3], location);
    } else if (operative.length === 0) {
      const c = cleanInline(b.raw);
      parent = {
        kind: 'preambular',
        number: String(preambular.length + 1),
        position: preambular.length + 1,
        text: c.text,
        markers: c.markers,
        subparagraphs: [],
        location,
      };
      preambular.push(parent);
      lastSub = undefined;
    } else {
      // Unnumbered text after an operative paragraph: its closing words (wrap-up).
      const c = cleanInline(b.raw);
      const last = operative[operative.length - 1];
      const shift = last.text.length + 1;
      last.text = `${last.text} ${c.text}`;
      last.markers.push(...c.markers.map((m) => ({ n: m.n, offset: m.offset + shift })));
    }
  }
  return { preambular, operative };
}

/** Adds a lettered sub-paragraph to `parent`, or a second-degree one to `lastSub`; returns the
 *  latest first-degree sub-paragraph. */
function addSubparagraph(parent: ParagraphNode, lastSub: ParagraphNode | undefined, label: string, raw: string, location: SourceLocation): ParagraphNode {
  const c = cleanInline(raw);
  const expectedLetter = lastSub ? String.fromCharCode(lastSub.number.charCodeAt(0) + 1) : 'a';
  // "(i)" after "(c)" opens a second-degree list; "(i)" after "(h)" is the next letter.
  const secondDegree = ROMAN.has(label) && lastSub !== undefined && (lastSub.subparagraphs.length > 0 || label !== expectedLetter);
  if (secondDegree && lastSub) {
    lastSub.subparagraphs.push({
      kind: 'subparagraph',
      number: label,
      position: lastSub.subparagraphs.length + 1,
      text: c.text,
      markers: c.markers,
      subparagraphs: [],
      location,
    });
    return lastSub;
  }
  const added: ParagraphNode = {
    kind: 'subparagraph',
    number: label,
    position: parent.subparagraphs.length + 1,
    text: c.text,
    markers: c.markers,
    subparagraphs: [],
    location,
  };
  parent.subparagraphs.push(added);
  return added;
}

/** Stage 5: every footnote marker needs its footnote. */
function checkMarkers(paragraphs: ParagraphNode[], footnotes: Map<number, FootnoteNode>, file: string): void {
  for (const p of paragraphs) {
    for (const m of p.markers) {
      if (!footnotes.has(m.n)) throw new IngestError(`footnote marker ${m.n} has no footnote text`, file, p.location.line);
    }
  }
}

/** Stage 6: a header field the organ's resolutions state, and this text does not. */
function warnMissingHeaderFields(identity: Identity, closing: ResolutionTree['closing'], file: string, warnings: string[]): void {
  if (identity.organ === 'unsc') return;
  for (const [field, what] of EXPECTED_HEADER_FIELDS) {
    if (identity.header[field] === undefined && !(field === 'adoptionDate' && closing?.date)) warnings.push(`${file}: the header gives no ${what}`);
  }
}

export function parseResolution(text: string, options: ParseOptions): ResolutionTree {
  const file = options.file;
  const warnings: string[] = [];
  const sha256 = createHash('sha256').update(text).digest('hex');
  if (text.trim() === '') throw new IngestError('empty document: no text to parse', file, 1);

  const blocks = toBlocks(text);
  const identity = readIdentity(blocks, file);
  const body = readBody(blocks, identity, file, warnings);
  const { preambular, operative } = classifyBody(body.blocks, file, warnings);
  if (operative.length === 0) {
    throw new IngestError('no operative paragraphs found (numbered paragraphs such as "1. Urges ...")', file, blocks[identity.formulaIdx].line);
  }
  const all = [...preambular, ...operative].flatMap((p) => [p, ...p.subparagraphs, ...p.subparagraphs.flatMap((s) => s.subparagraphs)]);
  checkMarkers(all, body.footnotes, file);
  warnMissingHeaderFields(identity, body.closing, file, warnings);
  return {
    language: detectLanguage(all.map((p) => p.text).join(' ')),
    symbol: identity.symbol,
    organ: identity.organ,
    number: identity.number,
    title: identity.title,
    header: identity.header,
    enactingFormula: identity.enactingFormula,
    preambular,
    operative,
    footnotes: [...body.footnotes.values()].sort((a, b) => a.n - b.n),
    closing: body.closing,
    source: { file, sha256 },
    warnings,
  };
}

export { findDates };

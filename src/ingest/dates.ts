/** French and English calendar dates as they are written in UN documents, to xsd:date. */

const MONTHS: Record<string, number> = {
  janvier: 1,
  février: 2,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  août: 8,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  décembre: 12,
  decembre: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};
const MONTH_NAMES = Object.keys(MONTHS).join('|');
const DAY = String.raw`(\d{1,2})(?:er|re|st|nd|rd|th)?`;

/** "6 juillet 2017", "1er janvier 2016", "6 July 2017", "July 6, 2017". */
export const DATE_RE = new RegExp(
  String.raw`(?<![\p{L}\d])(?:${DAY}\s+(${MONTH_NAMES})\s+(\d{4})|(${MONTH_NAMES})\s+(\d{1,2}),?\s+(\d{4}))(?![\p{L}\d])`,
  'giu',
);

/** Ranges: "du 13 au 15 mai 2013", "13 to 15 May 2013", "les 27 et 28 septembre 2017",
 *  "27 and 28 September 2017", "from 13 to 15 May 2013". */
export const DATE_RANGE_RE = new RegExp(String.raw`(?<![\p{L}\d])${DAY}\s*(?:au|et|to|and|-|–)\s*${DAY}\s+(${MONTH_NAMES})\s+(\d{4})(?![\p{L}\d])`, 'giu');

export function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const dim = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > dim) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface DateMatch {
  start: number;
  end: number;
  text: string;
  date: string;
  /** For ranges, the last day. */
  endDate?: string;
}

/** Every date and date range in a text, ranges first where they overlap. */
export function findDates(text: string): DateMatch[] {
  const out: DateMatch[] = [];
  for (const m of text.matchAll(DATE_RANGE_RE)) {
    const month = MONTHS[m[3].toLowerCase()];
    const year = Number(m[4]);
    const a = isoDate(year, month, Number(m[1]));
    const b = isoDate(year, month, Number(m[2]));
    if (a && b) out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], date: a, endDate: b });
  }
  for (const m of text.matchAll(DATE_RE)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (out.some((r) => start < r.end && end > r.start)) continue;
    const date = m[1] ? isoDate(Number(m[3]), MONTHS[m[2].toLowerCase()], Number(m[1])) : isoDate(Number(m[6]), MONTHS[m[4].toLowerCase()], Number(m[5]));
    if (date) out.push({ start, end, text: m[0], date });
  }
  return out.sort((x, y) => x.start - y.start);
}

/** The first date in a text, as xsd:date. */
export function parseDate(text: string): string | undefined {
  return findDates(text)[0]?.date;
}

const UNITS_FR = ['', 'premier', 'deuxième', 'troisième', 'quatrième', 'cinquième', 'sixième', 'septième', 'huitième', 'neuvième'];
const ORDINAL_WORDS: Record<string, number> = {
  // English
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  eightieth: 80,
  ninetieth: 90,
  // French
  premier: 1,
  première: 1,
  unième: 1,
  deuxième: 2,
  seconde: 2,
  troisième: 3,
  quatrième: 4,
  cinquième: 5,
  sixième: 6,
  septième: 7,
  huitième: 8,
  neuvième: 9,
  dixième: 10,
  onzième: 11,
  douzième: 12,
  treizième: 13,
  quatorzième: 14,
  quinzième: 15,
  seizième: 16,
  vingtième: 20,
  trentième: 30,
  quarantième: 40,
  cinquantième: 50,
  soixantième: 60,
  quatre: 4,
  soixante: 60,
  quatre_vingtième: 80,
};
const CARDINAL_TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  vingt: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  soixante: 60,
  'quatre-vingt': 80,
  'quatre-vingts': 80,
};
const SMALL_FR: Record<string, number> = { dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16 };
void UNITS_FR;

/** "seventy-second" → 72, "soixante-douzième" → 72, "soixante et onzième" → 71, "72nd" → 72. */
export function parseOrdinal(words: string): number | undefined {
  const w = words
    .toLowerCase()
    .trim()
    .replace(/\s+et\s+/g, '-')
    .replace(/\s+/g, '-');
  const numeric = /^(\d+)(?:st|nd|rd|th|e|ème|re|er)$/.exec(w);
  if (numeric) return Number(numeric[1]);
  if (ORDINAL_WORDS[w] !== undefined) return ORDINAL_WORDS[w];
  // Compound: tens + unit ordinal ("seventy-second", "soixante-douzième", "quatre-vingt-unième").
  for (const [tens, value] of Object.entries(CARDINAL_TENS).sort((a, b) => b[0].length - a[0].length)) {
    if (w.startsWith(`${tens}-`)) {
      const rest = w.slice(tens.length + 1);
      const unit = ORDINAL_WORDS[rest] ?? (rest.endsWith('ième') ? (SMALL_FR[rest.replace(/ième$/, 'e')] ?? SMALL_FR[rest.replace(/ième$/, '')]) : undefined);
      if (unit !== undefined) return value + unit;
    }
  }
  return undefined;
}

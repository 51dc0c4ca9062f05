/** References back to an instrument named earlier in the same paragraph or in its footnotes:
 *
 *    "the United Nations Convention against Transnational Organized Crime and the Protocols thereto"
 *    "the Convention¹ and its Protocols"          "the said Convention", "the said Protocol"
 *    "la Convention ... et les Protocoles s'y rapportant"   "ses Protocoles"   "ladite Convention"
 *
 *  "thereto", "its", "s'y rapportant", "ses" point at the instruments that supplement the
 *  nearest instrument named before (unkg:supplements in the reference data: a Convention's
 *  Protocols); "the said X", "ledit X" at the nearest instrument before whose name has X's head
 *  word. The link's evidence is the anaphor itself. An anaphor with nothing to refer to, or a
 *  singular one with several candidates, is reported, not guessed. */
import type { Gazetteer, GazetteerEntry } from '../gazetteer';
import type { ExtractedLink } from '../links';
import type { Language } from '../model';
import { fold } from '../text';

/** An instrument named before the anaphor: in the text (`at` is where its name ends) or in a
 *  footnote whose marker stands at `at`. */
export interface Antecedent {
  iri: string;
  at: number;
}

export interface AnaphoraResult {
  links: ExtractedLink[];
  /** Anaphors found that refer to nothing certain: the phrase and why. */
  unresolved: Array<{ text: string; start: number; reason: string }>;
}

type Resolution = 'supplementing' | 'said';

interface AnaphorPattern {
  re: RegExp;
  resolution: Resolution;
}

const HEADS = String.raw`(convention|protocol|protocole|agreement|accord|treaty|traité|covenant|pacte)`;

/** Patterns on folded text (lower case, straight apostrophes); group 1 is the head word, group 2 the plural mark. */
const PATTERNS: Record<Language, AnaphorPattern[]> = {
  en: [
    { re: new RegExp(String.raw`(?<![\p{L}])the (?:optional |additional )?(protocol)(s)? thereto(?![\p{L}])`, 'gu'), resolution: 'supplementing' },
    { re: new RegExp(String.raw`(?<![\p{L}])its (?:optional |additional )?(protocol)(s)?(?![\p{L}])`, 'gu'), resolution: 'supplementing' },
    { re: new RegExp(String.raw`(?<![\p{L}])the said ${HEADS}(s)?(?![\p{L}])`, 'gu'), resolution: 'said' },
  ],
  fr: [
    {
      re: new RegExp(
        String.raw`(?<![\p{L}])(?:le|les|du|des|au|aux) (protocole)(s)? (?:(?:additionnels?|facultatifs?) )?(?:s'y rapportant|y relatifs?|qui s'y rapportent|qui s'y rapporte)(?![\p{L}])`,
        'gu',
      ),
      resolution: 'supplementing',
    },
    { re: new RegExp(String.raw`(?<![\p{L}])(?:son|ses) (protocole)(s)?(?: (?:additionnels?|facultatifs?))?(?![\p{L}])`, 'gu'), resolution: 'supplementing' },
    {
      re: new RegExp(String.raw`(?<![\p{L}])(?:ladite|ledit|lesdites|lesdits|dudit|desdits|desdites|audit|auxdits|auxdites) ${HEADS}(s)?(?![\p{L}])`, 'gu'),
      resolution: 'said',
    },
  ],
};

/** An instrument is a "Convention" or a "Protocol" when its short form (unkg:anaphor) or a
 *  name starts with that word. */
/** A quick test that a text may hold one of the anaphors above: most paragraphs hold none, and
 *  are spared folding and the search for antecedents. */
const MAYBE: Record<Language, RegExp> = {
  en: /thereto|\bits\s+(?:optional\s+|additional\s+)?protocol|\bsaid\s/i,
  fr: /y\s+rapport|y\s+relatif|\b(?:ses|son)\s+protocole|\b(?:ladite|ledit|lesdit|dudit|desdit|audit|auxdit)/i,
};

export function mayHoldInstrumentAnaphor(text: string, language: Language): boolean {
  return MAYBE[language].test(text);
}

const headOf = (e: GazetteerEntry, head: string): boolean => [...e.anaphors, ...e.names].some((n) => fold(n).split(/\s+/)[0] === head);

export function instrumentAnaphora(text: string, language: Language, antecedents: readonly Antecedent[], gazetteer: Gazetteer): AnaphoraResult {
  const folded = fold(text).replace(/[’ʼ‘]/g, "'");
  const links: ExtractedLink[] = [];
  const unresolved: AnaphoraResult['unresolved'] = [];
  const treaties = gazetteer.entries.filter((e) => e.kind === 'treaty');
  for (const { re, resolution } of PATTERNS[language]) {
    for (const m of folded.matchAll(re)) {
      const start = m.index!;
      const end = start + m[0].length;
      const head = m[1];
      const plural = m[2] !== undefined || /^(?:lesdit|desdit|auxdit)/.test(m[0]);
      const before = antecedents.filter((a) => a.at <= end).sort((a, b) => b.at - a.at);
      const matched = text.slice(start, end);
      let targets: string[] = [];
      let reason = '';
      if (resolution === 'supplementing') {
        // The nearest instrument before that other instruments supplement: "the Convention and its Protocols".
        const owner = before.find((a) => treaties.some((t) => t.supplements === a.iri));
        const supplements = owner ? treaties.filter((t) => t.supplements === owner.iri).map((t) => t.iri) : [];
        if (!owner) reason = 'no instrument with protocols is named before it in the paragraph or its footnotes';
        else if (plural) targets = supplements;
        else if (supplements.length === 1) targets = supplements;
        else {
          // One Protocol among several: the one named before, if only one was.
          const named = supplements.filter((s) => before.some((a) => a.iri === s));
          if (named.length === 1) targets = named;
          else reason = `the instrument named before it has ${supplements.length} protocols`;
        }
      } else {
        const found = before.map((a) => gazetteer.byIri.get(a.iri)).filter((e): e is GazetteerEntry => e !== undefined && headOf(e, head));
        const distinct = [...new Set(found.map((e) => e.iri))];
        if (distinct.length === 0) reason = `no ${head} is named before it in the paragraph or its footnotes`;
        else targets = plural ? distinct : [distinct[0]];
      }
      if (targets.length === 0) unresolved.push({ text: matched, start, reason });
      for (const target of targets) links.push({ relation: 'cites', target, kind: 'treaty', start, end, matchedText: matched, extractor: 'treaty-anaphor' });
    }
  }
  return { links: links.sort((a, b) => a.start - b.start || a.target.localeCompare(b.target)), unresolved: unresolved.sort((a, b) => a.start - b.start) };
}

/** The instruments a text names, in full or inside a longer name, with where each name ends. */
export function namedInstruments(text: string, gazetteer: Gazetteer): Antecedent[] {
  const out: Antecedent[] = [];
  for (const m of fold(text).matchAll(gazetteer.treaties)) {
    const entry = gazetteer.byFoldedName.get(m[0].replace(/\s+/g, ' '));
    if (entry) out.push({ iri: entry.iri, at: m.index! + m[0].length });
  }
  return out;
}

/** Clause verbs: the phrase that opens a paragraph ("Exhorte", "Prenant note également",
 *  "Also requests") and the further verbs joined to it in the same paragraph
 *  ("... et prie instamment", "..., attend avec intérêt", "and invites"). */
import { CLAUSE_VERBS, VERB_MODIFIERS, type ClauseKind, type ClauseVerbEntry } from '../lexicon/clauseVerbs';
import type { Language } from '../model';
import { escapeRegExp, fold } from '../text';

export interface ClauseActMatch {
  verb: ClauseVerbEntry;
  /** The verb as written, with its modifiers ("Prenant note également"). */
  text: string;
  start: number;
  end: number;
}

interface Form {
  verb: ClauseVerbEntry;
  form: string;
}

const formsCache = new Map<string, Form[]>();
function formsFor(kind: ClauseKind, language: Language): Form[] {
  const key = `${kind}:${language}`;
  let forms = formsCache.get(key);
  if (!forms) {
    forms = CLAUSE_VERBS.filter((v) => v.kind === kind)
      .flatMap((verb) => (verb.forms[language] ?? []).map((form) => ({ verb, form })))
      .sort((a, b) => b.form.length - a.form.length);
    formsCache.set(key, forms);
  }
  return forms;
}

const wordsPattern = (phrase: string): string => fold(phrase).split(/\s+/).map(escapeRegExp).join('\\s+');
const modifiersPattern = (language: Language): string => VERB_MODIFIERS[language].map(wordsPattern).join('|');
const BOUNDARY = '(?![\\p{L}\\p{N}])';
/** French puts the addressee's pronoun before a joined verb: "et les engage à", "et leur demande de", "et l'invite à". */
const CLITICS: Record<Language, string> = { fr: "(?:(?:les|leur|lui)\\s+|l')?", en: '' };

interface CompiledForms {
  opening: RegExp;
  joined: RegExp;
  /** Folded form (single spaces) → its lexicon entry. */
  byForm: Map<string, Form>;
}

const compiledCache = new Map<string, CompiledForms>();
/** One regular expression per kind and language for openers, one for joined verbs: built once. */
function compiled(kind: ClauseKind, language: Language): CompiledForms {
  const key = `${kind}:${language}`;
  let c = compiledCache.get(key);
  if (!c) {
    const forms = formsFor(kind, language);
    const mods = modifiersPattern(language);
    const alternatives = forms.map((f) => wordsPattern(f.form)).join('|');
    c = {
      opening: new RegExp(`^(?:(?:${mods})\\s+)?(${alternatives})${BOUNDARY}(?:,?\\s+(?:${mods})${BOUNDARY})?`, 'u'),
      joined: new RegExp(
        `(?:,\\s+|;\\s+|\\s(?:et|and)\\s+|,\\s+(?:et|and)\\s+)(?:(?:${mods})\\s+)?${CLITICS[language]}(${forms.map((f) => escapeRegExp(f.form.toLowerCase()).replace(/\s+/g, '\\s+')).join('|')})${BOUNDARY}(?:\\s+(?:${mods})${BOUNDARY})?`,
        'gu',
      ),
      byForm: new Map(forms.map((f) => [fold(f.form).replace(/\s+/g, ' '), f])),
    };
    compiledCache.set(key, c);
  }
  return c;
}

/** The verb that opens a paragraph, if the lexicon knows it. */
export function openingVerb(text: string, kind: ClauseKind, language: Language): ClauseActMatch | undefined {
  const c = compiled(kind, language);
  const m = c.opening.exec(fold(text));
  const hit = m && c.byForm.get(m[1].replace(/\s+/g, ' '));
  return hit ? { verb: hit.verb, text: text.slice(0, m[0].length), start: 0, end: m[0].length } : undefined;
}

/** Verbs joined to the opening one: after ", ", " et ", " and " or "; ", in lower case. */
export function joinedVerbs(text: string, kind: ClauseKind, language: Language, after: number): ClauseActMatch[] {
  const c = compiled(kind, language);
  const out: ClauseActMatch[] = [];
  const source = text.replace(/[’ʼ]/g, "'");
  for (const m of source.slice(after).matchAll(c.joined)) {
    const hit = c.byForm.get(fold(m[1]).replace(/\s+/g, ' '));
    if (!hit) continue;
    const lead = m[0].search(/[\p{L}]/u);
    const start = after + m.index! + lead;
    const end = after + m.index! + m[0].length;
    out.push({ verb: hit.verb, text: text.slice(start, end), start, end });
  }
  return out;
}

export function clauseActs(text: string, kind: ClauseKind, language: Language): { acts: ClauseActMatch[]; recognised: boolean } {
  const first = openingVerb(text, kind, language);
  if (!first) return { acts: [], recognised: false };
  return { acts: [first, ...joinedVerbs(text, kind, language, first.end)], recognised: true };
}

/** Synthetic UN resolutions in the real layout (French and English): header, title, enacting
 *  formula, preambular paragraphs with sub-paragraphs, numbered operative paragraphs with
 *  clause verbs, citations by number and symbol, Treaty Series footnotes with "Ibid.", SDG
 *  targets, organisations, and footnote blocks that split paragraphs at page breaks.
 *  Deterministic for a given seed. */
import { CLAUSE_VERBS } from '../src/ingest';

export type Lang = 'fr' | 'en';

/** Mulberry32: a small, fast, seeded generator. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUPERSCRIPT = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
const sup = (n: number) =>
  String(n)
    .split('')
    .map((d) => SUPERSCRIPT[Number(d)])
    .join('');
const MONTHS = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const FILLER = {
  fr: [
    "la coopération internationale en matière pénale et l'assistance technique aux États qui en font la demande",
    'la protection des victimes, en particulier des femmes et des enfants, et leur accès à la justice',
    "les mesures de prévention, d'enquête et de poursuite prises aux niveaux national, régional et international",
    "l'échange d'informations et de bonnes pratiques entre les organismes compétents",
  ],
  en: [
    'international cooperation in criminal matters and technical assistance to States upon request',
    'the protection of victims, in particular women and children, and their access to justice',
    'measures of prevention, investigation and prosecution at the national, regional and international levels',
    'the exchange of information and good practices among the relevant entities',
  ],
};
const ORGS = {
  fr: [
    "l'Office des Nations Unies contre la drogue et le crime",
    'les États Membres',
    'le Groupe interinstitutions de coordination contre la traite des personnes',
    'le Secrétaire général',
  ],
  en: [
    'the United Nations Office on Drugs and Crime',
    'Member States',
    'the Inter-Agency Coordination Group against Trafficking in Persons',
    'the Secretary-General',
  ],
};

export function syntheticResolution(index: number, lang: Lang, seed = 42): { name: string; text: string } {
  const r = rng(seed * 100003 + index);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const ecosoc = r() < 0.4;
  const year = int(2001, 2023);
  const session = year - 1945;
  const number = ecosoc ? `${year}/${int(1, 60)}` : `${session}/${int(1, 320)}`;
  const date = () => `${int(1, 28)} ${pick(MONTHS[lang])} ${int(1995, year)}`;
  const resNo = () => (r() < 0.3 ? `${int(1995, year)}/${int(1, 60)}` : `${int(50, session)}/${int(1, 320)}`);
  const footnotes: string[] = [];
  const fn = (text: string) => {
    footnotes.push(text);
    return sup(footnotes.length);
  };
  const cite = (): string => {
    const k = r();
    if (lang === 'fr') {
      if (k < 0.35) return `la résolution ${resNo()} du ${date()}`;
      if (k < 0.5) return `ses résolutions ${resNo()} et ${resNo()}`;
      if (k < 0.65)
        return `la Convention des Nations Unies contre la criminalité transnationale organisée${fn(`Nations Unies, Recueil des Traités, vol. ${int(1000, 3000)}, n° ${int(10000, 60000)}.`)}`;
      if (k < 0.75) return `le rapport du Secrétaire général${fn(`A/${session}/${int(100, 400)}.`)}`;
      if (k < 0.85) return `les cibles ${int(1, 17)}.${int(1, 9)} et ${int(1, 17)}.${int(1, 9)} des objectifs de développement durable`;
      return `le Plan d'action mondial des Nations Unies pour la lutte contre la traite des personnes${fn(`Résolution ${resNo()} de l'Assemblée générale.`)}`;
    }
    if (k < 0.35) return `resolution ${resNo()} of ${date()}`;
    if (k < 0.5) return `its resolutions ${resNo()} and ${resNo()}`;
    if (k < 0.65)
      return `the United Nations Convention against Transnational Organized Crime${fn(`United Nations, Treaty Series, vol. ${int(1000, 3000)}, No. ${int(10000, 60000)}.`)}`;
    if (k < 0.75) return `the report of the Secretary-General${fn(`A/${session}/${int(100, 400)}.`)}`;
    if (k < 0.85) return `targets ${int(1, 17)}.${int(1, 9)} and ${int(1, 17)}.${int(1, 9)} of the Sustainable Development Goals`;
    return `the United Nations Global Plan of Action to Combat Trafficking in Persons${fn(`General Assembly resolution ${resNo()}.`)}`;
  };
  const verbs = (kind: 'preambular' | 'operative') => CLAUSE_VERBS.filter((v) => v.kind === kind && (v.forms[lang]?.length ?? 0) > 0);
  const pre = verbs('preambular');
  const op = verbs('operative');
  const body: string[] = [];
  const nPre = int(6, 20);
  for (let i = 0; i < nPre; i++) {
    const v = pick(pre);
    const form = pick(v.forms[lang]!);
    if (r() < 0.1) {
      body.push(`${form} ${lang === 'fr' ? 'que les mesures suivantes sont nécessaires' : 'that the following measures are needed'} :`);
      for (const [k, l] of ['a', 'b', 'c'].entries())
        body.push(
          lang === 'fr' ? `${l}) ${pick(FILLER.fr)}, conformément à ${cite()}${k < 2 ? ',' : ','}` : `(${l}) ${pick(FILLER.en)}, in accordance with ${cite()},`,
        );
    } else {
      body.push(
        `${form} ${lang === 'fr' ? 'de' : ''} ${cite()}, ${lang === 'fr' ? 'et soulignant' : 'and stressing'} ${pick(FILLER[lang])},`.replace(/\s+/g, ' '),
      );
    }
  }
  const nOp = int(5, 25);
  for (let i = 1; i <= nOp; i++) {
    const v = pick(op);
    const form = pick(v.forms[lang]!);
    body.push(
      `${i}. *${form}* ${pick(ORGS[lang])} ${lang === 'fr' ? 'de renforcer' : 'to strengthen'} ${pick(FILLER[lang])}, ${lang === 'fr' ? 'compte tenu de' : 'taking into account'} ${cite()} ${i === nOp ? '.' : ';'}`,
    );
  }
  // A page break inside one paragraph: its first half, the footnote block, then the rest.
  const split = int(1, body.length - 2);
  const words = body[split].split(' ');
  const half = Math.max(3, Math.floor(words.length / 2));
  const notes = footnotes.map((f, i) => `${sup(i + 1)} ${f}`).join('\n\n');
  const pages = [...body.slice(0, split), words.slice(0, half).join(' '), notes, words.slice(half).join(' '), ...body.slice(split + 1)];
  const organ =
    lang === 'fr'
      ? ecosoc
        ? 'Le Conseil économique et social,'
        : "L'Assemblée générale,"
      : ecosoc
        ? 'The Economic and Social Council,'
        : 'The General Assembly,';
  const header =
    lang === 'fr'
      ? `${ecosoc ? 'Conseil économique et social' : 'Assemblée générale'}\n\nDistr. générale\n${date()}\n\nRésolution adoptée le ${date()}\n\n${number}. Résolution de synthèse numéro ${index}`
      : `${ecosoc ? 'Economic and Social Council' : 'General Assembly'}\n\nDistr.: General\n${date()}\n\nResolution adopted on ${date()}\n\n${number}. Synthetic resolution number ${index}`;
  const closing = lang === 'fr' ? `${int(10, 80)}e séance plénière\n${date()}` : `${int(10, 80)}th plenary meeting\n${date()}`;
  const text = `${header}\n\n${organ}\n\n${pages.join('\n\n')}\n\n${closing}\n`;
  return { name: `synthetic-${index}.${lang}.md`, text: lang === 'fr' ? contractFrench(text) : text };
}

/** French contractions: "de le" → "du", "à les" → "aux", ... */
function contractFrench(s: string): string {
  return s
    .replace(/\bde le\b/g, 'du')
    .replace(/\bde les\b/g, 'des')
    .replace(/\bà le\b/g, 'au')
    .replace(/\bà les\b/g, 'aux')
    .replace(/\bde ses\b/g, 'de ses');
}

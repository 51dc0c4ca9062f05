import { clauseActs, CLAUSE_VERBS, PAIR_SOURCES } from '../../../src/ingest';

/** [kind, language, paragraph opening, expected verb concepts]: the French forms are read as UN
 *  translation renders them, which is often not the cognate. */
type Case = readonly [kind: 'preambular' | 'operative', lang: 'en' | 'fr', text: string, verbs: readonly string[]];

const CASES: Case[] = [
  ['operative', 'fr', 'Prie instamment les États Membres de ratifier la Convention ;', ['urges']],
  ['operative', 'en', 'Urges Member States to ratify the Convention;', ['urges']],
  [
    'operative',
    'fr',
    "Exhorte les États Membres qui ne l'ont pas encore fait à envisager de ratifier la Convention, et prie instamment les États parties de l'appliquer ;",
    ['urges', 'urges'],
  ],
  ['operative', 'fr', 'Demande aux États Membres de criminaliser le trafic ;', ['calls-upon']],
  ['operative', 'en', 'Calls upon Member States to criminalize smuggling;', ['calls-upon']],
  ['operative', 'fr', 'Engage les États Membres à adopter une approche globale ;', ['encourages']],
  ['operative', 'fr', 'Engage vivement les États Membres à adopter une approche globale ;', ['encourages']],
  ['operative', 'en', 'Strongly encourages Member States to adopt a comprehensive approach;', ['encourages']],
  ['operative', 'fr', 'Exhorte vivement les États à agir ;', ['strongly-urges']],
  ['operative', 'fr', 'Se félicite des efforts de la Conférence ;', ['welcomes']],
  ['operative', 'fr', "Salue l'adoption de la résolution 71/287 ;", ['welcomes']],
  ['operative', 'fr', 'Sait gré aux États Membres qui ont versé des contributions au Fonds, et les engage à continuer ;', ['commends', 'encourages']],
  ['operative', 'en', 'Expresses its appreciation to the Member States that have contributed, and encourages them to continue;', ['commends', 'encourages']],
  ['operative', 'fr', "Invite les États à agir, et l'invite à faire rapport ;", ['invites', 'invites']],
  ['operative', 'fr', "Constate avec préoccupation le nombre d'États ;", ['notes-with-concern']],
  ['operative', 'fr', 'Prend acte du rapport ;', ['takes-note']],
  ['operative', 'fr', 'Prie également le Secrétaire général de faire rapport ;', ['requests']],
  ['operative', 'en', 'Also requests the Secretary-General to report;', ['requests']],
  ['preambular', 'fr', 'Profondément préoccupé de ce que des groupes criminels organisés continuent,', ['concerned']],
  ['preambular', 'fr', 'Sachant que le Groupe interinstitutions de coordination contribue,', ['recognizing']],
  ['preambular', 'en', 'Acknowledging that the Inter-Agency Coordination Group contributes,', ['recognizing']],
  ['preambular', 'fr', 'Conscient de la portée du Plan,', ['aware']],
  ['preambular', 'en', 'Recognizing the significance of the Plan,', ['aware']],
  ['preambular', 'fr', 'Prenant note également de la décision,', ['taking-note']],
  ['preambular', 'fr', 'Se félicitant du Pacte mondial,', ['welcoming']],
  ['preambular', 'fr', "Appelant l'attention sur le rôle de l'Office,", ['drawing-attention']],
  ['preambular', 'fr', 'Souhaitant vivement que les États,', ['desiring']],
  ['operative', 'fr', 'Souhaite vivement que les États agissent ;', []],
];

describe('clause verbs', () => {
  it.each(CASES)('(%s, %s) in %j reads %j', (kind, lang, text, verbs) => {
    const { acts, recognised } = clauseActs(text, kind, lang);
    expect(acts.map((a) => a.verb.slug)).toEqual(verbs);
    expect(recognised).toBe(verbs.length > 0);
    for (const a of acts) expect(text.slice(a.start, a.end)).toBe(a.text);
  });

  it('states the source of every French/English pair of the lexicon', () => {
    for (const v of CLAUSE_VERBS) expect([v.slug, PAIR_SOURCES[v.slug]?.length > 20]).toEqual([v.slug, true]);
  });

  it('gives no French form to two concepts of the same kind', () => {
    const seen = new Map<string, string>();
    for (const v of CLAUSE_VERBS) {
      for (const f of v.forms.fr ?? []) {
        const key = `${v.kind} ${f.toLowerCase()}`;
        expect([key, seen.get(key) ?? v.slug]).toEqual([key, v.slug]);
        seen.set(key, v.slug);
      }
    }
  });
});

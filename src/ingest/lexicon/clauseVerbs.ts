/** The clause-verb lexicon: the phrases that open (or, after "et"/"and", continue)
 *  preambular and operative paragraphs of UN resolutions, in French and English, mapped to
 *  one SKOS concept each. French adjectives and participles agree with the organ
 *  ("Le Conseil ..., Conscient" / "L'Assemblée ..., Consciente"): both genders are listed.
 *  The concept scheme in ontology/clauses.ttl is generated from this table. */

export type ClauseKind = 'preambular' | 'operative';

export interface ClauseVerbEntry {
  /** Concept slug, the local name under https://w3id.org/unkg/clause/. */
  slug: string;
  kind: ClauseKind;
  en: string;
  fr: string;
  /** Other surface forms (both languages), matched case-insensitively at a word boundary. */
  forms: { en?: string[]; fr?: string[] };
  /** CiTO characterisation of what a paragraph cites under this verb. */
  cito?: string;
}

/** Where the French/English pairing of each concept comes from (PAIR_SOURCES below). */
export const PARALLEL_SEED = 'E/RES/2017/18, the French and English texts published by the UN (both in the UN document system)';
export const USAGE_UNCHECKED = 'UN usage in General Assembly and ECOSOC resolutions; not yet checked against a named parallel text or UNTERM';

const P = 'preambular' as const;
const O = 'operative' as const;

export const CLAUSE_VERBS: readonly ClauseVerbEntry[] = [
  // Preambular openers (participles and adjectives)
  { slug: 'recalling', kind: P, en: 'Recalling', fr: 'Rappelant', forms: { en: ['Recalling'], fr: ['Rappelant'] }, cito: 'citesAsAuthority' },
  { slug: 'reaffirming', kind: P, en: 'Reaffirming', fr: 'Réaffirmant', forms: { en: ['Reaffirming'], fr: ['Réaffirmant'] }, cito: 'confirms' },
  { slug: 'reiterating', kind: P, en: 'Reiterating', fr: 'Réitérant', forms: { en: ['Reiterating'], fr: ['Réitérant'] }, cito: 'confirms' },
  {
    slug: 'condemning',
    kind: P,
    en: 'Condemning',
    fr: 'Condamnant',
    forms: {
      en: ['Condemning', 'Strongly condemning', 'Reiterating its strong condemnation of'],
      fr: ['Condamnant', 'Condamnant de nouveau énergiquement', 'Condamnant énergiquement'],
    },
  },
  { slug: 'considering', kind: P, en: 'Considering', fr: 'Considérant', forms: { en: ['Considering'], fr: ['Considérant'] } },
  {
    slug: 'aware',
    kind: P,
    en: 'Aware',
    fr: 'Conscient',
    forms: {
      en: ['Aware', 'Conscious', 'Fully aware', 'Recognizing the significance of'],
      fr: ['Conscient', 'Consciente', 'Pleinement conscient', 'Pleinement consciente'],
    },
  },
  { slug: 'mindful', kind: P, en: 'Mindful', fr: 'Soucieux', forms: { en: ['Mindful'], fr: ['Soucieux', 'Soucieuse'] } },
  { slug: 'stressing', kind: P, en: 'Stressing', fr: 'Soulignant', forms: { en: ['Stressing', 'Underlining', 'Underscoring'], fr: ['Soulignant'] } },
  { slug: 'emphasizing', kind: P, en: 'Emphasizing', fr: 'Insistant', forms: { en: ['Emphasizing', 'Emphasising'], fr: ['Insistant', "Mettant l'accent"] } },
  { slug: 'noting', kind: P, en: 'Noting', fr: 'Notant', forms: { en: ['Noting'], fr: ['Notant', 'Constatant'] }, cito: 'citesForInformation' },
  {
    slug: 'noting-with-concern',
    kind: P,
    en: 'Noting with concern',
    fr: 'Notant avec préoccupation',
    forms: { en: ['Noting with concern', 'Noting with deep concern'], fr: ['Notant avec préoccupation', 'Constatant avec préoccupation'] },
  },
  {
    slug: 'noting-with-appreciation',
    kind: P,
    en: 'Noting with appreciation',
    fr: 'Notant avec satisfaction',
    forms: { en: ['Noting with appreciation', 'Noting with satisfaction'], fr: ['Notant avec satisfaction', 'Constatant avec satisfaction'] },
    cito: 'citesForInformation',
  },
  {
    slug: 'taking-note',
    kind: P,
    en: 'Taking note',
    fr: 'Prenant note',
    forms: { en: ['Taking note', 'Taking note also', 'Taking note further'], fr: ['Prenant note', 'Prenant acte'] },
    cito: 'citesForInformation',
  },
  {
    slug: 'taking-note-with-appreciation',
    kind: P,
    en: 'Taking note with appreciation',
    fr: 'Prenant note avec satisfaction',
    forms: { en: ['Taking note with appreciation'], fr: ['Prenant note avec satisfaction', 'Prenant acte avec satisfaction'] },
    cito: 'citesAsDataSource',
  },
  {
    slug: 'welcoming',
    kind: P,
    en: 'Welcoming',
    fr: 'Se félicitant',
    forms: { en: ['Welcoming'], fr: ['Se félicitant', 'Accueillant avec satisfaction', 'Accueillant favorablement', 'Saluant'] },
    cito: 'citesAsRelated',
  },
  {
    slug: 'recognizing',
    kind: P,
    en: 'Recognizing',
    fr: 'Reconnaissant',
    forms: { en: ['Recognizing', 'Recognising', 'Acknowledging', 'Knowing'], fr: ['Reconnaissant', 'Sachant'] },
  },
  {
    slug: 'drawing-attention',
    kind: P,
    en: 'Drawing attention to',
    fr: "Appelant l'attention sur",
    forms: { en: ['Drawing attention'], fr: ["Appelant l'attention"] },
  },
  {
    slug: 'concerned',
    kind: P,
    en: 'Concerned',
    fr: 'Préoccupé',
    forms: {
      en: ['Concerned', 'Deeply concerned', 'Gravely concerned', 'Seriously concerned', 'Expressing concern', 'Expressing deep concern'],
      fr: [
        'Préoccupé',
        'Préoccupée',
        'Profondément préoccupé',
        'Profondément préoccupée',
        'Gravement préoccupé',
        'Gravement préoccupée',
        'Vivement préoccupé',
        'Vivement préoccupée',
        'Constatant avec inquiétude',
        'Se déclarant préoccupé',
        'Se déclarant préoccupée',
      ],
    },
  },
  {
    slug: 'alarmed',
    kind: P,
    en: 'Alarmed',
    fr: 'Alarmé',
    forms: { en: ['Alarmed', 'Deeply alarmed'], fr: ['Alarmé', 'Alarmée', 'Vivement alarmé', 'Vivement alarmée'] },
  },
  {
    slug: 'convinced',
    kind: P,
    en: 'Convinced',
    fr: 'Convaincu',
    forms: { en: ['Convinced', 'Firmly convinced'], fr: ['Convaincu', 'Convaincue', 'Fermement convaincu', 'Fermement convaincue'] },
  },
  {
    slug: 'determined',
    kind: P,
    en: 'Determined',
    fr: 'Déterminé',
    forms: { en: ['Determined', 'Resolved', 'Resolute'], fr: ['Déterminé', 'Déterminée', 'Résolu', 'Résolue'] },
  },
  {
    slug: 'guided-by',
    kind: P,
    en: 'Guided by',
    fr: 'Guidé par',
    forms: { en: ['Guided by'], fr: ['Guidé par', 'Guidée par', "S'inspirant"] },
    cito: 'citesAsAuthority',
  },
  {
    slug: 'bearing-in-mind',
    kind: P,
    en: 'Bearing in mind',
    fr: "Gardant à l'esprit",
    forms: {
      en: ['Bearing in mind', 'Keeping in mind'],
      fr: ["Gardant à l'esprit", "Ayant à l'esprit", 'Ayant présent à l’esprit', "Ayant présent à l'esprit"],
    },
  },
  {
    slug: 'taking-into-account',
    kind: P,
    en: 'Taking into account',
    fr: 'Tenant compte',
    forms: { en: ['Taking into account', 'Taking into consideration'], fr: ['Tenant compte', 'Prenant en considération', 'Prenant en compte'] },
  },
  {
    slug: 'having-considered',
    kind: P,
    en: 'Having considered',
    fr: 'Ayant examiné',
    forms: { en: ['Having considered', 'Having examined', 'Having reviewed', 'Having studied'], fr: ['Ayant examiné', 'Ayant étudié', 'Ayant considéré'] },
    cito: 'citesForInformation',
  },
  { slug: 'expressing', kind: P, en: 'Expressing', fr: 'Exprimant', forms: { en: ['Expressing'], fr: ['Exprimant', 'Se déclarant'] } },
  { slug: 'affirming', kind: P, en: 'Affirming', fr: 'Affirmant', forms: { en: ['Affirming'], fr: ['Affirmant'] }, cito: 'confirms' },
  { slug: 'observing', kind: P, en: 'Observing', fr: 'Observant', forms: { en: ['Observing'], fr: ['Observant'] } },
  { slug: 'deploring', kind: P, en: 'Deploring', fr: 'Déplorant', forms: { en: ['Deploring'], fr: ['Déplorant'] } },
  { slug: 'encouraged', kind: P, en: 'Encouraged', fr: 'Encouragé', forms: { en: ['Encouraged'], fr: ['Encouragé', 'Encouragée'] } },
  {
    slug: 'paying-tribute',
    kind: P,
    en: 'Paying tribute',
    fr: 'Rendant hommage',
    forms: {
      en: ['Paying tribute', 'Commending', 'Appreciating', 'Expressing appreciation'],
      fr: ['Rendant hommage', 'Exprimant sa gratitude', 'Exprimant sa reconnaissance'],
    },
  },
  {
    slug: 'desiring',
    kind: P,
    en: 'Desiring',
    fr: 'Désireux',
    forms: { en: ['Desiring', 'Desirous', 'Wishing'], fr: ['Désireux', 'Désireuse', 'Souhaitant'] },
  },
  // Operative verbs (present indicative)
  {
    slug: 'urges',
    kind: O,
    en: 'Urges',
    fr: 'Exhorte',
    forms: { en: ['Urges'], fr: ['Exhorte', 'Prie instamment', 'Demande instamment', 'Invite instamment'] },
  },
  // "Prie instamment" is how UN translation renders "Urges" (E/RES/2017/18 op. 1 and 2), not "Strongly urges".
  {
    slug: 'strongly-urges',
    kind: O,
    en: 'Strongly urges',
    fr: 'Exhorte vivement',
    forms: { en: ['Strongly urges'], fr: ['Exhorte vivement', 'Exhorte instamment'] },
  },
  { slug: 'requests', kind: O, en: 'Requests', fr: 'Prie', forms: { en: ['Requests'], fr: ['Prie'] } },
  { slug: 'calls-upon', kind: O, en: 'Calls upon', fr: 'Demande', forms: { en: ['Calls upon', 'Calls on', 'Calls for'], fr: ['Demande', 'Préconise'] } },
  { slug: 'invites', kind: O, en: 'Invites', fr: 'Invite', forms: { en: ['Invites'], fr: ['Invite'] } },
  {
    slug: 'encourages',
    kind: O,
    en: 'Encourages',
    fr: 'Engage',
    forms: { en: ['Encourages', 'Strongly encourages'], fr: ['Engage', 'Encourage', 'Encourage vivement', 'Engage vivement'] },
  },
  {
    slug: 'welcomes',
    kind: O,
    en: 'Welcomes',
    fr: 'Salue',
    forms: { en: ['Welcomes'], fr: ['Salue', 'Se félicite', 'Accueille avec satisfaction', 'Accueille favorablement'] },
    cito: 'citesAsRelated',
  },
  {
    slug: 'takes-note',
    kind: O,
    en: 'Takes note',
    fr: 'Prend note',
    forms: { en: ['Takes note', 'Notes'], fr: ['Prend note', 'Prend acte', 'Note', 'Constate'] },
    cito: 'citesForInformation',
  },
  {
    slug: 'takes-note-with-appreciation',
    kind: O,
    en: 'Takes note with appreciation',
    fr: 'Prend note avec satisfaction',
    forms: {
      en: ['Takes note with appreciation', 'Notes with appreciation', 'Takes note with satisfaction'],
      fr: ['Prend note avec satisfaction', 'Prend acte avec satisfaction', 'Note avec satisfaction', 'Constate avec satisfaction'],
    },
    cito: 'citesAsDataSource',
  },
  {
    slug: 'notes-with-concern',
    kind: O,
    en: 'Notes with concern',
    fr: 'Note avec préoccupation',
    forms: {
      en: ['Notes with concern', 'Notes with deep concern'],
      fr: ['Note avec préoccupation', 'Constate avec préoccupation', 'Constate avec inquiétude'],
    },
  },
  { slug: 'recalls', kind: O, en: 'Recalls', fr: 'Rappelle', forms: { en: ['Recalls'], fr: ['Rappelle'] }, cito: 'citesAsAuthority' },
  { slug: 'reaffirms', kind: O, en: 'Reaffirms', fr: 'Réaffirme', forms: { en: ['Reaffirms'], fr: ['Réaffirme'] }, cito: 'confirms' },
  { slug: 'reiterates', kind: O, en: 'Reiterates', fr: 'Réitère', forms: { en: ['Reiterates'], fr: ['Réitère'] }, cito: 'confirms' },
  { slug: 'decides', kind: O, en: 'Decides', fr: 'Décide', forms: { en: ['Decides'], fr: ['Décide'] } },
  { slug: 'stresses', kind: O, en: 'Stresses', fr: 'Souligne', forms: { en: ['Stresses', 'Underlines', 'Underscores'], fr: ['Souligne'] } },
  { slug: 'emphasizes', kind: O, en: 'Emphasizes', fr: 'Insiste', forms: { en: ['Emphasizes', 'Emphasises'], fr: ['Insiste', "Met l'accent"] } },
  { slug: 'recommends', kind: O, en: 'Recommends', fr: 'Recommande', forms: { en: ['Recommends'], fr: ['Recommande'] } },
  { slug: 'approves', kind: O, en: 'Approves', fr: 'Approuve', forms: { en: ['Approves'], fr: ['Approuve'] } },
  {
    slug: 'endorses',
    kind: O,
    en: 'Endorses',
    fr: 'Fait sienne',
    forms: { en: ['Endorses'], fr: ['Fait sienne', 'Fait siennes', 'Fait sien', 'Entérine'] },
    cito: 'agreesWith',
  },
  { slug: 'adopts', kind: O, en: 'Adopts', fr: 'Adopte', forms: { en: ['Adopts'], fr: ['Adopte'] } },
  { slug: 'condemns', kind: O, en: 'Condemns', fr: 'Condamne', forms: { en: ['Condemns', 'Strongly condemns'], fr: ['Condamne', 'Condamne énergiquement'] } },
  { slug: 'deplores', kind: O, en: 'Deplores', fr: 'Déplore', forms: { en: ['Deplores'], fr: ['Déplore'] } },
  { slug: 'expresses', kind: O, en: 'Expresses', fr: 'Exprime', forms: { en: ['Expresses'], fr: ['Exprime', 'Se déclare'] } },
  { slug: 'looks-forward-to', kind: O, en: 'Looks forward to', fr: 'Attend avec intérêt', forms: { en: ['Looks forward'], fr: ['Attend avec intérêt'] } },
  { slug: 'affirms', kind: O, en: 'Affirms', fr: 'Affirme', forms: { en: ['Affirms'], fr: ['Affirme'] }, cito: 'confirms' },
  {
    slug: 'recognizes',
    kind: O,
    en: 'Recognizes',
    fr: 'Reconnaît',
    forms: { en: ['Recognizes', 'Recognises', 'Acknowledges'], fr: ['Reconnaît', 'Reconnait'] },
  },
  { slug: 'considers', kind: O, en: 'Considers', fr: 'Considère', forms: { en: ['Considers'], fr: ['Considère', 'Estime'] } },
  { slug: 'proclaims', kind: O, en: 'Proclaims', fr: 'Proclame', forms: { en: ['Proclaims'], fr: ['Proclame'] } },
  { slug: 'authorizes', kind: O, en: 'Authorizes', fr: 'Autorise', forms: { en: ['Authorizes', 'Authorises'], fr: ['Autorise'] } },
  {
    slug: 'commends',
    kind: O,
    en: 'Commends',
    fr: 'Félicite',
    forms: { en: ['Commends', 'Pays tribute', 'Expresses its appreciation', 'Thanks'], fr: ['Félicite', 'Rend hommage', 'Remercie', 'Sait gré'] },
  },
  { slug: 'demands', kind: O, en: 'Demands', fr: 'Exige', forms: { en: ['Demands'], fr: ['Exige'] } },
  { slug: 'confirms', kind: O, en: 'Confirms', fr: 'Confirme', forms: { en: ['Confirms'], fr: ['Confirme'] }, cito: 'confirms' },
  { slug: 'supports', kind: O, en: 'Supports', fr: 'Appuie', forms: { en: ['Supports'], fr: ['Appuie', 'Soutient'] }, cito: 'agreesWith' },
  {
    slug: 'draws-attention',
    kind: O,
    en: 'Draws attention',
    fr: "Appelle l'attention",
    forms: { en: ['Draws attention', 'Draws the attention'], fr: ["Appelle l'attention"] },
  },
  { slug: 'appeals', kind: O, en: 'Appeals', fr: 'Lance un appel', forms: { en: ['Appeals', 'Launches an appeal'], fr: ['Lance un appel'] } },
  { slug: 'entrusts', kind: O, en: 'Entrusts', fr: 'Charge', forms: { en: ['Entrusts', 'Mandates'], fr: ['Charge'] } },
];

/** The source of each French/English pair. Pairs read in the seed's two published texts
 *  (French forms as printed in data/sources/E-RES-2017-18.fr.md, English as in the English
 *  text): PARALLEL_SEED. The others follow common UN usage and are marked USAGE_UNCHECKED until
 *  checked against a named resolution's parallel texts. tests/ingest/lexicon checks that every
 *  concept has one. */
export const PAIR_SOURCES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(CLAUSE_VERBS.map((v) => [v.slug, USAGE_UNCHECKED])),
  ...Object.fromEntries(
    [
      'condemning', // "Condamnant de nouveau énergiquement" / "Reiterating its strong condemnation of"
      'recalling', // "Rappelant" / "Recalling"
      'considering', // "Considérant" / "Considering"
      'aware', // "Conscient de la portée" / "Recognizing the significance of"
      'reaffirming', // "Réaffirmant" / "Reaffirming"
      'drawing-attention', // "Appelant l'attention sur" / "Drawing attention to"
      'recognizing', // "Sachant" / "Acknowledging"
      'taking-note', // "Prenant note" / "Taking note"
      'welcoming', // "Se félicitant" / "Welcoming"
      'urges', // "Exhorte", "Prie instamment" / "Urges"
      'invites', // "Invite" / "Invites"
      'takes-note-with-appreciation', // "Prend note avec satisfaction" / "Takes note with appreciation"
      'looks-forward-to', // "attend avec intérêt" / "looks forward to"
      'requests', // "Prie" / "Requests"
      'encourages', // "Engage" / "Encourages"
      'welcomes', // "Salue" / "Welcomes"
      'recalls', // "Rappelle" / "Recalls"
    ].map((slug) => [slug, PARALLEL_SEED]),
  ),
};

/** Adverbs that may precede or follow a verb without changing its concept
 *  ("Also requests", "Prie également", "Invite en outre"). */
export const VERB_MODIFIERS = {
  en: ['also', 'further', 'again', 'once again', 'once more', 'moreover', 'in this regard', 'in this context'],
  fr: ['également', 'en outre', 'de nouveau', 'aussi', 'à nouveau', 'à cet égard', 'dans ce contexte', 'par ailleurs'],
} as const;

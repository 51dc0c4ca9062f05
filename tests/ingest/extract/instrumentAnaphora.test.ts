import { instrumentAnaphora } from '../../../src/ingest';
import { mayHoldInstrumentAnaphor } from '../../../src/ingest/extract';
import type { Antecedent } from '../../../src/ingest/extract';
import { gazetteer, iris, short } from '../fixtures';

const UNTOC = iris.treaty(2225, 39574);
const TIP = iris.treaty(2237, 39574);
const SOM = iris.treaty(2241, 39574);

/** [language, text, antecedents named before (instrument, where its name or marker ends: "end" for the end of the
 *  first sentence part), expected links "target [anaphor]", expected unresolved anaphors]. */
type Case = readonly [
  lang: 'en' | 'fr',
  text: string,
  antecedents: ReadonlyArray<readonly [string, number]>,
  links: readonly string[],
  unresolved: readonly string[],
];

const CASES: Case[] = [
  [
    'en',
    'Recalling the Convention and the Protocols thereto,',
    [[UNTOC, 14]],
    ['treaty 2237/39574 [the Protocols thereto]', 'treaty 2241/39574 [the Protocols thereto]', 'treaty 2326/39574 [the Protocols thereto]'],
    [],
  ],
  [
    'en',
    'Reaffirming the Convention and its Protocols,',
    [[UNTOC, 26]],
    ['treaty 2237/39574 [its Protocols]', 'treaty 2241/39574 [its Protocols]', 'treaty 2326/39574 [its Protocols]'],
    [],
  ],
  ['en', 'ratification of the said Convention remains a priority,', [[UNTOC, 0]], ['treaty 2225/39574 [the said Convention]'], []],
  ['en', 'making full use of the Smuggling of Migrants Protocol and of the said Protocol,', [[SOM, 52]], ['treaty 2241/39574 [the said Protocol]'], []],
  // The Protocol thereto, singular, when the Convention has three: the one named before, if one was.
  [
    'en',
    'the Convention and the Trafficking in Persons Protocol, and the Protocol thereto,',
    [
      [UNTOC, 14],
      [TIP, 53],
    ],
    ['treaty 2237/39574 [the Protocol thereto]'],
    [],
  ],
  ['en', 'the Convention and the Protocol thereto,', [[UNTOC, 14]], [], ['the Protocol thereto: the instrument named before it has 3 protocols']],
  [
    'en',
    'for the implementation of the Convention and its Protocols,',
    [],
    [],
    ['its Protocols: no instrument with protocols is named before it in the paragraph or its footnotes'],
  ],
  ['en', 'the said Convention,', [[SOM, 0]], [], ['the said Convention: no convention is named before it in the paragraph or its footnotes']],
  // An antecedent named after the anaphor does not count.
  [
    'en',
    'its Protocols and the Convention',
    [[UNTOC, 32]],
    [],
    ['its Protocols: no instrument with protocols is named before it in the paragraph or its footnotes'],
  ],
  [
    'fr',
    "la Convention et les Protocoles s'y rapportant,",
    [[UNTOC, 13]],
    [
      "treaty 2237/39574 [les Protocoles s'y rapportant]",
      "treaty 2241/39574 [les Protocoles s'y rapportant]",
      "treaty 2326/39574 [les Protocoles s'y rapportant]",
    ],
    [],
  ],
  [
    'fr',
    'la Convention et ses Protocoles,',
    [[UNTOC, 13]],
    ['treaty 2237/39574 [ses Protocoles]', 'treaty 2241/39574 [ses Protocoles]', 'treaty 2326/39574 [ses Protocoles]'],
    [],
  ],
  [
    'fr',
    'la Convention et ses Protocoles additionnels,',
    [[UNTOC, 13]],
    ['treaty 2237/39574 [ses Protocoles additionnels]', 'treaty 2241/39574 [ses Protocoles additionnels]', 'treaty 2326/39574 [ses Protocoles additionnels]'],
    [],
  ],
  ['fr', 'la ratification de ladite Convention,', [[UNTOC, 0]], ['treaty 2225/39574 [ladite Convention]'], []],
  ['fr', 'en utilisant pleinement ledit Protocole,', [[SOM, 0]], ['treaty 2241/39574 [ledit Protocole]'], []],
  [
    'fr',
    'l’application de la Convention et des Protocoles s’y rapportant',
    [[UNTOC, 29]],
    [
      'treaty 2237/39574 [des Protocoles s’y rapportant]',
      'treaty 2241/39574 [des Protocoles s’y rapportant]',
      'treaty 2326/39574 [des Protocoles s’y rapportant]',
    ],
    [],
  ],
];

describe('anaphora to instruments', () => {
  it.each(CASES)('(%s) in %j with %j finds %j, leaves %j unresolved', (lang, text, antecedents, links, unresolved) => {
    const r = instrumentAnaphora(
      text,
      lang,
      antecedents.map(([iri, at]): Antecedent => ({ iri, at })),
      gazetteer,
    );
    expect(r.links.map((l) => `${short(l.target)} [${l.matchedText}]`)).toEqual(links);
    for (const l of r.links) expect(text.slice(l.start, l.end)).toBe(l.matchedText);
    expect(r.unresolved.map((u) => `${u.text}: ${u.reason}`)).toEqual(unresolved);
    // The quick test that spares most paragraphs never misses one of these.
    if (links.length + unresolved.length > 0) expect(mayHoldInstrumentAnaphor(text, lang)).toBe(true);
  });
});

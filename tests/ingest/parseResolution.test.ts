import { readFileSync } from 'node:fs';
import { decodeSource, parseResolution } from '../../src/ingest';
import { EN_FIXTURE, FR_GA_FIXTURE, SEED } from './fixtures';

const parse = (path: string) => parseResolution(decodeSource(readFileSync(path), path), { file: path });

describe('parseResolution on the seed (E/RES/2017/18, French)', () => {
  const tree = parse(SEED);

  it('identifies the resolution from its number, title and organ', () => {
    expect(tree.symbol).toBe('E/RES/2017/18');
    expect(tree.number).toBe('2017/18');
    expect(tree.organ).toBe('ecosoc');
    expect(tree.language).toBe('fr');
    expect(tree.title).toBe("Mise en œuvre du Plan d'action mondial des Nations Unies pour la lutte contre la traite des personnes");
    expect(tree.enactingFormula).toBe('Le Conseil économique et social,');
  });

  it('reads the header: distribution, session, agenda item, adoption and recommendation', () => {
    expect(tree.header).toMatchObject({
      distributionDate: '2017-08-18',
      session: 'Session de 2017',
      agendaItem: '19 (c)',
      adoptionDate: '2017-07-06',
      recommendation: { symbol: 'E/2017/30', bodyText: 'Commission pour la prévention du crime et la justice pénale' },
    });
    expect(tree.closing).toMatchObject({ meeting: 40, date: '2017-07-06' });
  });

  it('finds 19 preambular paragraphs, the 6th with sub-paragraphs a to f', () => {
    expect(tree.preambular).toHaveLength(19);
    expect(tree.preambular.map((p) => p.number)).toEqual(Array.from({ length: 19 }, (_, i) => String(i + 1)));
    expect(tree.preambular[5].subparagraphs.map((s) => s.number)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(tree.preambular[5].text).toBe("Réaffirmant que le Plan d'action mondial a été élaboré :");
    expect(tree.preambular.filter((p) => p.subparagraphs.length > 0)).toHaveLength(1);
  });

  it('finds 13 operative paragraphs and 5 footnotes', () => {
    expect(tree.operative.map((p) => p.number)).toEqual(Array.from({ length: 13 }, (_, i) => String(i + 1)));
    expect(tree.footnotes.map((f) => f.n)).toEqual([1, 2, 3, 4, 5]);
    expect(tree.footnotes[1].text).toBe('Ibid., vol. 2237, n° 39574.');
    expect(tree.warnings).toEqual([]);
  });

  it('re-joins preambular paragraph 18 across its page-break footnote block, with exactly its own text', () => {
    expect(tree.preambular[17].text).toBe(
      "Rappelant qu'il importe d'éliminer de la vie publique et de la vie privée toutes les formes de violence faite aux femmes et aux filles, y compris la traite et l'exploitation sexuelle et d'autres types d'exploitation, ainsi que de mettre un terme à la maltraitance, à l'exploitation et à la traite, et à toutes les formes de violence et de torture dont sont victimes les enfants, à l'appui également de l'application du Plan d'action mondial,",
    );
    expect(tree.preambular[18].text.startsWith('Rappelant également le rôle')).toBe(true);
  });

  it('re-joins operative paragraph 6 across its page-break footnote block, with exactly its own text', () => {
    expect(tree.operative[5].text).toBe(
      "Prie l'Office des Nations Unies contre la drogue et le crime de continuer, dans le cadre de ses attributions, à intégrer le Plan d'action mondial dans ses programmes et activités et à fournir, aux niveaux national et régional, une assistance technique aux pays qui en font la demande pour renforcer les moyens dont ils disposent afin d'assurer la mise en œuvre du Plan d'action mondial, de la Convention contre la criminalité organisée et du Protocole relatif à la traite des personnes ;",
    );
    expect(tree.operative[6].text.startsWith("Invite l'Office")).toBe(true);
  });

  it('removes markup and footnote markers from the text but keeps where the markers stood', () => {
    const sub = tree.preambular[5].subparagraphs[0];
    expect(sub.text).not.toMatch(/[¹²*]/);
    expect(sub.markers.map((m) => m.n)).toEqual([1, 2]);
    expect(sub.text.slice(0, sub.markers[0].offset).endsWith('criminalité transnationale organisée')).toBe(true);
    expect(tree.operative[0].text.startsWith('Exhorte les États Membres')).toBe(true);
    expect(tree.operative[10].text).toContain('la résolution 71/287 de');
  });
});

describe('parseResolution on an English General Assembly resolution', () => {
  const tree = parse(EN_FIXTURE);

  it('reads the English header and the symbol line', () => {
    expect(tree).toMatchObject({ symbol: 'A/RES/72/195', organ: 'unga', language: 'en', number: '72/195', enactingFormula: 'The General Assembly,' });
    expect(tree.header).toMatchObject({ distributionDate: '2018-01-23', session: 'Seventy-second session', agendaItem: '107', adoptionDate: '2017-12-19' });
    expect(tree.header.recommendation?.symbol).toBe('A/72/435');
    expect(tree.closing).toMatchObject({ meeting: 73, date: '2017-12-19' });
  });

  it('reads "(a)" sub-paragraphs and "(i)" second-degree sub-paragraphs', () => {
    expect(tree.preambular[3].subparagraphs.map((s) => s.number)).toEqual(['a', 'b']);
    const op3 = tree.operative[2];
    expect(op3.subparagraphs.map((s) => s.number)).toEqual(['a', 'b']);
    expect(op3.subparagraphs[0].subparagraphs.map((s) => s.number)).toEqual(['i', 'ii']);
    expect(op3.subparagraphs[0].subparagraphs[1].text).toBe('Administrative records;');
  });

  it('re-joins paragraphs split by footnotes and a running head, and collects footnotes defined out of order', () => {
    expect(tree.preambular).toHaveLength(6);
    expect(tree.preambular[4].text.endsWith('and the political declaration adopted at that meeting,')).toBe(true);
    expect(tree.operative).toHaveLength(6);
    expect(tree.operative[4].text.endsWith('which is managed by the Office, and welcomes the contributions already made to the Fund;')).toBe(true);
    expect(tree.footnotes.map((f) => f.n)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('parseResolution on a French General Assembly resolution with Markdown footnotes', () => {
  const tree = parse(FR_GA_FIXTURE);

  it('reads "[^n]" footnote references and definitions', () => {
    expect(tree.symbol).toBe('A/RES/71/167');
    expect(tree.preambular).toHaveLength(3);
    expect(tree.operative).toHaveLength(3);
    expect(tree.footnotes).toEqual([
      expect.objectContaining({ n: 1, text: 'Nations Unies, Recueil des Traités, vol. 2237, n° 39574.' }),
      expect.objectContaining({ n: 2, text: 'A/71/223.' }),
    ]);
    expect(tree.operative[0].markers).toEqual([{ n: 2, offset: 'Prend note du rapport du Secrétaire général'.length }]);
  });
});

describe('parseResolution on a minimal text', () => {
  it('derives the symbol from the number for each organ', () => {
    const text = (organ: string, number: string) =>
      `${number}. Titre\n\n${organ},\n\nRappelant sa résolution 70/1,\n\n1. *Décide* de rester saisi de la question.\n`;
    expect(parseResolution(text("L'Assemblée générale", '72/1'), { file: 'x' }).symbol).toBe('A/RES/72/1');
    expect(parseResolution(text('Le Conseil économique et social', '2016/25'), { file: 'x' }).symbol).toBe('E/RES/2016/25');
  });
});

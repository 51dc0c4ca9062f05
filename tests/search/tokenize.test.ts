import { fold, foldWithPositions, processTerm, tokenize } from '../../src/search';

describe('terms of a text', () => {
  it('keeps a symbol whole and by its endings, and its words', () => {
    expect(tokenize('Rappelant sa résolution A/RES/64/293,')).toEqual([
      'Rappelant',
      'sa',
      'résolution',
      'A/RES/64/293',
      'RES/64/293',
      '64/293',
      'A',
      'RES',
      '64',
      '293',
    ]);
    expect(tokenize('la cible 5.2 (2017/18)')).toEqual(['la', 'cible', '5.2', '5', '2', '2017/18', '2017', '18']);
  });

  it('cuts words at apostrophes and punctuation', () => {
    expect(tokenize("l'Office des Nations Unies;")).toEqual(['l', 'Office', 'des', 'Nations', 'Unies']);
  });

  it('folds case and accents, and drops common words', () => {
    expect(fold('États Membres')).toBe('etats membres');
    expect(processTerm('Résolution')).toBe('resolution');
    expect(processTerm('des')).toBeNull();
    expect(processTerm('The')).toBeNull();
  });

  it('knows where each folded character came from', () => {
    const { folded, from } = foldWithPositions('Invite les États Membres');
    const at = folded.indexOf('etats');
    expect(at).toBe(11);
    expect('Invite les États Membres'.slice(from[at], from[at] + 5)).toBe('États');
  });
});

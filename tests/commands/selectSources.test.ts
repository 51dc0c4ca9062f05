import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { looksLikeResolution, selectSources } from '../../src/commands';
import { EN_FIXTURE, FR_GA_FIXTURE, ROOT, SEED } from '../ingest/fixtures';

describe('which files of a sources folder are built', () => {
  it.each([
    ['the seed (adoption line and numbered title, no symbol)', true, readFileSync(SEED, 'utf8')],
    ['an English General Assembly resolution', true, readFileSync(EN_FIXTURE, 'utf8')],
    ['a French one', true, readFileSync(FR_GA_FIXTURE, 'utf8')],
    ['a Markdown-styled ECOSOC resolution', true, readFileSync(join(ROOT, 'tests/fixtures/ingest/E-RES-2016-25.en.md'), 'utf8')],
    ['a title line alone', true, '\n\n64/293. United Nations Global Plan of Action\n'],
    ['a note that cites a resolution in passing', false, 'Notes\n\n- read 64/293 again\n- compare with E/2017/30\n'],
    ['a to-do list', false, 'TODO: French text of the 2018 resolution\n'],
    ['an empty file', false, ''],
  ])('%s: read as a resolution, %s', (_what, expected, text) => {
    expect(looksLikeResolution(text)).toBe(expected);
  });

  it('takes resolution texts and documents, skips the rest with a reason, ignores hidden files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'unkg-sources-'));
    try {
      writeFileSync(join(dir, 'E-RES-2017-18.fr.md'), readFileSync(SEED));
      writeFileSync(join(dir, 'A-RES-72-195.txt'), readFileSync(EN_FIXTURE));
      writeFileSync(join(dir, 'A-RES-70-1.pdf'), '%PDF-1.7');
      writeFileSync(join(dir, 'A-RES-71-1.docx'), 'PK');
      writeFileSync(join(dir, 'notes.txt'), 'Ask for the English text.\n');
      writeFileSync(join(dir, 'README.md'), '# Sources\n');
      writeFileSync(join(dir, 'scan.png'), '');
      writeFileSync(join(dir, '.DS_Store'), '');
      const { inputs, skipped } = selectSources(dir);
      expect(inputs).toEqual(['A-RES-70-1.pdf', 'A-RES-71-1.docx', 'A-RES-72-195.txt', 'E-RES-2017-18.fr.md'].map((f) => join(dir, f)));
      expect(skipped).toEqual([
        { file: join(dir, 'README.md'), reason: 'a README, not a resolution' },
        { file: join(dir, 'notes.txt'), reason: 'no resolution symbol, adoption line or numbered title in its first 60 lines: not read as a resolution' },
        { file: join(dir, 'scan.png'), reason: 'not a resolution format (.md, .txt, .pdf, .docx)' },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a folder that does not exist has nothing to build', () => {
    expect(selectSources(join(tmpdir(), 'unkg-no-such-folder'))).toEqual({ inputs: [], skipped: [] });
  });
});

import { closeSync, existsSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_EXTENSIONS, sourceFormat } from './readSource';

/** Which files of a sources folder (data/sources) `unkg build` reads.
 *
 *  - `.pdf` and `.docx` are documents: always taken (the build reads their text).
 *  - `.md` and `.txt` are taken when their first lines look like a UN resolution: a
 *    resolution symbol (`A/RES/64/293`, `E/RES/2017/18`), the adoption line ("Resolution
 *    adopted by ...", "Résolution adoptée par ..."), or a numbered title ("2017/18. Title",
 *    "64/293. Title"). A note, a to-do list or a draft without its header is skipped.
 *  - Any other file (and README*) is skipped; hidden files are ignored without a word.
 *
 *  Files named on the command line are always built: the rule is only for the folder. */

/** How much of a text file is looked at. */
export const SOURCE_HEAD_LINES = 60;
const SOURCE_HEAD_BYTES = 16 * 1024;

/** A line that only a resolution's header or title has. */
const RESOLUTION_MARK = [/\b[A-Z]\/RES\/\d/, /\br[ée]solution\s+adopt[ée]e?\s+(?:by|par)\b/i, /^[#*\s]*\d{2,4}\/\d{1,4}\.\s+\S/];

export interface SelectedSources {
  /** Files to build, sorted by name. */
  inputs: string[];
  /** Files left out, each with the reason in words. */
  skipped: Array<{ file: string; reason: string }>;
}

function head(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(SOURCE_HEAD_BYTES);
    const read = readSync(fd, buffer, 0, SOURCE_HEAD_BYTES, 0);
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** True when one of the first lines of the text marks it as a resolution. */
export function looksLikeResolution(text: string): boolean {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(0, SOURCE_HEAD_LINES);
  return lines.some((line) => RESOLUTION_MARK.some((mark) => mark.test(line)));
}

export function selectSources(dir: string): SelectedSources {
  const selected: SelectedSources = { inputs: [], skipped: [] };
  if (!existsSync(dir)) return selected;
  for (const name of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (name.name.startsWith('.') || !name.isFile()) continue;
    const file = join(dir, name.name);
    const format = sourceFormat(name.name);
    if (/^README/i.test(name.name)) selected.skipped.push({ file, reason: 'a README, not a resolution' });
    else if (format === 'pdf' || format === 'docx') selected.inputs.push(file);
    else if (format !== 'text') selected.skipped.push({ file, reason: `not a resolution format (${Object.keys(SOURCE_EXTENSIONS).join(', ')})` });
    else if (looksLikeResolution(head(file))) selected.inputs.push(file);
    else {
      selected.skipped.push({
        file,
        reason: `no resolution symbol, adoption line or numbered title in its first ${SOURCE_HEAD_LINES} lines: not read as a resolution`,
      });
    }
  }
  return selected;
}

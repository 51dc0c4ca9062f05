import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Write every file or none: each goes to a temporary sibling first, and only when all are
 *  written are they renamed into place (rename is atomic within a file system). */
export function writeAtomically(files: ReadonlyMap<string, string>): void {
  const temps: Array<[string, string]> = [];
  try {
    for (const [path, content] of files) {
      mkdirSync(dirname(path), { recursive: true });
      const tmp = `${path}.tmp-${process.pid}`;
      writeFileSync(tmp, content);
      temps.push([tmp, path]);
    }
  } catch (e) {
    for (const [tmp] of temps) rmSync(tmp, { force: true });
    throw e;
  }
  for (const [tmp, path] of temps) renameSync(tmp, path);
}

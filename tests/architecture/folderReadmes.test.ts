/** Each folder of src/ says in its README.md what it owns and which other folders it may import
 *  ("May import: `graph`, `vocab`."); its code imports no other. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const SRC = join(__dirname, '..', '..', 'src');
const FOLDERS = readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory());

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The other folders of src/ a folder's files import (relative imports only). */
function importedFolders(folder: string): string[] {
  const found = new Set<string>();
  for (const file of sourceFiles(join(SRC, folder))) {
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/\bfrom '(\.{1,2}\/[^']*)'/g)) {
      const top = relative(SRC, resolve(dirname(file), spec)).split(sep)[0];
      if (top !== folder && FOLDERS.includes(top)) found.add(top);
    }
  }
  return [...found].sort();
}

function allowedFolders(folder: string): string[] {
  const readme = readFileSync(join(SRC, folder, 'README.md'), 'utf8');
  const line = /^May import: (.*)\.$/m.exec(readme)?.[1];
  if (line === undefined) throw new Error(`src/${folder}/README.md has no "May import:" line`);
  return line === 'no other folder' ? [] : [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1]).sort();
}

describe('the folders of src/', () => {
  it.each(FOLDERS)('src/%s has a README naming what it owns and may import', (folder) => {
    expect(existsSync(join(SRC, folder, 'README.md'))).toBe(true);
    const readme = readFileSync(join(SRC, folder, 'README.md'), 'utf8');
    expect(readme).toMatch(new RegExp(`^# src/${folder}: `));
    for (const other of allowedFolders(folder)) expect(FOLDERS).toContain(other);
  });

  it.each(FOLDERS)('src/%s imports only the folders its README allows', (folder) => {
    const allowed = allowedFolders(folder);
    expect(importedFolders(folder).filter((other) => !allowed.includes(other))).toEqual([]);
  });

  it('keeps the core (ingest, graph, vocab, validate) free of every protocol folder', () => {
    const protocols = ['http', 'sparql', 'graphql', 'linkeddata', 'queries', 'web', 'viz', 'observability'];
    for (const core of ['ingest', 'graph', 'vocab', 'validate']) expect(allowedFolders(core).filter((f) => protocols.includes(f))).toEqual([]);
  });
});

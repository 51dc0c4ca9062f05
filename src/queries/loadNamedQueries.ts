import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { NamedQuery } from './NamedQuery';
import { parseNamedQuery } from './parseNamedQuery';

/** Every `*.rq` of a folder, by name (the file name without `.rq`). */
export function loadNamedQueries(dir: string): NamedQuery[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.rq'))
    .sort()
    .map((f) => parseNamedQuery(readFileSync(join(dir, f), 'utf8'), basename(f, '.rq'), join(dir, f)));
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const RESULTS_DIR = join(__dirname, '..', 'results');

/** Writes a benchmark's figures as bench/results/<name>.json and a readable
 *  bench/results/<name>.md (a title, a paragraph on the method, then tables). */
export function writeResults(
  name: string,
  json: unknown,
  markdown: { title: string; method: string; tables: Array<{ caption: string; rows: Array<Record<string, string | number | boolean | null>> }> },
): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(json, null, 2)}\n`);
  const parts = [`# ${markdown.title}`, '', markdown.method, ''];
  for (const table of markdown.tables) {
    if (!table.rows.length) continue;
    const columns = Object.keys(table.rows[0]);
    parts.push(`## ${table.caption}`, '', `| ${columns.join(' | ')} |`, `| ${columns.map(() => '---').join(' | ')} |`);
    for (const row of table.rows) parts.push(`| ${columns.map((c) => String(row[c] ?? '')).join(' | ')} |`);
    parts.push('');
  }
  writeFileSync(join(RESULTS_DIR, `${name}.md`), `${parts.join('\n')}\n`);
  console.log(`written to bench/results/${name}.json and ${name}.md`);
}

import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JournalError } from '../../../src/graph';
import { Journal } from '../../../src/graph/embedded/journal/Journal';
import type { WriteOp } from '../../../src/graph/embedded/writeOps';

describe('Journal', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'unkg-journal-'));
    path = join(dir, 'nested', 'journal.jsonl');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const update: WriteOp = { op: 'update', sparql: 'INSERT DATA { <http://a> <http://b> "ü" }', baseIri: 'http://x/sparql' };
  const drop: WriteOp = { op: 'drop', graph: 'http://g' };

  it('gives back after reopening what was appended', async () => {
    const journal = await Journal.open(path);
    await journal.append(update);
    await journal.append(drop);
    await journal.close();
    const reopened = await Journal.open(path);
    expect(reopened.writes).toEqual([update, drop]);
    await reopened.close();
  });

  it('writes one JSON line per write, with its time', async () => {
    const journal = await Journal.open(path);
    await journal.append(drop);
    await journal.close();
    const [line] = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(JSON.parse(line)).toEqual({ v: 1, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), write: drop });
  });

  it('cuts off an incomplete last line, then appends after the last complete one', async () => {
    const journal = await Journal.open(path);
    await journal.append(update);
    await journal.close();
    appendFileSync(path, '{"v":1,"at":"2024-01-01T00:00:00Z","write":{"op":"dr');
    const warnings: string[] = [];
    const reopened = await Journal.open(path, { warn: (message) => warnings.push(message) });
    expect(reopened.writes).toEqual([update]);
    expect(warnings).toEqual([expect.stringContaining('incomplete last line')]);
    await reopened.append(drop);
    await reopened.close();
    const again = await Journal.open(path);
    expect(again.writes).toEqual([update, drop]);
    await again.close();
  });

  it('refuses a journal with an unreadable complete line', async () => {
    writeFileSync(path.replace('nested/', ''), 'not json\n');
    await expect(Journal.open(path.replace('nested/', ''))).rejects.toThrow(JournalError);
    await expect(Journal.open(path.replace('nested/', ''))).rejects.toThrow(/line 1/);
  });

  it('keeps writes in memory when it has no file', async () => {
    const journal = Journal.inMemory();
    await journal.append(update);
    expect(journal.writes).toEqual([update]);
    expect(journal.length).toBe(1);
  });
});

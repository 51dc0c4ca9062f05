import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  describe('compaction', () => {
    const snapshotContent = { quads: 3, emptyGraphs: ['http://empty'], sources: 'fingerprint' };
    const commit = async (journal: Journal, position: number) => {
      const target = journal.snapshotTarget()!;
      writeFileSync(target.path, '<http://a> <http://b> <http://c> .\n');
      await journal.commitSnapshot(target, position, snapshotContent);
      return target;
    };

    it('keeps only the writes after the snapshot, and names the snapshot new workers start from', async () => {
      const journal = await Journal.open(path);
      await journal.append(update);
      await journal.append(drop);
      const target = await commit(journal, 1);
      await journal.append(update);
      expect(journal.writes).toEqual([drop, update]);
      expect([journal.start, journal.length]).toEqual([1, 3]);
      expect(() => journal.since(0)).toThrow(JournalError);
      expect(journal.since(2)).toEqual([update]);
      await journal.close();
      const reopened = await Journal.open(path);
      expect(reopened.writes).toEqual([drop, update]);
      expect(reopened.snapshot).toEqual({ path: target.path, emptyGraphs: ['http://empty'], sources: 'fingerprint', quads: 3 });
      expect(readFileSync(path, 'utf8').split('\n')[0]).toBe(JSON.stringify({ v: 1, base: target.id }));
      await reopened.close();
    });

    it('finishes a compaction stopped after its snapshot was committed, before the journal was cut', async () => {
      const journal = await Journal.open(path);
      for (const write of [update, drop, update]) await journal.append(write);
      const before = readFileSync(path, 'utf8');
      await commit(journal, 2);
      await journal.close();
      writeFileSync(path, before); // as if stopped between the two renames
      const reopened = await Journal.open(path);
      expect(reopened.writes).toEqual([update]);
      await reopened.close();
      expect(readFileSync(path, 'utf8').trimEnd().split('\n')).toHaveLength(2);
    });

    it('ignores and removes a snapshot whose manifest was never committed', async () => {
      const journal = await Journal.open(path);
      await journal.append(update);
      const target = journal.snapshotTarget()!;
      writeFileSync(target.path, 'half written');
      await journal.close();
      const reopened = await Journal.open(path);
      expect(reopened.snapshot).toBeUndefined();
      expect(reopened.writes).toEqual([update]);
      expect(existsSync(target.path)).toBe(false);
      await reopened.close();
    });

    it('keeps a superseded snapshot until the worker reading it lets go', async () => {
      const journal = await Journal.open(path);
      await journal.append(update);
      const first = await commit(journal, 1);
      const lease = journal.leaseSnapshot();
      await journal.append(drop);
      await commit(journal, 2);
      expect(existsSync(first.path)).toBe(true);
      lease.release();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(existsSync(first.path)).toBe(false);
      await journal.close();
    });

    it('refuses a journal that continues a snapshot whose manifest is gone', async () => {
      const journal = await Journal.open(path);
      await journal.append(update);
      await commit(journal, 1);
      await journal.close();
      rmSync(`${path}.snapshot.json`);
      await expect(Journal.open(path)).rejects.toThrow(/whose manifest .* is missing/);
    });
  });
});

import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, truncate, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { JournalError } from '../../errors';
import type { WriteOp } from '../writeOps';

/** Format version of one journal line (and of the header line and the snapshot manifest). */
const JOURNAL_VERSION = 1;

interface JournalLine {
  v: number;
  /** When the write was accepted (ISO 8601). */
  at: string;
  write: WriteOp;
  /** Kept in memory only: a write whose data a file keeps (see remember). */
  memoryOnly?: true;
}

/** First line of a journal that continues a snapshot. */
interface JournalHeader {
  v: number;
  /** Id of the snapshot the entries apply to. */
  base: string;
}

/** The snapshot manifest (`<journal>.snapshot.json`): what the snapshot file holds and which
 *  journal entries it already includes. Renaming it into place is the commit point of a
 *  compaction. */
interface SnapshotManifest {
  v: number;
  id: string;
  /** Snapshot id (null: none) of the journal the snapshot was taken from... */
  previous: string | null;
  /** ...and how many of that journal's entries it includes. */
  entries: number;
  /** File name, next to the journal, of the N-Quads dump. */
  file: string;
  quads: number;
  /** Named graphs without a triple (N-Quads cannot carry them). */
  emptyGraphs: string[];
  /** What the sources looked like when the snapshot was taken (see OxigraphStore). */
  sources: string;
  at: string;
}

export interface JournalLogger {
  warn(message: string): void;
}

/** The state a new worker starts from: a snapshot (or nothing: the configured sources). */
export interface JournalSnapshot {
  path: string;
  emptyGraphs: string[];
  sources: string;
  quads: number;
}

/** Where a compaction writes its dump before committing it. */
export interface SnapshotTarget {
  id: string;
  path: string;
}

/** The append-only log of accepted writes: one JSON line each, flushed to disk (fsync)
 *  before the write is acknowledged, and replayed after the sources at start-up. Without a
 *  path it keeps the writes in memory only (they then last as long as the process).
 *
 *  Compaction: a dump of the whole dataset (the snapshot) replaces the sources and every
 *  entry it includes. It is committed by renaming its manifest into place; the journal is
 *  then rewritten with the entries that came after, under a header naming the snapshot. A
 *  stop at any point leaves either the old state or the new one: at start-up, a journal
 *  still headed by the previous snapshot skips the entries the manifest says it includes.
 *
 *  Positions count entries from the state this process opened with; `length` is the
 *  position after the last entry, whatever was compacted since. */
export class Journal {
  private file: FileHandle | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private records: JournalLine[];
  private base = 0;
  /** Snapshot files being read by loading workers, and how many read each. */
  private readonly leases = new Map<string, number>();
  /** Superseded snapshot files to remove once no worker reads them. */
  private readonly superseded = new Set<string>();

  private constructor(
    private readonly path: string | undefined,
    file: FileHandle | undefined,
    records: JournalLine[],
    private bytes: number,
    private manifest: SnapshotManifest | undefined,
  ) {
    this.file = file;
    this.records = records;
  }

  static inMemory(): Journal {
    return new Journal(undefined, undefined, [], 0, undefined);
  }

  /** Opens (creating if needed) the journal at `path` and reads the writes it holds. A last
   *  line without its newline is a write that was never acknowledged (the process stopped
   *  during the append): it is cut off. Any other unreadable line is an error. A compaction
   *  that stopped half way is finished here. */
  static async open(path: string, logger?: JournalLogger): Promise<Journal> {
    await mkdir(dirname(path), { recursive: true });
    const manifest = await Journal.readManifest(path);
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw new JournalError(`Cannot read the journal ${path}: ${error.message}`);
    });
    const complete = text.lastIndexOf('\n') + 1;
    if (complete < text.length) {
      logger?.warn(`Journal ${path}: dropping an incomplete last line (${text.length - complete} bytes), a write that was never acknowledged`);
      await truncate(path, Buffer.byteLength(text.slice(0, complete)));
    }
    const lines = text
      .slice(0, complete)
      .split('\n')
      .filter((line) => line.length > 0);
    const header = lines.length ? Journal.parseHeader(lines[0]) : undefined;
    let records = lines.slice(header ? 1 : 0).map((line, index) => Journal.parseLine(path, line, index + (header ? 2 : 1)));
    const base = header?.base ?? null;
    let rewrite = false;
    if (manifest) {
      if (base === manifest.previous && base !== manifest.id) {
        // Stopped after committing the snapshot, before rewriting the journal.
        if (records.length < manifest.entries) {
          throw new JournalError(`Journal ${path} holds ${records.length} entries but its snapshot ${manifest.id} includes ${manifest.entries}`);
        }
        records = records.slice(manifest.entries);
        rewrite = true;
      } else if (base !== manifest.id) {
        throw new JournalError(`Journal ${path} continues snapshot ${base ?? '(none)'}, but the snapshot manifest is ${manifest.id}`);
      }
    } else if (base !== null) {
      throw new JournalError(`Journal ${path} continues snapshot ${base}, whose manifest ${Journal.manifestPath(path)} is missing`);
    }
    const journal = new Journal(path, undefined, records, 0, manifest);
    if (rewrite) await journal.rewrite();
    else {
      journal.file = await open(path, 'a');
      journal.bytes = Buffer.byteLength(text.slice(0, complete));
    }
    await journal.removeStaleSnapshots();
    return journal;
  }

  private static manifestPath(path: string): string {
    return `${path}.snapshot.json`;
  }

  private static async readManifest(path: string): Promise<SnapshotManifest | undefined> {
    const text = await readFile(Journal.manifestPath(path), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw new JournalError(`Cannot read the snapshot manifest of ${path}: ${error.message}`);
    });
    if (text === undefined) return undefined;
    try {
      const manifest = JSON.parse(text) as SnapshotManifest;
      if (manifest.v !== JOURNAL_VERSION || typeof manifest.id !== 'string' || typeof manifest.file !== 'string') throw new Error('unknown format');
      return manifest;
    } catch (error) {
      throw new JournalError(`Snapshot manifest ${Journal.manifestPath(path)}: ${(error as Error).message}`);
    }
  }

  private static parseHeader(line: string): JournalHeader | undefined {
    try {
      const parsed = JSON.parse(line) as Partial<JournalHeader & JournalLine>;
      return parsed.write === undefined && typeof parsed.base === 'string' ? (parsed as JournalHeader) : undefined;
    } catch {
      return undefined;
    }
  }

  private static parseLine(path: string, line: string, number: number): JournalLine {
    try {
      const parsed = JSON.parse(line) as JournalLine;
      if (parsed.v !== JOURNAL_VERSION || typeof parsed.write?.op !== 'string') throw new Error(`unknown entry format`);
      return parsed;
    } catch (error) {
      throw new JournalError(`Journal ${path}, line ${number}: ${(error as Error).message}`);
    }
  }

  /** The snapshot new workers start from, if any. */
  get snapshot(): JournalSnapshot | undefined {
    const manifest = this.manifest;
    if (!manifest || !this.path) return undefined;
    return { path: join(dirname(this.path), manifest.file), emptyGraphs: manifest.emptyGraphs, sources: manifest.sources, quads: manifest.quads };
  }

  /** The current snapshot, kept on disk until `release` is called even if a compaction
   *  supersedes it meanwhile (a worker loading from it may not have opened it yet). */
  leaseSnapshot(): { snapshot: JournalSnapshot | undefined; release(): void } {
    const snapshot = this.snapshot;
    if (!snapshot) return { snapshot, release: () => undefined };
    this.leases.set(snapshot.path, (this.leases.get(snapshot.path) ?? 0) + 1);
    let released = false;
    return {
      snapshot,
      release: () => {
        if (released) return;
        released = true;
        const left = this.leases.get(snapshot.path)! - 1;
        if (left > 0) return void this.leases.set(snapshot.path, left);
        this.leases.delete(snapshot.path);
        if (this.superseded.delete(snapshot.path)) void unlink(snapshot.path).catch(() => undefined);
      },
    };
  }

  /** Accepted writes kept in the journal (those after the snapshot), oldest first. */
  get writes(): readonly WriteOp[] {
    return this.records.map((record) => record.write);
  }

  /** Position after the last accepted write. */
  get length(): number {
    return this.base + this.records.length;
  }

  /** Position of the first write not in the snapshot. */
  get start(): number {
    return this.base;
  }

  /** Entries and bytes of the journal file since the last snapshot. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.records.length, bytes: this.bytes };
  }

  /** The writes after `position`; JournalError when some of them were compacted away. */
  since(position: number): WriteOp[] {
    if (position < this.base) throw new JournalError(`The writes after position ${position} were compacted into a snapshot`);
    return this.records.slice(position - this.base).map((record) => record.write);
  }

  /** Appends one write and waits until it is on disk. */
  append(write: WriteOp): Promise<void> {
    return this.serial(async () => {
      const record: JournalLine = { v: JOURNAL_VERSION, at: new Date().toISOString(), write };
      if (this.path) {
        if (!this.file) throw new JournalError(`The journal ${this.path} is not open`);
        const line = JSON.stringify(record) + '\n';
        try {
          await this.file.appendFile(line, 'utf8');
          await this.file.datasync();
        } catch (error) {
          // Leave no partial line behind for the next append to follow.
          await this.file.truncate(this.bytes).catch(() => undefined);
          throw new JournalError(`The write could not be saved to the journal: ${(error as Error).message}`);
        }
        this.bytes += Buffer.byteLength(line);
      }
      this.records.push(record);
    });
  }

  /** Keeps one write in memory only, for workers that start later to replay (a write whose
   *  data a file keeps: see WriteOptions.source). It is never written to the journal file. */
  remember(write: WriteOp): void {
    this.records.push({ v: JOURNAL_VERSION, at: new Date().toISOString(), write, memoryOnly: true });
  }

  /** Where the next snapshot is to be written (undefined for an in-memory journal). */
  snapshotTarget(): SnapshotTarget | undefined {
    if (!this.path) return undefined;
    const id = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
    return { id, path: join(dirname(this.path), `${basename(this.path)}.snapshot-${id}.nq`) };
  }

  /** Commits a snapshot written (and flushed) at `target.path`, holding the state at journal
   *  `position`, then cuts the entries it includes from the journal. */
  commitSnapshot(target: SnapshotTarget, position: number, content: { quads: number; emptyGraphs: string[]; sources: string }): Promise<void> {
    return this.serial(async () => {
      if (!this.path) throw new JournalError('An in-memory journal keeps no snapshot');
      if (position < this.base || position > this.length)
        throw new JournalError(`Snapshot position ${position} is outside the journal (${this.base}..${this.length})`);
      const manifest: SnapshotManifest = {
        v: JOURNAL_VERSION,
        id: target.id,
        previous: this.manifest?.id ?? null,
        entries: position - this.base,
        file: basename(target.path),
        quads: content.quads,
        emptyGraphs: content.emptyGraphs,
        sources: content.sources,
        at: new Date().toISOString(),
      };
      await writeDurably(Journal.manifestPath(this.path), JSON.stringify(manifest) + '\n');
      const old = this.manifest;
      this.manifest = manifest;
      this.records = this.records.slice(position - this.base);
      this.base = position;
      await this.rewrite();
      if (old) {
        const oldPath = join(dirname(this.path), old.file);
        if (this.leases.has(oldPath)) this.superseded.add(oldPath);
        else await unlink(oldPath).catch(() => undefined);
      }
    });
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    await this.file?.close();
    this.file = undefined;
  }

  /** Replaces the journal file by the header of the current snapshot and the records kept. */
  private async rewrite(): Promise<void> {
    const path = this.path!;
    const header = this.manifest ? JSON.stringify({ v: JOURNAL_VERSION, base: this.manifest.id } satisfies JournalHeader) + '\n' : '';
    const text =
      header +
      this.records
        .filter((record) => !record.memoryOnly)
        .map((record) => JSON.stringify(record) + '\n')
        .join('');
    await this.file?.close();
    this.file = undefined;
    await writeDurably(path, text);
    this.file = await open(path, 'a');
    this.bytes = Buffer.byteLength(text);
  }

  /** Removes snapshot files no manifest names (left by a compaction that stopped). */
  private async removeStaleSnapshots(): Promise<void> {
    const path = this.path!;
    const prefix = `${basename(path)}.snapshot-`;
    const keep = this.manifest?.file;
    for (const name of await readdir(dirname(path))) {
      if ((name.startsWith(prefix) && name !== keep) || name === `${basename(Journal.manifestPath(path))}.tmp` || name === `${basename(path)}.tmp`) {
        await unlink(join(dirname(path), name)).catch(() => undefined);
      }
    }
  }

  /** Runs appends and compactions one at a time. */
  private serial<T>(run: () => Promise<T>): Promise<T> {
    const result = this.queue.then(run);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

/** Writes a file so that after a crash it holds either its old content or all the new:
 *  a temporary file, flushed, renamed over the target, and the folder flushed. */
async function writeDurably(path: string, text: string): Promise<void> {
  const temporary = `${path}.tmp`;
  const file = await open(temporary, 'w');
  try {
    await file.writeFile(text, 'utf8');
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temporary, path);
  const folder = await open(dirname(path), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

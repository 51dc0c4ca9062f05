import { mkdir, open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { JournalError } from '../../errors';
import type { WriteOp } from '../writeOps';

/** Format version of one journal line. */
const JOURNAL_VERSION = 1;

interface JournalLine {
  v: number;
  /** When the write was accepted (ISO 8601). */
  at: string;
  write: WriteOp;
}

export interface JournalLogger {
  warn(message: string): void;
}

/** The append-only log of accepted writes: one JSON line each, flushed to disk (fsync)
 *  before the write is acknowledged, and replayed after the sources at start-up. Without a
 *  path it keeps the writes in memory only (they then last as long as the process). */
export class Journal {
  private constructor(
    private readonly file: FileHandle | undefined,
    private readonly written: WriteOp[],
    private bytes: number,
  ) {}

  static inMemory(): Journal {
    return new Journal(undefined, [], 0);
  }

  /** Opens (creating if needed) the journal at `path` and reads the writes it holds. A last
   *  line without its newline is a write that was never acknowledged (the process stopped
   *  during the append): it is cut off. Any other unreadable line is an error. */
  static async open(path: string, logger?: JournalLogger): Promise<Journal> {
    await mkdir(dirname(path), { recursive: true });
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw new JournalError(`Cannot read the journal ${path}: ${error.message}`);
    });
    const complete = text.lastIndexOf('\n') + 1;
    if (complete < text.length) {
      logger?.warn(`Journal ${path}: dropping an incomplete last line (${text.length - complete} bytes), a write that was never acknowledged`);
      await truncate(path, Buffer.byteLength(text.slice(0, complete)));
    }
    const writes = text
      .slice(0, complete)
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line, index) => Journal.parseLine(path, line, index + 1));
    const file = await open(path, 'a');
    return new Journal(file, writes, Buffer.byteLength(text.slice(0, complete)));
  }

  private static parseLine(path: string, line: string, number: number): WriteOp {
    try {
      const parsed = JSON.parse(line) as JournalLine;
      if (parsed.v !== JOURNAL_VERSION || typeof parsed.write?.op !== 'string') throw new Error(`unknown entry format`);
      return parsed.write;
    } catch (error) {
      throw new JournalError(`Journal ${path}, line ${number}: ${(error as Error).message}`);
    }
  }

  /** Accepted writes, oldest first. */
  get writes(): readonly WriteOp[] {
    return this.written;
  }

  get length(): number {
    return this.written.length;
  }

  /** Appends one write and waits until it is on disk. */
  async append(write: WriteOp): Promise<void> {
    if (this.file) {
      const line = JSON.stringify({ v: JOURNAL_VERSION, at: new Date().toISOString(), write } satisfies JournalLine) + '\n';
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
    this.written.push(write);
  }

  /** Keeps one write in memory only, for workers that start later to replay (a write whose
   *  data a file keeps: see WriteOptions.source). */
  remember(write: WriteOp): void {
    this.written.push(write);
  }

  async close(): Promise<void> {
    await this.file?.close();
  }
}

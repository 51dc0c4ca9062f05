import type { Worker } from 'node:worker_threads';
import { QueryTimeoutError, StoreClosedError, StoreFailureError, fromWire } from '../errors';
import type { WorkerInit, WorkerReply, WorkerStatus, WorkerTask } from './worker/protocol';
import { spawnWorker } from './worker/spawnWorker';
import type { WriteOp } from './writeOps';

export interface StoreLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Attempts to start a replacement worker before the pool gives up on that slot. */
const MAX_RESTART_ATTEMPTS = 5;
const RESTART_BACKOFF_MS = 500;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer?: NodeJS.Timeout;
}

/** One worker thread and the requests it is answering. */
export class PoolWorker {
  /** How many journal entries this worker's store reflects. */
  applied: number;
  readonly ready: Promise<number>;
  /** True once the sources and journal are loaded. */
  loaded = false;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stopped = false;

  constructor(
    private readonly thread: Worker,
    applied: number,
    private readonly onStop: (worker: PoolWorker, reason: Error) => void,
  ) {
    this.applied = applied;
    this.ready = new Promise<number>((resolve, reject) => {
      const onStatus = (status: WorkerStatus) => {
        if (status.kind === 'ready') {
          this.loaded = true;
          resolve(status.quads);
        } else reject(fromWire(status.error));
        thread.off('message', onStatus);
        thread.on('message', (reply: WorkerReply) => this.settle(reply));
      };
      thread.on('message', onStatus);
      thread.once('exit', (code) => reject(new StoreFailureError(`A query worker exited during start-up (code ${code})`)));
    });
    this.ready.catch(() => undefined);
    thread.on('error', (error) => this.stop(new StoreFailureError(`A query worker failed: ${error.message}`)));
    thread.once('exit', (code) => this.stop(new StoreFailureError(`A query worker exited (code ${code})`)));
  }

  get alive(): boolean {
    return !this.stopped;
  }

  /** Runs one task; past `timeoutMs` the thread is terminated and the task fails with
   *  QueryTimeoutError (a synchronous oxigraph query cannot be interrupted any other way). */
  send(task: WorkerTask, timeoutMs?: number): Promise<unknown> {
    if (this.stopped) return Promise.reject(new StoreFailureError('The query worker has stopped'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const pending: Pending = { resolve, reject };
      if (timeoutMs !== undefined) {
        pending.timer = setTimeout(() => {
          this.pending.delete(id);
          const timeout = new QueryTimeoutError(timeoutMs);
          reject(timeout);
          this.stop(timeout);
          void this.thread.terminate();
        }, timeoutMs);
      }
      this.pending.set(id, pending);
      this.thread.postMessage({ ...task, id });
    });
  }

  terminate(): Promise<unknown> {
    this.stop(new StoreFailureError('The query worker was stopped (a write failed on it, or the store is closing)'));
    return this.thread.terminate();
  }

  private settle(reply: WorkerReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    clearTimeout(pending.timer);
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(fromWire(reply.error));
  }

  private stop(reason: Error): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(reason);
    }
    this.pending.clear();
    this.onStop(this, reason);
  }
}

interface Job {
  task: WorkerTask;
  timeoutMs?: number;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export interface WorkerPoolOptions {
  size: number;
  /** What a new worker loads: the sources plus the journal as it stands. */
  init: () => WorkerInit;
  /** The journal, for workers that must catch up on writes accepted while they loaded. */
  journal: () => readonly WriteOp[];
  logger?: StoreLogger;
}

/** A fixed number of oxigraph workers, each with its own copy of the dataset. Reads go to
 *  any free worker (FIFO queue otherwise). Writes take the pool exclusively: new reads wait,
 *  running reads finish, then the write runs against every worker. A worker that is stopped
 *  (timeout, crash) is replaced in the background, and joins the pool only after replaying
 *  any writes it missed while loading. */
export class WorkerPool {
  private readonly members: PoolWorker[] = [];
  private readonly idle: PoolWorker[] = [];
  private readonly starting = new Set<PoolWorker>();
  private readonly queue: Job[] = [];
  private busy = 0;
  private writersWaiting = 0;
  private lock: Promise<unknown> = Promise.resolve();
  private drainWaiters: Array<() => void> = [];
  private restartFailures = 0;
  private started = false;
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions) {}

  /** Starts every worker and resolves once all have loaded (rejects with the first failure). */
  async start(): Promise<number> {
    const workers = Array.from({ length: this.options.size }, () => this.spawn());
    try {
      const [quads] = await Promise.all(workers.map((worker) => worker.ready));
      await this.lock;
      this.started = true;
      return quads;
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  stats() {
    return { workers: this.members.length, starting: this.starting.size, busy: this.busy, queued: this.queue.length };
  }

  /** Runs a read-only task on the next free worker. */
  read(task: WorkerTask, timeoutMs?: number): Promise<unknown> {
    if (this.closed) return Promise.reject(new StoreClosedError());
    return new Promise((resolve, reject) => {
      this.queue.push({ task, timeoutMs, resolve, reject });
      this.pump();
      this.failIfNoWorkers();
    });
  }

  /** Runs `write` with the pool to itself, once no read is running. */
  async exclusive<T>(write: (workers: PoolWorker[]) => Promise<T>): Promise<T> {
    if (this.closed) throw new StoreClosedError();
    this.writersWaiting++;
    try {
      return await this.withLock(async () => {
        await this.drained();
        if (this.closed) throw new StoreClosedError();
        const workers = this.members.length ? [...this.members] : await this.admitFirstStarting();
        if (!workers.length) throw new StoreFailureError('No query worker is available');
        return write(workers);
      });
    } finally {
      this.writersWaiting--;
      this.pump();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new StoreClosedError());
    const all = [...this.members, ...this.starting];
    await Promise.all(all.map((worker) => worker.terminate()));
  }

  private spawn(): PoolWorker {
    const init = this.options.init();
    const thread = spawnWorker(init);
    const worker = new PoolWorker(thread, init.journal.length, (stopped, reason) => this.retire(stopped, reason));
    this.starting.add(worker);
    worker.ready.then(
      () =>
        this.withLock(() => this.admit(worker)).catch((error: Error) => {
          this.options.logger?.warn(`A query worker could not catch up with the journal: ${error.message}`);
          void worker.terminate();
        }),
      (error: Error) => this.startFailed(worker, error),
    );
    return worker;
  }

  /** Replays what the worker missed, then lets it serve. Runs under the lock. */
  private async admit(worker: PoolWorker): Promise<void> {
    if (!this.starting.has(worker) || !worker.alive) return;
    const missed = this.options.journal().slice(worker.applied);
    if (missed.length) {
      await worker.send({ kind: 'replay', writes: missed });
      worker.applied += missed.length;
    }
    this.starting.delete(worker);
    this.members.push(worker);
    this.idle.push(worker);
    this.restartFailures = 0;
    this.pump();
  }

  /** Used by a write that finds every worker reloading: waits for the first to load. */
  private async admitFirstStarting(): Promise<PoolWorker[]> {
    while (this.starting.size && !this.members.length) {
      const loaded = await Promise.any([...this.starting].map((worker) => worker.ready.then(() => worker))).catch(() => undefined);
      if (loaded) await this.admit(loaded).catch(() => undefined);
      else break;
    }
    return [...this.members];
  }

  private startFailed(worker: PoolWorker, error: Error): void {
    this.starting.delete(worker);
    void worker.terminate();
    if (!this.started || this.closed) return;
    this.restartFailures++;
    this.options.logger?.error(`A query worker failed to load: ${error.message}`);
    if (this.restartFailures < MAX_RESTART_ATTEMPTS) {
      setTimeout(() => this.closed || this.spawn(), RESTART_BACKOFF_MS * 2 ** this.restartFailures).unref();
    } else {
      this.options.logger?.error(`Giving up on a query worker after ${this.restartFailures} failed starts`);
    }
    this.failIfNoWorkers();
  }

  /** A worker stopped (timeout, crash, close): take it out and start a replacement. */
  private retire(worker: PoolWorker, reason: Error): void {
    const wasMember = this.members.includes(worker);
    remove(this.members, worker);
    remove(this.idle, worker);
    const wasLoading = this.starting.delete(worker);
    // A worker that never loaded is retried by startFailed.
    if (!this.closed && (wasMember || (wasLoading && worker.loaded))) {
      this.options.logger?.warn(`Replacing a query worker: ${reason.message}`);
      this.spawn();
    }
  }

  private pump(): void {
    while (!this.closed && this.writersWaiting === 0 && this.idle.length && this.queue.length) {
      const worker = this.idle.shift()!;
      const job = this.queue.shift()!;
      this.busy++;
      worker
        .send(job.task, job.timeoutMs)
        .then(job.resolve, job.reject)
        .finally(() => {
          this.busy--;
          if (worker.alive && this.members.includes(worker)) this.idle.push(worker);
          if (this.busy === 0) for (const wake of this.drainWaiters.splice(0)) wake();
          this.pump();
        });
    }
  }

  private drained(): Promise<void> {
    return this.busy === 0 ? Promise.resolve() : new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  private failIfNoWorkers(): void {
    if (this.members.length || this.starting.size) return;
    for (const job of this.queue.splice(0)) job.reject(new StoreFailureError('No query worker is available'));
  }

  private withLock<T>(run: () => Promise<T>): Promise<T> {
    const result = this.lock.then(run);
    this.lock = result.catch(() => undefined);
    return result;
  }
}

function remove<T>(list: T[], item: T): void {
  const index = list.indexOf(item);
  if (index >= 0) list.splice(index, 1);
}

import type { Worker } from 'node:worker_threads';
import { QueryCancelledError, QueryTimeoutError, StoreBusyError, StoreClosedError, StoreFailureError, fromWire } from '../errors';
import type { WorkerInit, WorkerReply, WorkerStatus, WorkerTask } from './worker/protocol';
import { spawnWorker } from './worker/spawnWorker';
import type { WriteOp } from './writeOps';
import { RESTART_BACKOFF_MS, DEFAULT_QUEUE_LIMIT, DEFAULT_CLIENT_QUERY_LIMIT, DEFAULT_SPARE_WORKERS, BUSY_RETRY_AFTER_S } from './limits';

export interface StoreLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Attempts to start a replacement worker before the pool gives up on that slot. */
const MAX_RESTART_ATTEMPTS = 5;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer?: NodeJS.Timeout;
}

/** One worker thread and the requests it is answering. */
export class PoolWorker {
  /** Journal position this worker's store reflects (entries applied since the journal's start). */
  applied: number;
  readonly ready: Promise<number>;
  /** True once the sources and journal are loaded. */
  loaded = false;
  /** Milliseconds from spawn to loaded. */
  loadMs?: number;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stopped = false;

  constructor(
    private readonly thread: Worker,
    applied: number,
    private readonly onStop: (worker: PoolWorker, reason: Error) => void,
  ) {
    this.applied = applied;
    const spawned = Date.now();
    this.ready = new Promise<number>((resolve, reject) => {
      const onStatus = (status: WorkerStatus) => {
        if (status.kind === 'ready') {
          this.loaded = true;
          this.loadMs = Date.now() - spawned;
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
          this.kill(timeout);
        }, timeoutMs);
      }
      this.pending.set(id, pending);
      this.thread.postMessage({ ...task, id });
    });
  }

  /** Stops the thread at once, whatever it is doing (a running query cannot be interrupted
   *  otherwise); pending tasks fail with `reason`. */
  kill(reason: Error): void {
    this.stop(reason);
    void this.thread.terminate();
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
    const error = reply.ok ? undefined : fromWire(reply.error);
    // A worker whose engine failed is out of the pool before its caller hears of it, so
    // no other task is ever handed to it.
    if (!reply.ok && reply.fatal) this.kill(error!);
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(error!);
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

/** How one read is admitted and bounded. */
export interface ReadOptions {
  /** The query's time limit (also reported in QueryTimeoutError). */
  timeoutMs: number;
  /** Epoch ms past which the read is abandoned, queued or running; default now + timeoutMs. */
  deadline?: number;
  /** Aborted when the caller has gone: dropped from the queue, or its worker stopped. */
  signal?: AbortSignal;
  /** Who asks, for the per-client limits. */
  clientId?: string;
  /** Called when the task is handed to a worker (no write can land until it ends). */
  onDispatch?: () => void;
}

interface Job {
  task: WorkerTask;
  options: ReadOptions;
  resolve(value: unknown): void;
  reject(error: Error): void;
  worker?: PoolWorker;
  timer?: NodeJS.Timeout;
  onAbort?: () => void;
  settled: boolean;
}

export interface WorkerPoolOptions {
  size: number;
  /** Loaded workers kept aside to replace a stopped one at once (default 1). */
  spares?: number;
  queueLimit?: number;
  /** Queries one client may have queued or running; it may also run on at most size - 1
   *  workers, so one worker is always left for the others. */
  clientQueryLimit?: number;
  /** What a new worker loads (the sources or the latest snapshot, plus the journal since),
   *  and the journal position that brings it to. */
  init: () => { init: WorkerInit; position: number; release?: () => void };
  /** The writes after a journal position, for workers that must catch up on writes
   *  accepted while they loaded; throws when that part was compacted away. */
  journalSince: (position: number) => readonly WriteOp[];
  logger?: StoreLogger;
}

export interface PoolCounters {
  timeouts: number;
  cancellations: number;
  refusals: number;
  replacements: number;
}

/** A fixed number of oxigraph workers, each with its own copy of the dataset, and spare
 *  workers kept loaded beside them. Reads go to any free worker, first come first served,
 *  except that one client never holds every worker. Writes take the pool exclusively: new
 *  reads wait, running reads finish, then the write runs against every worker and spare. A
 *  worker that is stopped (deadline, cancellation, crash) is replaced by a spare at once and a
 *  new spare loads in the background, joining only after replaying the writes it missed. */
export class WorkerPool {
  private readonly members: PoolWorker[] = [];
  private readonly spares: PoolWorker[] = [];
  private readonly idle: PoolWorker[] = [];
  private readonly starting = new Set<PoolWorker>();
  private readonly queue: Job[] = [];
  private readonly perClient = new Map<string, { admitted: number; running: number }>();
  private readonly counters: PoolCounters = { timeouts: 0, cancellations: 0, refusals: 0, replacements: 0 };
  private busy = 0;
  private writersWaiting = 0;
  private lock: Promise<unknown> = Promise.resolve();
  private drainWaiters: Array<() => void> = [];
  private restartFailures = 0;
  private everLoaded = false;
  private loadedWaiters: Array<{ resolve(): void; reject(error: Error): void }> = [];
  private closed = false;
  private readonly spareTarget: number;
  private readonly queueLimit: number;
  private readonly clientQueryLimit: number;

  constructor(private readonly options: WorkerPoolOptions) {
    this.spareTarget = options.spares ?? DEFAULT_SPARE_WORKERS;
    this.queueLimit = options.queueLimit ?? DEFAULT_QUEUE_LIMIT;
    this.clientQueryLimit = options.clientQueryLimit ?? DEFAULT_CLIENT_QUERY_LIMIT;
  }

  /** Starts the workers; resolves once the first has loaded (it answers queries from then
   *  on, the others join as they load) and rejects when the data cannot be loaded at all. */
  start(): Promise<void> {
    // One worker first, on its own: on few cores, loading several at once would delay the
    // first answer. The others start once it serves (see topUp).
    this.spawn();
    return this.firstLoaded();
  }

  /** Resolves once a worker holds the data. */
  firstLoaded(): Promise<void> {
    if (this.everLoaded) return Promise.resolve();
    if (this.closed) return Promise.reject(new StoreClosedError());
    return new Promise((resolve, reject) => this.loadedWaiters.push({ resolve, reject }));
  }

  /** Resolves once every member serves (not the spares). */
  async fullStrength(): Promise<void> {
    await this.firstLoaded();
    while (this.members.length < this.options.size) {
      if (this.closed) throw new StoreClosedError();
      if (!this.starting.size && this.restartFailures >= MAX_RESTART_ATTEMPTS) throw new StoreFailureError('Query workers keep failing to load');
      const next = [...this.starting].map((worker) => worker.ready);
      if (next.length) await Promise.any(next).catch(() => undefined);
      // Admission follows the load under the lock.
      await this.withLock(async () => undefined);
      if (!next.length) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  stats() {
    return {
      workers: this.members.length,
      spares: this.spares.length,
      starting: this.starting.size,
      busy: this.busy,
      queued: this.queue.length,
      queueLimit: this.queueLimit,
    };
  }

  counts(): Readonly<PoolCounters> {
    return { ...this.counters };
  }

  /** Load time of the members and spares, in ms (for benchmarks and logs). */
  loadTimes(): number[] {
    return [...this.members, ...this.spares].map((worker) => worker.loadMs ?? 0);
  }

  /** Runs a read-only task on the next free worker, or refuses it (StoreBusyError) when the
   *  queue or the client's share is full. */
  read(task: WorkerTask, options: ReadOptions): Promise<unknown> {
    if (this.closed) return Promise.reject(new StoreClosedError());
    if (options.signal?.aborted) {
      this.counters.cancellations++;
      return Promise.reject(new QueryCancelledError());
    }
    const deadline = Math.min(options.deadline ?? Number.POSITIVE_INFINITY, Date.now() + options.timeoutMs);
    if (deadline <= Date.now()) {
      this.counters.timeouts++;
      return Promise.reject(new QueryTimeoutError(options.timeoutMs));
    }
    if (this.queue.length >= this.queueLimit) {
      this.counters.refusals++;
      return Promise.reject(new StoreBusyError(`The service is busy: ${this.queue.length} queries are waiting; try again shortly`, BUSY_RETRY_AFTER_S));
    }
    const client = options.clientId === undefined ? undefined : this.clientLoad(options.clientId);
    if (client && client.admitted >= this.clientQueryLimit) {
      this.counters.refusals++;
      return Promise.reject(
        new StoreBusyError(
          `This client already has ${client.admitted} queries queued or running, the most this service takes from one client; try again when they are answered`,
          BUSY_RETRY_AFTER_S,
        ),
      );
    }
    return new Promise((resolve, reject) => {
      const job: Job = { task, options, resolve, reject, settled: false };
      if (client) client.admitted++;
      job.timer = setTimeout(() => this.abandon(job, new QueryTimeoutError(options.timeoutMs), 'timeouts'), deadline - Date.now());
      if (options.signal) {
        job.onAbort = () => this.abandon(job, new QueryCancelledError(), 'cancellations');
        options.signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.queue.push(job);
      this.pump();
      this.failIfNoWorkers();
    });
  }

  /** Runs `write` with the pool to itself, once no read is running. It gets the workers
   *  serving reads, and the spares (which answer no read, so need not be waited for: a
   *  worker runs its tasks in order, and a promoted spare answers reads only after the
   *  writes sent to it before). */
  async exclusive<T>(write: (workers: PoolWorker[], spares: PoolWorker[]) => Promise<T>): Promise<T> {
    if (this.closed) throw new StoreClosedError();
    this.writersWaiting++;
    try {
      return await this.withLock(async () => {
        await this.drained();
        if (this.closed) throw new StoreClosedError();
        const workers = this.members.length ? [...this.members] : await this.admitFirstStarting();
        if (!workers.length) throw new StoreFailureError('No query worker is available');
        return write(workers, [...this.spares]);
      });
    } finally {
      this.writersWaiting--;
      this.pump();
    }
  }

  /** Hands a spare to `run` while no write is in progress (so the spare holds every
   *  acknowledged write, and any later one queues behind what `run` sends it); without a
   *  spare, runs `otherwise`. Only the hand-over holds the write lock, not `run`'s task. */
  async onSpare<T>(run: (spare: PoolWorker) => Promise<T>, otherwise: () => Promise<T>): Promise<T> {
    const sent = await this.withLock(async () => {
      const spare = this.spares[0];
      return spare ? { result: run(spare) } : undefined;
    });
    return sent ? sent.result : otherwise();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) this.finish(job, new StoreClosedError());
    for (const waiter of this.loadedWaiters.splice(0)) waiter.reject(new StoreClosedError());
    const all = [...this.members, ...this.spares, ...this.starting];
    await Promise.all(all.map((worker) => worker.terminate()));
  }

  private clientLoad(clientId: string) {
    let load = this.perClient.get(clientId);
    if (!load) this.perClient.set(clientId, (load = { admitted: 0, running: 0 }));
    return load;
  }

  /** Ends a job early: dropped from the queue, or its worker stopped (the only way to end a
   *  running engine call); the worker is then replaced. */
  private abandon(job: Job, reason: Error, counter: 'timeouts' | 'cancellations'): void {
    if (job.settled) return;
    this.counters[counter]++;
    const queued = this.queue.indexOf(job);
    if (queued >= 0) this.queue.splice(queued, 1);
    this.finish(job, reason);
    job.worker?.kill(reason);
  }

  /** Settles a job once and releases what it held. */
  private finish(job: Job, error: Error | undefined, value?: unknown): void {
    if (job.settled) return;
    job.settled = true;
    clearTimeout(job.timer);
    if (job.onAbort) job.options.signal?.removeEventListener('abort', job.onAbort);
    const clientId = job.options.clientId;
    if (clientId !== undefined) {
      const load = this.perClient.get(clientId)!;
      load.admitted--;
      if (job.worker) load.running--;
      if (load.admitted === 0) this.perClient.delete(clientId);
    }
    if (error) job.reject(error);
    else job.resolve(value);
  }

  private spawn(): PoolWorker {
    const { init, position, release } = this.options.init();
    const thread = spawnWorker(init);
    const worker = new PoolWorker(thread, position, (stopped, reason) => this.retire(stopped, reason));
    this.starting.add(worker);
    if (release) worker.ready.then(release, release);
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

  /** Replays what the worker missed, then lets it serve (or keeps it as a spare). Runs
   *  under the lock. */
  private async admit(worker: PoolWorker): Promise<void> {
    if (!this.starting.has(worker) || !worker.alive) return;
    const missed = this.options.journalSince(worker.applied);
    if (missed.length) {
      await worker.send({ kind: 'replay', writes: [...missed] });
      worker.applied += missed.length;
    }
    this.starting.delete(worker);
    this.restartFailures = 0;
    if (this.members.length < this.options.size) {
      this.members.push(worker);
      this.idle.push(worker);
    } else if (this.spares.length < this.spareTarget) {
      this.spares.push(worker);
    } else {
      void worker.terminate();
      return;
    }
    if (!this.everLoaded) {
      this.everLoaded = true;
      for (const waiter of this.loadedWaiters.splice(0)) waiter.resolve();
    }
    this.topUp();
    this.pump();
  }

  /** Starts the workers the pool lacks: the missing members first, the spares once every
   *  member serves (so that a spare never delays a member's load). */
  private topUp(): void {
    if (this.closed || !this.everLoaded) return;
    const members = this.options.size - this.members.length;
    const missing = members > 0 ? members - this.starting.size : this.spareTarget - this.spares.length - this.starting.size;
    for (let i = 0; i < missing; i++) this.spawn();
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
    if (this.closed) return;
    if (!this.everLoaded) {
      // The data itself cannot be loaded: no point in retrying.
      for (const waiter of this.loadedWaiters.splice(0)) waiter.reject(error);
      this.failIfNoWorkers(error);
      return;
    }
    this.restartFailures++;
    this.options.logger?.error(`A query worker failed to load: ${error.message}`);
    if (this.restartFailures < MAX_RESTART_ATTEMPTS) {
      setTimeout(() => this.topUp(), RESTART_BACKOFF_MS * 2 ** this.restartFailures).unref();
    } else {
      this.options.logger?.error(`Giving up on a query worker after ${this.restartFailures} failed starts`);
    }
    this.failIfNoWorkers();
  }

  /** A worker stopped (deadline, cancellation, crash, close): take it out, promote a spare
   *  in its place and load a new one. */
  private retire(worker: PoolWorker, reason: Error): void {
    const wasMember = this.members.includes(worker);
    const wasSpare = this.spares.includes(worker);
    remove(this.members, worker);
    remove(this.spares, worker);
    remove(this.idle, worker);
    const wasLoading = this.starting.delete(worker);
    // A worker that never loaded is retried by startFailed.
    if (this.closed || !(wasMember || wasSpare || (wasLoading && worker.loaded))) return;
    this.counters.replacements++;
    if (wasMember && this.spares.length) {
      const spare = this.spares.shift()!;
      this.members.push(spare);
      this.idle.push(spare);
      this.options.logger?.warn(`Replaced a query worker by a loaded spare: ${reason.message}`);
    } else {
      this.options.logger?.warn(`Replacing a query worker: ${reason.message}`);
    }
    this.topUp();
    this.pump();
  }

  /** The first queued job that may run now: a client never holds every worker. */
  private nextJob(): Job | undefined {
    const share = Math.max(1, this.members.length - 1);
    const index = this.queue.findIndex((job) => job.options.clientId === undefined || this.perClient.get(job.options.clientId)!.running < share);
    return index < 0 ? undefined : this.queue.splice(index, 1)[0];
  }

  private pump(): void {
    while (!this.closed && this.writersWaiting === 0 && this.idle.length && this.queue.length) {
      const job = this.nextJob();
      if (!job) return;
      const worker = this.idle.shift()!;
      job.worker = worker;
      if (job.options.clientId !== undefined) this.perClient.get(job.options.clientId)!.running++;
      this.busy++;
      job.options.onDispatch?.();
      worker
        .send(job.task)
        .then(
          (value) => this.finish(job, undefined, value),
          (error: Error) => this.finish(job, error),
        )
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

  private failIfNoWorkers(cause?: Error): void {
    if (this.members.length || this.starting.size) return;
    for (const job of this.queue.splice(0)) this.finish(job, cause ?? new StoreFailureError('No query worker is available'));
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

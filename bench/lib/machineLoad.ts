import { cpus, loadavg } from 'node:os';

/** How much the machine's one-minute load average may move during a measurement before the
 *  ratios taken in it stop meaning anything: half a core's worth of other work arriving or
 *  leaving, on this machine's core count. (The benchmark's own work moves it too, by the same
 *  amount in every run of one comparison, so a compared pair is judged by the change, not the
 *  level.) */
export const LOAD_CHANGE_LIMIT = Math.max(0.5, cpus().length * 0.5);

export interface LoadWindow {
  /** One-minute load average when the measurement began and when it ended. */
  before: number;
  after: number;
  /** True when it moved more than LOAD_CHANGE_LIMIT: ratios from this window are not reported. */
  changed: boolean;
}

const now = (): number => Number(loadavg()[0].toFixed(2));

/** Runs `measure`, printing the load average before and after it. */
export async function underLoadWatch<T>(label: string, measure: () => Promise<T> | T): Promise<{ value: T; load: LoadWindow }> {
  const before = now();
  const value = await measure();
  const after = now();
  const changed = Math.abs(after - before) > LOAD_CHANGE_LIMIT;
  console.log(`  ${label}: load average ${before} → ${after}${changed ? ` (moved more than ${LOAD_CHANGE_LIMIT}: not reported)` : ''}`);
  return { value, load: { before, after, changed } };
}

/** True when other work already asks for more than the machine's cores: ratios measured then
 *  are reported, but flagged, since the share of CPU each side gets is down to the scheduler. */
export const oversubscribed = (load: number): boolean => load > cpus().length;

/** `min–max` of a set of ratios, to show how much they moved from round to round. */
export const range = (values: number[]): string => (values.length ? `${Math.min(...values)}–${Math.max(...values)}` : '');

export const machine = () => ({ cores: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', loadAverage: loadavg().map((l) => Number(l.toFixed(2))) });

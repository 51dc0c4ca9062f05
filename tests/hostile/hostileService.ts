/** Starts the service in a child process (tests/hostile/hostileServer.ts) over fixture data in
 *  a temporary folder, and reads its figures from its own /metrics: the memory and event-loop
 *  delay measured are the server's, not the test runner's. */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SPARQL_FIXTURES, testConfig } from '../helpers';

export const LOADTEST = process.env.LOADTEST === '1';

export interface HostileService {
  /** Root URL, ending in '/'. */
  url: string;
  /** One series of the server's /metrics (first sample whose name and labels match). */
  metric(series: string): Promise<number>;
  /** The server's event-loop delay (perf_hooks monitorEventLoopDelay) since the last call. */
  eventLoopDelay(): Promise<{ maxMs: number; p99Ms: number; meanMs: number }>;
  stop(): Promise<void>;
}

/** N-Quads of `count` items in 200 groups, in one named graph: enough data for a
 *  cross-product query to be expensive. */
function bulkQuads(count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    lines.push(
      `<http://example.org/item/${i}> <http://example.org/value> "${i}"^^<http://www.w3.org/2001/XMLSchema#integer> <http://example.org/graph/bulk> .`,
    );
    lines.push(`<http://example.org/item/${i}> <http://example.org/group> <http://example.org/group/${i % 200}> <http://example.org/graph/bulk> .`);
  }
  return lines.join('\n') + '\n';
}

export async function startHostileService(env: Record<string, string> = {}, items = 20_000): Promise<HostileService> {
  const dir = mkdtempSync(join(tmpdir(), 'unkg-hostile-'));
  const graphDir = join(dir, 'graph');
  mkdirSync(graphDir);
  copyFileSync(join(SPARQL_FIXTURES, 'graph', 'E-RES-2017-18.nq'), join(graphDir, 'E-RES-2017-18.nq'));
  writeFileSync(join(graphDir, 'bulk.nq'), bulkQuads(items));
  // Validated here, as the server will validate it.
  const settings = {
    UNKG_LOG_LEVEL: 'warn',
    UNKG_JOURNAL: 'none',
    UNKG_PORT: '0',
    UNKG_GRAPH_DIR: graphDir,
    UNKG_ONTOLOGY_DIR: join(SPARQL_FIXTURES, 'ontology'),
    UNKG_REFERENCE_DIR: join(SPARQL_FIXTURES, 'reference'),
    UNKG_WORKERS: '2',
    // Every client of this suite comes from one address: the per-address request rate limit
    // would refuse the load itself (it is tested with distinct addresses in tests/hostile/store).
    UNKG_RATE_LIMIT: '0',
    ...env,
  };
  testConfig(settings);
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'hostileServer.ts')], {
    env: { ...process.env, ...settings },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const reports: Array<(report: { maxMs: number; p99Ms: number; meanMs: number }) => void> = [];
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 60 s: ${stderr}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${stderr}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const message = JSON.parse(line) as { url?: string; eventLoopDelay?: { maxMs: number; p99Ms: number; meanMs: number } };
        if (message.eventLoopDelay) reports.shift()?.(message.eventLoopDelay);
        if (message.url) {
          clearTimeout(timer);
          resolve(message.url);
        }
      } catch {
        // Log lines are not the announcement.
      }
    });
  });
  return {
    url,
    async metric(series) {
      const text = await (await fetch(`${url}metrics`, { signal: AbortSignal.timeout(10_000) })).text();
      const line = text.split('\n').find((l) => l.startsWith(`${series} `));
      if (line === undefined) throw new Error(`no series ${series} in /metrics`);
      return Number(line.slice(series.length + 1));
    },
    eventLoopDelay() {
      return new Promise((resolve) => {
        reports.push(resolve);
        child.kill('SIGUSR2');
      });
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The q-th quantile (0..1) of a list of numbers. */
export function quantile(values: number[], q: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

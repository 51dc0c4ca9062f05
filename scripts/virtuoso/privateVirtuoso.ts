/** A private Virtuoso for tests, benchmarks and the local topology: started by start.sh in
 *  its own temporary folder (database, ports, passwords), stopped by stop() or, if this
 *  process dies first, by start.sh's watchdog. */
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const START_SCRIPT = join(__dirname, 'start.sh');

export interface PrivateVirtuoso {
  /** The UNKG_* variables of a service using it (digest authentication, writer account). */
  env: Record<string, string>;
  /** Virtuoso's own anonymous endpoint (for comparisons). */
  publicQueryUrl: string;
  pid: number;
  dir: string;
  /** Runs SQL statements through isql as dba. */
  isql(...statements: string[]): Promise<string>;
  stop(): Promise<void>;
}

export interface VirtuosoSettings {
  /** ResultSetMaxRows (Virtuoso's default 10000). */
  maxRows?: number;
  /** NumberOfBuffers (8 KiB pages). */
  buffers?: number;
  /** Keep the folder when stopped (default: removed). */
  keep?: boolean;
  dir?: string;
}

export async function startVirtuoso(settings: VirtuosoSettings = {}): Promise<PrivateVirtuoso> {
  const { stdout } = await run('bash', [START_SCRIPT, ...(settings.dir ? [settings.dir] : [])], {
    env: {
      ...process.env,
      VIRTUOSO_OWNER_PID: String(process.pid),
      ...(settings.maxRows ? { VIRTUOSO_MAX_ROWS: String(settings.maxRows) } : {}),
      VIRTUOSO_BUFFERS: String(settings.buffers ?? 20_000),
    },
    timeout: 90_000,
  });
  const envFile = stdout.trim().split('\n').pop()!;
  const values = Object.fromEntries(
    readFileSync(envFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  const pid = Number(values.VIRTUOSO_PID);
  const dir = values.VIRTUOSO_DIR;
  const env = Object.fromEntries(Object.entries(values).filter(([k]) => k.startsWith('UNKG_')));
  return {
    env,
    publicQueryUrl: values.VIRTUOSO_PUBLIC_QUERY_URL,
    pid,
    dir,
    async isql(...statements) {
      const password = readFileSync(values.VIRTUOSO_DBA_PASSWORD_FILE, 'utf8');
      const { stdout: out } = await run('isql-vt', [`127.0.0.1:${values.VIRTUOSO_SQL_PORT}`, 'dba', password, ...statements.map((s) => `EXEC=${s}`)], {
        timeout: 120_000,
      });
      return out;
    },
    async stop() {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const until = Date.now() + 10_000;
      while (Date.now() < until && running(pid)) await new Promise((resolve) => setTimeout(resolve, 50));
      if (!settings.keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** True while the process exists and is not a zombie (an ended process whose parent has not
 *  collected it still answers signal 0). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX] /.test(stat);
  } catch {
    return false;
  }
}

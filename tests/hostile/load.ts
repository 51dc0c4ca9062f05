/** A small closed-loop load generator: `connections` clients, each sending its next request as
 *  soon as the last one was answered, for `durationMs`. Records every answer's status and
 *  latency; a request not answered within `timeoutMs` counts as a hang. */
import { Agent, request as httpRequest } from 'node:http';

export interface RequestSpec {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface Outcome {
  status: number | 'hang' | string;
  ms: number;
  path: string;
}

/** One request; resolves with its status (or the network error's code) and latency. */
export function send(root: string, spec: RequestSpec, agent?: Agent, timeoutMs = 10_000): Promise<Outcome> {
  const started = performance.now();
  const url = new URL(spec.path.replace(/^\//, ''), root);
  return new Promise((resolve) => {
    const done = (status: Outcome['status']) => resolve({ status, ms: performance.now() - started, path: spec.path });
    const req = httpRequest(url, { method: spec.method ?? 'GET', headers: spec.headers, agent }, (res) => {
      res.on('data', () => {});
      res.on('end', () => done(res.statusCode ?? 0));
      res.on('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
    });
    req.setTimeout(timeoutMs, () => {
      req.destroy();
      done('hang');
    });
    req.on('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
    req.end(spec.body);
  });
}

export async function load(
  root: string,
  options: { connections: number; durationMs: number; next: (n: number) => RequestSpec; timeoutMs?: number },
): Promise<Outcome[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const outcomes: Outcome[] = [];
  const end = Date.now() + options.durationMs;
  let n = 0;
  const client = async () => {
    while (Date.now() < end) outcomes.push(await send(root, options.next(n++), agent, options.timeoutMs));
  };
  await Promise.all(Array.from({ length: options.connections }, client));
  agent.destroy();
  return outcomes;
}

/** Counts of each status. */
export function statusCounts(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { status } of outcomes) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

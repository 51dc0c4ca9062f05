import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { SPARQL_FIXTURES } from './helpers';

/** The service's log as a person at a terminal sees it, and as a log collector reads it. */

const ROOT = join(__dirname, '..');
const SERVER = `${process.execPath} ${join(ROOT, 'node_modules/tsx/dist/cli.mjs')} ${join(ROOT, 'src/server.ts')}`;
const ENV = {
  ...process.env,
  UNKG_PORT: '0',
  UNKG_WORKERS: '1',
  UNKG_JOURNAL: 'none',
  UNKG_LOG_LEVEL: 'info',
  UNKG_GRAPH_DIR: join(SPARQL_FIXTURES, 'graph'),
  UNKG_ONTOLOGY_DIR: join(SPARQL_FIXTURES, 'ontology'),
  UNKG_REFERENCE_DIR: join(SPARQL_FIXTURES, 'reference'),
};
const READY = /SPARQL endpoint at/;

/** Runs the server until it says it is ready; resolves with what it wrote. `tty`: under a
 *  pseudo-terminal (util-linux `script`), as when started by hand. */
function firstLines(tty: boolean): Promise<string> {
  const child = tty
    ? spawn('script', ['-qfec', SERVER, '/dev/null'], { env: { ...ENV, NO_COLOR: '1' }, detached: true })
    : spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/server.ts')], { env: ENV, detached: true });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => finish(new Error(`no ready line in 60 s:\n${out}`)), 60_000);
    const finish = (error?: Error) => {
      clearTimeout(timer);
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // Already gone.
      }
      if (error) reject(error);
      else resolve(out);
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (READY.test(out)) finish();
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', () => READY.test(out) || finish(new Error(`the server exited:\n${out}`)));
  });
}

describe('the log of the running service', () => {
  it('is one JSON object a line when standard output is not a terminal', async () => {
    const lines = (await firstLines(false)).split('\n').filter((l) => l.trim());
    const ready = lines.map((l) => JSON.parse(l) as { level: number; msg: string }).find((l) => READY.test(l.msg));
    expect(ready).toMatchObject({ level: 30, msg: expect.stringMatching(/^SPARQL endpoint at http:\/\/127\.0\.0\.1:\d+\/sparql/) });
  });

  it('is lines for a person on a terminal: time, level and message, no JSON', async () => {
    const out = await firstLines(true);
    const ready = out.split(/\r?\n/).find((l) => READY.test(l))!;
    expect(ready).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO.*: SPARQL endpoint at http:\/\/127\.0\.0\.1:\d+\/sparql/);
    expect(ready).not.toContain('{"level"');
  });
});

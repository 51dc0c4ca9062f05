/** The service as `npm start` runs it (startServer from src/server.ts), in its own process, for
 *  the hostile-client suites: configured by the environment, it prints its URL as one JSON line,
 *  reports its event-loop delay on SIGUSR2, and stops on SIGTERM, when its parent goes away, or
 *  after UNKG_TEST_LIFETIME_MS. */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '../../src/config';
import { startServer } from '../../src/server';

async function main(): Promise<void> {
  const server = await startServer(loadConfig(process.env));
  process.stdout.write(`${JSON.stringify({ url: server.url, pid: process.pid })}\n`);
  // SIGUSR2: report the event-loop delay since the last report (perf_hooks), as one JSON line.
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  process.on('SIGUSR2', () => {
    const ms = (ns: number) => Math.round(ns / 1e5) / 10;
    process.stdout.write(`${JSON.stringify({ eventLoopDelay: { maxMs: ms(delay.max), p99Ms: ms(delay.percentile(99)), meanMs: ms(delay.mean) } })}\n`);
    delay.reset();
  });
  const stop = () => server.close().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  const parent = process.ppid;
  const watch = setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch {
      void stop();
    }
  }, 1000);
  watch.unref();
  setTimeout(stop, Number(process.env.UNKG_TEST_LIFETIME_MS ?? 600_000)).unref();
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});

/** The service as `npm start` runs it (startServer from src/server.ts), in its own process, for
 *  the hostile-client suites: configured by the environment, it prints its URL as one JSON line
 *  and stops on SIGTERM, when its parent goes away, or after UNKG_TEST_LIFETIME_MS. */
import { loadConfig } from '../../src/config';
import { startServer } from '../../src/server';

async function main(): Promise<void> {
  const server = await startServer(loadConfig(process.env));
  process.stdout.write(`${JSON.stringify({ url: server.url, pid: process.pid })}\n`);
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

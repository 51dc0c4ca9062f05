/** A process that writes to a journaled store as fast as it can, compacting every few
 *  writes, and prints the number of each write once it is acknowledged. The crash test
 *  kills it with SIGKILL at random moments. Arguments: journal path, compaction threshold,
 *  first number to write. */
import { createStore } from '../../../../src/graph';

const EX = 'http://example.org/';

async function main(): Promise<void> {
  const [journalPath, compactEntries, first] = process.argv.slice(2);
  const store = await createStore({
    sources: [{ data: `<${EX}s> <${EX}p> "seed" .\n`, format: 'application/n-triples' }],
    workers: 1,
    spareWorkers: 1,
    journalPath,
    compactEntries: Number(compactEntries),
  });
  process.stdout.write('ready\n');
  for (let i = Number(first); ; i++) {
    // Every seventh write creates an empty named graph, which a snapshot must keep too.
    if (i % 7 === 0) await store.update(`CREATE GRAPH <${EX}empty/${i}>`);
    else await store.update(`INSERT DATA { <${EX}s> <${EX}n> ${i} }`);
    process.stdout.write(`${i}\n`);
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});

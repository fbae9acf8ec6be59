/**
 * The child server of the crash test: a durable server on the given data directory with tiny WAL segments
 * and frequent snapshots, so that kills land in every phase (commit, rotation, snapshot, retirement).
 * Prints the ready line like `quiver serve`. Usage: node crash-server-main.js <dataDir>
 */
import { silentLogger, startServer } from '../../src/server/index.js';

const dataDir = process.argv[2];
if (dataDir === undefined) {
  console.error('usage: crash-server-main <dataDir>');
  process.exit(2);
}
const server = await startServer({
  host: '127.0.0.1',
  port: 0,
  dataDir,
  durability: { walSegmentBytes: 16 * 1024, snapshotAfterWalBytes: 48 * 1024 },
  logger: silentLogger,
});
console.log(`Bolt ready on ${server.url}`);

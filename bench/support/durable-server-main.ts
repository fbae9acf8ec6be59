/**
 * A server in its own process for the durable-write benchmark (so server and driver use different cores).
 * Usage: node durable-server-main.js <dataDir|-> <commit|relaxed>  ('-': in memory). Prints the ready line.
 */
import { silentLogger, startServer } from '../../src/server/index.js';

const [dataDir = '-', policy = 'commit'] = process.argv.slice(2);
const server = await startServer({
  host: '127.0.0.1',
  port: 0,
  ...(dataDir === '-'
    ? { inMemory: true }
    : { dataDir, durability: { syncPolicy: policy === 'relaxed' ? 'relaxed' : 'commit' } }),
  logger: silentLogger,
});
console.log(`Bolt ready on ${server.url}`);
process.once('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseServeCommand, parseSize, toServeOptions } from './serve-options.js';

describe('The transaction memory settings of quiver serve', () => {
  it('read sizes with binary units, as Neo4j settings do', () => {
    assert.equal(parseSize('1048576'), 1048576);
    assert.equal(parseSize('512m'), 512 * 1024 ** 2);
    assert.equal(parseSize('2g'), 2 * 1024 ** 3);
    assert.equal(parseSize('64 KiB'), 64 * 1024);
    assert.equal(parseSize('1.5GB'), 1.5 * 1024 ** 3);
    assert.ok(Number.isNaN(parseSize('lots')));
  });

  it('are off by default', () => {
    const { server } = toServeOptions(parseServeCommand([], {}));
    assert.equal(server.transactionMemoryMax, undefined);
    assert.equal(server.memoryPool, undefined);
  });

  it('reach the server options from a flag and the environment', () => {
    const command = parseServeCommand(['--transaction-memory-max', '256m'], {
      QUIVER_TRANSACTION_MEMORY_TOTAL_MAX: '2g',
    });
    const { server } = toServeOptions(command);
    assert.equal(server.transactionMemoryMax, 256 * 1024 ** 2);
    assert.equal(server.memoryPool?.limit, 2 * 1024 ** 3);
  });

  it('refuse a size that is not one', () => {
    assert.throws(
      () => parseServeCommand(['--transaction-memory-max', 'much'], {}),
      /Invalid --transaction-memory-max: "much"/,
    );
  });
});

// The pino-backed server log: JSON lines with the expected fields, levels, the query log channel, the
// human format for terminals.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createServerLog } from '../../src/server/index.js';
import { formatPrettyLine } from '../../src/server/observability/pretty-format.js';

/** A destination collecting the lines pino writes. */
function collector(): { write(line: string): void; lines: string[]; entries(): Record<string, unknown>[] } {
  const lines: string[] = [];
  return {
    lines,
    write: (line) => {
      lines.push(line);
    },
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('The server log', () => {
  test('writes one JSON line per message with level name, ISO time, pid, hostname and message', async () => {
    const sink = collector();
    const logger = createServerLog({ level: 'info', format: 'json', stream: sink });
    logger.info('Bolt listening on 127.0.0.1:7687');
    logger.warn('Connection limit reached');
    await logger.flush();
    assert.equal(sink.lines.length, 2);
    assert.ok(sink.lines.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n')));
    const [info, warn] = sink.entries();
    assert.ok(info !== undefined && warn !== undefined);
    assert.equal(info['level'], 'info');
    assert.equal(info['msg'], 'Bolt listening on 127.0.0.1:7687');
    assert.equal(info['pid'], process.pid);
    assert.equal(typeof info['hostname'], 'string');
    assert.match(String(info['time']), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.equal(warn['level'], 'warn');
  });

  test('drops messages below its level, keeps errors with their stack', async () => {
    const sink = collector();
    const logger = createServerLog({ level: 'warn', format: 'json', stream: sink });
    logger.info('not written');
    logger.error('bolt-3: unexpected error', new RangeError('boom'));
    await logger.flush();
    const entries = sink.entries();
    assert.equal(entries.length, 1);
    const [entry] = entries;
    assert.ok(entry !== undefined);
    assert.equal(entry['level'], 'error');
    const error = entry['err'] as { type: string; message: string; stack: string };
    assert.equal(error.type, 'RangeError');
    assert.equal(error.message, 'boom');
    assert.match(error.stack, /RangeError: boom\n {4}at /);
  });

  test('writes query log records whatever its level (the query log has its own switch)', async () => {
    const sink = collector();
    const logger = createServerLog({ level: 'error', format: 'json', stream: sink });
    logger.record?.({ log: 'query', durationMs: 1.5, query: 'RETURN 1' }, 'query');
    await logger.flush();
    const [entry] = sink.entries();
    assert.ok(entry !== undefined);
    assert.equal(entry['level'], 'info');
    assert.equal(entry['query'], 'RETURN 1');
    assert.equal(entry['durationMs'], 1.5);
  });

  test('keeps the order of messages logged before pino finished loading', async () => {
    const sink = collector();
    const logger = createServerLog({ level: 'info', format: 'json', stream: sink });
    for (let index = 0; index < 5; index++) logger.info(`message ${index}`);
    await logger.flush();
    logger.info('message 5');
    assert.deepEqual(
      sink.entries().map((entry) => entry['msg']),
      ['message 0', 'message 1', 'message 2', 'message 3', 'message 4', 'message 5'],
    );
  });

  test('appends JSON lines to a log file, written out by close()', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'quiver-log-'));
    try {
      const file = join(directory, 'quiver.log');
      const logger = createServerLog({ level: 'info', file });
      logger.info('to the file');
      await logger.close();
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      assert.equal(lines.length, 1);
      assert.equal((JSON.parse(lines[0] ?? '') as { msg: string }).msg, 'to the file');
      assert.throws(() => createServerLog({ file: join(directory, 'missing', 'quiver.log') }), /ENOENT/);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  test('the pretty format shows time, level, message and fields on one line, then the stack', async () => {
    const sink = collector();
    const logger = createServerLog({ level: 'info', format: 'pretty', stream: sink });
    logger.record?.({ log: 'query', durationMs: 2, query: 'MATCH (n) RETURN n' }, 'query');
    logger.error('failed', new Error('bad'));
    await logger.flush();
    assert.match(
      sink.lines[0] ?? '',
      /^\d\d:\d\d:\d\d\.\d{3} INFO {2}query log=query durationMs=2 query="MATCH \(n\) RETURN n"\n$/,
    );
    assert.match(sink.lines[1] ?? '', /^\d\d:\d\d:\d\d\.\d{3} ERROR failed\n {4}Error: bad\n {8}at /);
  });

  test('the pretty format colours the level only when asked, and passes non-JSON through', () => {
    const line = '{"level":"warn","time":"2025-01-02T03:04:05.678Z","msg":"careful"}\n';
    assert.equal(formatPrettyLine(line, false), '03:04:05.678 WARN  careful\n');
    assert.equal(formatPrettyLine(line, true), '03:04:05.678 \u001b[33mWARN \u001b[0m careful\n');
    assert.equal(formatPrettyLine('plain text\n', false), 'plain text\n');
  });
});

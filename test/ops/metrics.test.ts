// The Prometheus endpoint: scraped after some queries, the counters have moved.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import neo4j from 'neo4j-driver-6';
import { silentLogger, startServer, type DurabilityMetricsSource } from '../../src/server/index.js';

/** The value of one sample line (`name{labels} value`) of the exposition text; undefined when absent. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const prefix = labels === '' ? `${name} ` : `${name}{${labels}} `;
  const line = text.split('\n').find((candidate) => candidate.startsWith(prefix));
  return line === undefined ? undefined : Number(line.slice(prefix.length));
}

async function scrape(url: string): Promise<string> {
  const response = await fetch(url);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
  return response.text();
}

describe('The metrics endpoint', () => {
  test('counts connections, queries by type and outcome, durations, transactions; reports memory and durability', async () => {
    const durability: DurabilityMetricsSource = {
      walBytesWritten: () => 4096,
      walSyncs: () => 3,
      snapshotsTaken: () => 1,
      lastSnapshotDurationSeconds: () => 0.25,
    };
    const server = await startServer({
      host: '127.0.0.1',
      port: 0,
      inMemory: true,
      logger: silentLogger,
      metrics: { port: 0, durability },
    });
    try {
      assert.match(server.metricsUrl ?? '', /^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      const before = await scrape(server.metricsUrl ?? '');
      assert.equal(sample(before, 'quiver_bolt_connections_accepted_total'), 0);
      assert.equal(sample(before, 'quiver_transactions_active'), 0);

      const driver = neo4j.driver(server.url, neo4j.auth.basic('neo4j', 'x'));
      const session = driver.session();
      await session.run('CREATE (:M {v: 1})');
      await session.run('MATCH (m:M) RETURN m.v');
      await session.run('MATCH (m:M) RETURN m.v');
      await assert.rejects(session.run('RETURN 1 +'));
      const tx = session.beginTransaction();
      await tx.run('CREATE (:M {v: 2})');
      const during = await scrape(server.metricsUrl ?? '');
      assert.equal(sample(during, 'quiver_transactions_active'), 1);
      assert.ok((sample(during, 'quiver_bolt_connections') ?? 0) >= 1);
      await tx.rollback();
      await session.close();
      await driver.close();

      const after = await scrape(server.metricsUrl ?? '');
      assert.ok((sample(after, 'quiver_bolt_connections_accepted_total') ?? 0) >= 1);
      assert.equal(sample(after, 'quiver_queries_total', 'type="w",outcome="success"'), 2);
      assert.equal(sample(after, 'quiver_queries_total', 'type="r",outcome="success"'), 2);
      assert.equal(sample(after, 'quiver_queries_total', 'type="unknown",outcome="failure"'), 1);
      assert.equal(sample(after, 'quiver_query_duration_seconds_count', 'outcome="success"'), 4);
      assert.ok((sample(after, 'quiver_transactions_total', 'outcome="committed"') ?? 0) >= 3);
      assert.equal(sample(after, 'quiver_transactions_total', 'outcome="rolled_back"'), 2);
      assert.equal(sample(after, 'quiver_transactions_active'), 0);
      assert.equal(sample(after, 'quiver_wal_written_bytes_total'), 4096);
      assert.equal(sample(after, 'quiver_wal_syncs_total'), 3);
      assert.equal(sample(after, 'quiver_snapshots_total'), 1);
      assert.equal(sample(after, 'quiver_snapshot_last_duration_seconds'), 0.25);
      assert.ok((sample(after, 'process_resident_memory_bytes') ?? 0) > 0);
      assert.ok((sample(after, 'nodejs_heap_size_used_bytes') ?? 0) > 0);

      const missing = await fetch(server.metricsUrl?.replace('/metrics', '/other') ?? '');
      assert.equal(missing.status, 404);
    } finally {
      await server.close();
    }
  });

  test('is off by default, and a server without it reports no metrics URL', async () => {
    const server = await startServer({ host: '127.0.0.1', port: 0, inMemory: true, logger: silentLogger });
    try {
      assert.equal(server.metricsUrl, undefined);
    } finally {
      await server.close();
    }
  });

  test('a metrics port in use fails the start with EADDRINUSE (the half-started server is closed)', async () => {
    const first = await startServer({
      host: '127.0.0.1',
      port: 0,
      inMemory: true,
      logger: silentLogger,
      metrics: { port: 0 },
    });
    try {
      const taken = Number(new URL(first.metricsUrl ?? '').port);
      await assert.rejects(
        startServer({
          host: '127.0.0.1',
          port: 0,
          inMemory: true,
          logger: silentLogger,
          metrics: { port: taken },
        }),
        { code: 'EADDRINUSE' },
      );
    } finally {
      await first.close();
    }
  });
});

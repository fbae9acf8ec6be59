/**
 * The durability figures the metrics endpoint reports, read when Prometheus scrapes (a pull hook: the
 * WAL and snapshot code keeps plain counters and knows nothing of prom-client). The server connects it
 * to its durable stores; the figures are totals over every database since the server started.
 */
export interface DurabilityMetricsSource {
  /** Bytes appended to the write-ahead log. */
  walBytesWritten(): number;
  /** fsync calls on the write-ahead log. */
  walSyncs(): number;
  /** Snapshots completed. */
  snapshotsTaken(): number;
  /** How long the latest snapshot took; `undefined` before the first one. */
  lastSnapshotDurationSeconds(): number | undefined;
}

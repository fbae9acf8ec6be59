import type { QueryResult } from '../../backend.js';
import type { HandlerContext } from '../context.js';

/**
 * Streams up to `n` records (-1: all) of `result` as RECORD messages, asking the backend for at most
 * `pullBatchSize` records at a time and flushing the output between batches, so a large PULL neither
 * buffers the whole result nor ignores socket back-pressure. Returns whether records remain.
 */
export async function streamRecords(
  context: HandlerContext,
  result: QueryResult,
  n: number,
): Promise<boolean> {
  const batchSize = context.settings.pullBatchSize;
  let remaining = n < 0 ? Infinity : n;
  for (;;) {
    const batch = Math.min(remaining, batchSize);
    const hasMore = await result.pull(batch, context.recordSink);
    if (!hasMore) return false;
    remaining -= batch;
    if (remaining <= 0) return true;
    await context.flush();
  }
}

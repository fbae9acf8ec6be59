import type { MaybePromise, QueryResult } from '../../backend.js';
import type { HandlerContext } from '../context.js';
import { isPromise } from '../maybe-promise.js';

/**
 * Streams up to `n` records (-1: all) of `result` as RECORD messages, asking the backend for at most
 * `pullBatchSize` records at a time and flushing the output between batches, so a large PULL neither
 * buffers the whole result nor ignores socket back-pressure. Returns whether records remain: at once while
 * the backend's pulls and the output's flushes answer at once, else a promise from the first one that did
 * not (see maybe-promise.ts).
 */
export function streamRecords(
  context: HandlerContext,
  result: QueryResult,
  n: number,
): MaybePromise<boolean> {
  const batchSize = context.settings.pullBatchSize;
  let remaining = n < 0 ? Infinity : n;
  for (;;) {
    const batch = Math.min(remaining, batchSize);
    const pulled = result.pull(batch, context.recordSink);
    if (isPromise(pulled)) return streamOn(context, result, remaining, pulled, null);
    if (!pulled) return false;
    remaining -= batch;
    if (remaining <= 0) return true;
    const flushed = context.flush();
    if (flushed !== undefined) return streamOn(context, result, remaining, null, flushed);
  }
}

/**
 * The asynchronous rest of {@link streamRecords}, from a pull (`pulled`, not yet counted in `remaining`)
 * or a flush (`flushed`) that answered with a promise.
 */
async function streamOn(
  context: HandlerContext,
  result: QueryResult,
  remaining: number,
  pulled: Promise<boolean> | null,
  flushed: Promise<void> | null,
): Promise<boolean> {
  const batchSize = context.settings.pullBatchSize;
  if (pulled !== null) {
    if (!(await pulled)) return false;
    remaining -= Math.min(remaining, batchSize);
    if (remaining <= 0) return true;
    await context.flush();
  } else {
    await flushed;
  }
  for (;;) {
    const batch = Math.min(remaining, batchSize);
    const hasMore = await result.pull(batch, context.recordSink);
    if (!hasMore) return false;
    remaining -= batch;
    if (remaining <= 0) return true;
    await context.flush();
  }
}

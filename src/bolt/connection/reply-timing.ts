/**
 * When a connection writes the reply to a socket read: at once, or at the end of the event loop's turn.
 *
 * Writing at once is fastest for a lone client: the reply leaves as soon as it is ready, with no trip
 * through the loop's check phase. When several connections are busy at the same time (a pool of sessions,
 * many clients), each write wakes its reader, which on a small machine preempts the server. There the
 * replies wait until every connection whose request arrived in the same poll has answered, and then go out
 * back to back: one such switch per batch instead of one per reply, and a client with several connections
 * reads all its replies in one go.
 *
 * A server shares one {@link ReplyTiming} between its connections. Busy at the same time means: another
 * connection received a request less than {@link CONCURRENT_READ_WINDOW_MS} before this one.
 */
export class ReplyTiming {
  private lastConnection: object | null = null;
  private lastReadAt = Number.NEGATIVE_INFINITY;
  private readonly now: () => number;

  constructor(now: () => number = () => performance.now()) {
    this.now = now;
  }

  /**
   * `connection` received bytes; returns whether its reply to them should wait for the end of the turn
   * (another connection read shortly before).
   */
  deferReply(connection: object): boolean {
    const now = this.now();
    const concurrent =
      this.lastConnection !== connection && now - this.lastReadAt < CONCURRENT_READ_WINDOW_MS;
    this.lastConnection = connection;
    this.lastReadAt = now;
    return concurrent;
  }
}

/** Reads on two connections this close together (milliseconds) mean that both are busy. */
export const CONCURRENT_READ_WINDOW_MS = 1;

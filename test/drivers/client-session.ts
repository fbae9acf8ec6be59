/**
 * Connecting Quiver's Bolt client for a matrix row: WebSocket (wss without certificate verification for the
 * TLS row), the row's handshake proposals, a short connect timeout, and a polite GOODBYE afterwards.
 */
import { basicAuth, BoltClient, type Metadata } from '../../src/bolt/index.js';
import type { ClientRowContext } from './client-plans.js';

/** Connects over WebSocket with the row's proposals (no login yet). */
export function connectClient(ctx: ClientRowContext): Promise<BoltClient> {
  return BoltClient.connect({
    port: ctx.port,
    transport: 'websocket',
    tls: ctx.row.tls ? { rejectUnauthorized: false } : false,
    proposals: ctx.row.proposals,
    connectTimeoutMs: 3000,
    userAgent: 'quiver-driver-matrix/1',
  });
}

/** Connects and logs in as neo4j; returns the client and the HELLO/INIT SUCCESS metadata. */
export async function openClient(
  ctx: ClientRowContext,
  password = 'password',
): Promise<{ client: BoltClient; hello: Metadata }> {
  const client = await connectClient(ctx);
  try {
    return { client, hello: await client.login(basicAuth('neo4j', password)) };
  } catch (error) {
    client.close();
    throw error;
  }
}

/** Says GOODBYE (or just closes a broken connection). */
export async function closeClient(client: BoltClient): Promise<void> {
  try {
    await client.goodbye();
  } catch {
    client.close();
  }
}

/** Runs `work` with a logged-in client and closes it afterwards. */
export async function withClient<T>(
  ctx: ClientRowContext,
  work: (client: BoltClient) => Promise<T>,
): Promise<T> {
  const { client } = await openClient(ctx);
  try {
    return await work(client);
  } finally {
    await closeClient(client);
  }
}

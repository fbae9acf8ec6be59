import type { Duplex } from 'node:stream';
import { sniffTransport, type TransportKind } from '../bolt/index.js';

/** What a new stream speaks, with every byte read to find out; `CLOSED` if it ended first. */
export type SniffResult =
  { readonly kind: TransportKind; readonly bytes: Buffer } | { readonly kind: 'CLOSED' };

/**
 * Reads from `stream` until its first bytes identify the transport (at most 5 bytes are needed, but a read
 * may bring more: all of them are returned, so the chosen handler can replay them). The stream is left
 * paused and without the temporary listeners.
 */
export function sniffStream(stream: Duplex): Promise<SniffResult> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    const finish = (result: SniffResult): void => {
      stream.removeListener('data', onData);
      stream.removeListener('end', onClose);
      stream.removeListener('close', onClose);
      stream.pause();
      resolve(result);
    };
    const onClose = (): void => {
      finish({ kind: 'CLOSED' });
    };
    const onData = (chunk: Buffer): void => {
      parts.push(chunk);
      const bytes = parts.length === 1 ? chunk : Buffer.concat(parts);
      const kind = sniffTransport(bytes);
      if (kind !== 'NEED_MORE') finish({ kind, bytes });
    };
    stream.on('data', onData);
    stream.once('end', onClose);
    stream.once('close', onClose);
  });
}

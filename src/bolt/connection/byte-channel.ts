/**
 * The one byte-stream interface a Bolt connection needs, whatever carries it: a TCP socket, a TLS socket or
 * a WebSocket stream (`ws` `createWebSocketStream`). Node's `net.Socket`, `tls.TLSSocket` and any `Duplex`
 * fit it structurally. Incoming bytes are pushed into the connection (`BoltConnection.receive`), so the
 * channel only needs the output side and flow control here; {@link bindChannel} wires the events.
 */
export interface ByteChannel {
  /**
   * Queues bytes for sending. Returns false when the channel's buffer is over its high-water mark: the
   * writer should wait for `'drain'` before producing more (back-pressure).
   */
  write(bytes: Uint8Array): boolean;
  /** Sends what is queued, then closes the sending side. */
  end(): void;
  /** Closes at once, dropping what is queued. */
  destroy(): void;
  /** Stops delivering incoming bytes (input back-pressure). */
  pause(): unknown;
  /** Resumes delivering incoming bytes. */
  resume(): unknown;
  /** Bytes queued in user space and not yet handed to the operating system. */
  readonly writableLength: number;
}

/** The events of a Node stream that {@link bindChannel} listens to. */
export interface EventSource {
  on(event: 'data', listener: (bytes: Buffer) => void): unknown;
  on(event: 'drain' | 'end' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** The receiving side of a channel: what a Bolt connection does with the channel's events. */
export interface ChannelListener {
  receive(bytes: Uint8Array): void;
  drained(): void;
  /** The channel ended or failed; `error` is set when it failed. */
  channelClosed(error?: Error): void;
}

/**
 * Forwards a Node stream's events to `listener`. An `'error'` is reported as a close (the stream is
 * destroyed after it), so no error event is ever left unhandled: an unhandled `'error'` would crash the
 * process.
 */
export function bindChannel(stream: EventSource, listener: ChannelListener): void {
  stream.on('data', (bytes) => {
    listener.receive(bytes);
  });
  stream.on('drain', () => {
    listener.drained();
  });
  stream.on('end', () => {
    listener.channelClosed();
  });
  stream.on('close', () => {
    listener.channelClosed();
  });
  stream.on('error', (error) => {
    listener.channelClosed(error);
  });
}

import type { Packer } from '../../packstream/index.js';
import type { BoltBackend, RecordSink } from '../backend.js';
import type { BoltSession } from '../session/session.js';
import type { BoltVersionDescriptor } from '../versions/index.js';

/** Connection settings that shape responses. */
export interface MachineSettings {
  /** `connection_id` of HELLO's SUCCESS (Bolt 3+), e.g. `bolt-7`. */
  readonly connectionId: string;
  /** The manifest handshake was used: HELLO's SUCCESS carries `protocol_version` (5.7+). */
  readonly manifest: boolean;
  /** Offer `telemetry.enabled: true` (5.4+); otherwise drivers send no TELEMETRY. */
  readonly telemetryEnabled: boolean;
  /** Offer `ssr.enabled` (5.8+); `undefined` omits the hint. */
  readonly ssrEnabled: boolean | undefined;
  /** Records pulled from the backend before the output is flushed (back-pressure granularity). */
  readonly pullBatchSize: number;
}

/** What a handler gets: the negotiated version, the port, the session and the output. */
export interface HandlerContext {
  readonly descriptor: BoltVersionDescriptor;
  readonly backend: BoltBackend;
  readonly session: BoltSession;
  readonly settings: MachineSettings;
  /** Milliseconds, monotonic (for `t_first`/`t_last`). */
  now(): number;
  /**
   * Writes one response message with `write(packer, arg)`; a message that fails half-way is dropped and
   * the error rethrown. The argument spares the hot responses a closure per request.
   */
  respond(write: (packer: Packer) => void): void;
  respond<A>(write: (packer: Packer, arg: A) => void, arg: A): void;
  /** Writes each record as one RECORD message. */
  readonly recordSink: RecordSink;
  /** Appends framed messages encoded ahead of time (read-ahead; only called when the output can). */
  readonly appendFramed: (bytes: Uint8Array) => void;
  /** Lets the output go out (between record batches); may wait for back-pressure. */
  flush(): void | Promise<void>;
  /** Reports an error the client will not see in detail (rollback failures and the like). */
  reportUnexpected(error: unknown): void;
  /** HELLO succeeded with these agreements (the connection switches value encoding for `utcPatch`). */
  helloAccepted(agreement: { readonly utcPatch: boolean }): void;
}

import { ReplyTiming } from '../bolt/index.js';
import { createAuthenticator, withAuthenticator } from './auth.js';
import { resolveServerConfig, type BoltServerOptions } from './config.js';
import { IdlePoller } from './idle-poll.js';
import { BoltListener, type ConnectionInfo } from './listeners.js';

/** A running Bolt server. */
export interface BoltServer {
  /** The bound host address (e.g. `127.0.0.1`). */
  readonly address: string;
  /** The bound port (the ephemeral one when asked for port 0). */
  readonly port: number;
  /** The open connections (for admin views and tests). */
  connections(): ConnectionInfo[];
  /** Stops accepting, rolls back and closes every connection; resolves when all sockets are closed. */
  close(): Promise<void>;
}

/**
 * Starts the Bolt listener: one port serving raw Bolt, WebSocket and TLS (see {@link BoltListener}).
 * With `auth` configured, logins are checked against the configured users ({@link createAuthenticator});
 * otherwise the backend's own `authenticate` decides.
 * @throws whatever `listen` fails with (EADDRINUSE, EACCES), and TypeError for invalid options
 */
export async function startBoltServer(options: BoltServerOptions): Promise<BoltServer> {
  const config = resolveServerConfig(options);
  const backend =
    options.auth === undefined
      ? options.backend
      : withAuthenticator(options.backend, createAuthenticator(options.auth));
  const poller = config.idlePollMicros > 0 ? new IdlePoller(config.idlePollMicros) : null;
  const listener = new BoltListener(config, {
    backend,
    replyTiming: new ReplyTiming(),
    ...(poller === null
      ? {}
      : {
          onWritten: () => {
            poller.written();
          },
          onReceived: () => {
            poller.received();
          },
        }),
    ...(options.versions === undefined ? {} : { versions: options.versions }),
    ...(options.offerManifest === undefined ? {} : { offerManifest: options.offerManifest }),
    ...(options.idleTimeoutMs === undefined ? {} : { idleTimeoutMs: options.idleTimeoutMs }),
    ...(options.telemetryEnabled === undefined ? {} : { telemetryEnabled: options.telemetryEnabled }),
    ...(options.ssrEnabled === undefined ? {} : { ssrEnabled: options.ssrEnabled }),
    ...(options.pullBatchSize === undefined ? {} : { pullBatchSize: options.pullBatchSize }),
    ...(options.readAhead === undefined ? {} : { readAhead: options.readAhead }),
    ...(options.writeBytes === undefined ? {} : { writeBytes: options.writeBytes }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  const bound = await listener.listen();
  config.logger.info(
    `Bolt listening on ${bound.address}:${bound.port}${config.secureContext === null ? '' : ' (TLS available)'}`,
  );
  return {
    address: bound.address,
    port: bound.port,
    connections: () => listener.connections(),
    close: async () => {
      try {
        await listener.close();
      } finally {
        poller?.stop();
      }
    },
  };
}

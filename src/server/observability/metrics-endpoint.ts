import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerLogger } from '../logging.js';
import type { ServerMetrics } from './server-metrics.js';

/** A listening `GET /metrics` endpoint. */
export interface MetricsEndpoint {
  /** `http://host:port/metrics`. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves `metrics` in Prometheus' text format at `GET /metrics` (and `HEAD`); every other path is 404,
 * every other method 405. Scrapes run one at a time per request; a failing collection answers 500.
 * @throws whatever `listen` fails with (EADDRINUSE, EACCES)
 */
export async function startMetricsEndpoint(
  metrics: ServerMetrics,
  host: string,
  port: number,
  logger: ServerLogger,
): Promise<MetricsEndpoint> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: try /metrics\n');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end();
      return;
    }
    metrics.text().then(
      (text) => {
        response.writeHead(200, { 'content-type': metrics.contentType });
        response.end(request.method === 'HEAD' ? undefined : text);
      },
      (error: unknown) => {
        logger.error('Metrics collection failed', error);
        response.writeHead(500, { 'content-type': 'text/plain' }).end('Metrics collection failed\n');
      },
    );
  });
  // Scrapers keep connections alive; close() must not wait for them.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port }, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => {
    logger.error('Metrics endpoint error', error);
  });
  const bound = server.address() as AddressInfo;
  const shownHost = bound.address.includes(':') ? `[${bound.address}]` : bound.address;
  return {
    url: `http://${shownHost}:${bound.port}/metrics`,
    port: bound.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, createWebSocketStream, type WebSocket } from 'ws';

/**
 * Called with each upgraded WebSocket: `stream` carries the binary frames' payload as a byte stream;
 * `transportSocket` is the stream the HTTP request came on (the one given to {@link WebSocketGateway.accept}).
 */
export type WebSocketHandler = (stream: Duplex, webSocket: WebSocket, transportSocket: Duplex) => void;

/**
 * WebSocket on the Bolt port (bolt-spec-digest §2.2). A sniffed `GET ` stream is handed to an HTTP parser
 * that is not listening anywhere (`emit('connection')`), which raises `'upgrade'` for the request; `ws`
 * (`noServer`) completes the upgrade, and `createWebSocketStream` turns the WebSocket into a byte stream:
 * frame boundaries carry no meaning in Bolt. A plain GET without upgrade gets Neo4j's small discovery JSON.
 */
export class WebSocketGateway {
  private readonly http: Server;
  private readonly wss: WebSocketServer;

  constructor(onWebSocket: WebSocketHandler, options: { readonly maxPayload: number }) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxPayload,
      perMessageDeflate: false,
      clientTracking: false,
    });
    this.http = createServer((request, response) => {
      respondDiscovery(request, response);
    });
    this.http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      this.wss.handleUpgrade(request, socket, head, (webSocket) => {
        webSocket.on('error', () => undefined); // the stream reports errors; ws must not throw them
        const stream = createWebSocketStream(webSocket);
        onWebSocket(stream, webSocket, socket);
      });
    });
    this.http.on('clientError', (_error, socket: Duplex) => {
      socket.destroy();
    });
  }

  /**
   * Serves HTTP on `stream`, whose first bytes (`GET ` …) were already read: they are put back first.
   */
  accept(stream: Duplex, bytesRead: Buffer): void {
    stream.unshift(bytesRead);
    this.http.emit('connection', stream);
    stream.resume();
  }
}

/** Neo4j answers a plain `GET /` on its ports with the addresses of its connectors. */
function respondDiscovery(request: IncomingMessage, response: ServerResponse): void {
  const secure = (request.socket as { encrypted?: boolean }).encrypted === true;
  const host = request.headers.host ?? 'localhost:7687';
  const body = JSON.stringify({
    bolt_direct: `${secure ? 'bolt+s' : 'bolt'}://${host}`,
    bolt_routing: `${secure ? 'neo4j+s' : 'neo4j'}://${host}`,
  });
  response.writeHead(200, { 'Content-Type': 'application/json', Connection: 'close' });
  response.end(body);
}

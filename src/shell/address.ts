/** Where the shell connects, resolved from `-a/--address`. */
export interface ShellAddress {
  readonly host: string;
  readonly port: number;
  /** Raw Bolt over TCP, or Bolt inside WebSocket frames (`ws://`, `wss://`). */
  readonly transport: 'tcp' | 'websocket';
  /** `null`: no TLS; otherwise whether the certificate is verified (`+s`) or not (`+ssc`). */
  readonly tls: { readonly rejectUnauthorized: boolean } | null;
  /** The address as the shell shows it (`bolt://localhost:7687`). */
  readonly url: string;
}

/** The default of cypher-shell. */
export const DEFAULT_ADDRESS = 'bolt://localhost:7687';
const DEFAULT_PORT = 7687;

/** Schemes the shell accepts: transport and TLS of each. `neo4j://` is connected to directly (no routing). */
const SCHEMES: Readonly<Record<string, Pick<ShellAddress, 'transport' | 'tls'>>> = {
  bolt: { transport: 'tcp', tls: null },
  'bolt+s': { transport: 'tcp', tls: { rejectUnauthorized: true } },
  'bolt+ssc': { transport: 'tcp', tls: { rejectUnauthorized: false } },
  neo4j: { transport: 'tcp', tls: null },
  'neo4j+s': { transport: 'tcp', tls: { rejectUnauthorized: true } },
  'neo4j+ssc': { transport: 'tcp', tls: { rejectUnauthorized: false } },
  ws: { transport: 'websocket', tls: null },
  wss: { transport: 'websocket', tls: { rejectUnauthorized: true } },
};

/**
 * Parses `scheme://host[:port]`, `host:port`, `host`, or `[ipv6]:port` (port 7687 by default). Returns a
 * message instead when the text is not an address, since a bad flag is an expected user mistake.
 */
export function parseAddress(text: string): ShellAddress | { readonly error: string } {
  const trimmed = text.trim();
  const schemeEnd = trimmed.indexOf('://');
  const scheme = schemeEnd === -1 ? 'bolt' : trimmed.slice(0, schemeEnd).toLowerCase();
  const settings = SCHEMES[scheme];
  if (settings === undefined) {
    return {
      error: `Unsupported scheme "${scheme}" in address "${text}": use one of ${Object.keys(SCHEMES).join(', ')}`,
    };
  }
  const rest = (schemeEnd === -1 ? trimmed : trimmed.slice(schemeEnd + 3)).replace(/\/+$/, '');
  const match = /^(\[[^\]]+\]|[^:/[\]\s]+)(?::(\d+))?$/.exec(rest);
  const hostPart = match?.[1];
  if (hostPart === undefined) return { error: `Invalid address "${text}": expected [scheme://]host[:port]` };
  const port = match?.[2] === undefined ? DEFAULT_PORT : Number(match[2]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    return { error: `Invalid port in address "${text}": expected 1 to 65535` };
  }
  const host = hostPart.startsWith('[') ? hostPart.slice(1, -1) : hostPart;
  return { host, port, ...settings, url: `${scheme}://${hostPart}:${port}` };
}

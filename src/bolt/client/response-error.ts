import { ALL_STATUSES, DatabaseError, Status, type StatusDefinition } from '../../errors/index.js';

/** A response message as the client sees it. */
export interface BoltResponse {
  readonly kind: 'SUCCESS' | 'FAILURE' | 'IGNORED';
  /** SUCCESS and FAILURE metadata (`{}` for IGNORED). */
  readonly metadata: Readonly<Record<string, unknown>>;
  /** RECORDs that arrived before this summary (PULL), unless they went to a record callback. */
  readonly records: readonly (readonly unknown[])[];
}

function statusOf(code: string): StatusDefinition {
  return ALL_STATUSES.find((status) => status.code === code) ?? Status.UnknownError;
}

/** The Neo4j code of a FAILURE: `neo4j_code` from Bolt 5.7, `code` before. */
export function failureCode(metadata: Readonly<Record<string, unknown>>): string {
  const code = metadata['neo4j_code'] ?? metadata['code'];
  return typeof code === 'string' ? code : 'Neo.DatabaseError.General.UnknownError';
}

/**
 * A request the server answered with FAILURE or IGNORED. `code` is the server's code verbatim (the status
 * is the registry entry of that code, or UnknownError when Quiver does not know it); `metadata` the whole
 * FAILURE map.
 */
export class BoltResponseError extends DatabaseError {
  readonly response: BoltResponse;
  readonly serverCode: string;

  constructor(response: BoltResponse) {
    const ignored = response.kind === 'IGNORED';
    const serverCode = ignored ? Status.RequestInvalid.code : failureCode(response.metadata);
    const text = response.metadata['message'];
    const message = ignored
      ? 'The request was IGNORED (an earlier request failed or a RESET is pending)'
      : typeof text === 'string'
        ? text
        : 'FAILURE without message';
    super(ignored ? Status.RequestInvalid : statusOf(serverCode), message);
    this.response = response;
    this.serverCode = serverCode;
  }

  /** Whether the server ignored the request instead of failing it. */
  get isIgnored(): boolean {
    return this.response.kind === 'IGNORED';
  }
}

/** Returns the metadata of a SUCCESS. @throws BoltResponseError for FAILURE and IGNORED */
export function expectSuccess(response: BoltResponse): Readonly<Record<string, unknown>> {
  if (response.kind !== 'SUCCESS') throw new BoltResponseError(response);
  return response.metadata;
}

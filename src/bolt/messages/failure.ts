import {
  DatabaseError,
  gqlClassificationOf,
  InternalError,
  type GqlClassification,
  type GqlStatusDefinition,
} from '../../errors/index.js';
import type { Packer } from '../../packstream/index.js';
import { isProtocolAtLeast, type ProtocolVersion } from '../protocol-version.js';
import { RESPONSE_TAG } from './tags.js';

/**
 * THE one place where errors become FAILURE metadata (architecture "Error model"). Everything that is not a
 * `DatabaseError`, and `InternalError`s (broken invariants), is reported as `UnknownError` with a generic
 * message: the caller logs the original ({@link isUnexpectedError}), the client learns nothing internal.
 * Shapes (bolt-spec-digest §6.14):
 * - Bolt 1 … 5.6: `{code, message}`;
 * - Bolt 5.7+: `{neo4j_code, message, gql_status, description, diagnostic_record, cause?}`; `cause` is the
 *   error's more specific GQLSTATUS (`gqlCause`, e.g. 42I06 under 42001) with the same keys minus
 *   `neo4j_code`. The JS `Error.cause` chain is for logs and never sent.
 * Terminated is registered as `Neo.ClientError.Transaction.Terminated`, the form drivers expect from every
 * server version, so no per-version remapping of codes is needed.
 */

/** Bolt version from which FAILURE carries GQL metadata. */
export const GQL_FAILURE_SINCE: ProtocolVersion = Object.freeze({ major: 5, minor: 7 });

const GENERIC_MESSAGE = 'An unexpected error occurred, see the server log for details';

/** `diagnostic_record` of a 5.7+ FAILURE (defaults spelled out, as Neo4j and the drivers' fill-ins do). */
export interface DiagnosticRecord {
  readonly OPERATION: string;
  readonly OPERATION_CODE: string;
  readonly CURRENT_SCHEMA: string;
  readonly _classification: GqlClassification;
  readonly _position?: { readonly offset: bigint; readonly line: bigint; readonly column: bigint };
}

/** A GQL error object: the 5.7+ FAILURE body minus `neo4j_code`, and the shape of `cause`. */
export interface GqlErrorMetadata {
  readonly message: string;
  readonly gql_status: string;
  readonly description: string;
  readonly diagnostic_record: DiagnosticRecord;
  readonly cause?: GqlErrorMetadata;
}

/** FAILURE metadata up to Bolt 5.6. */
export interface LegacyFailureMetadata {
  readonly code: string;
  readonly message: string;
}

/** FAILURE metadata from Bolt 5.7. */
export interface GqlFailureMetadata extends GqlErrorMetadata {
  readonly neo4j_code: string;
}

export type FailureMetadata = LegacyFailureMetadata | GqlFailureMetadata;

/** Whether the client gets a generic `UnknownError` for this error, so the server must log it. */
export function isUnexpectedError(error: unknown): boolean {
  return !(error instanceof DatabaseError) || error instanceof InternalError;
}

function reportable(error: unknown): DatabaseError {
  return isUnexpectedError(error) ? new InternalError(GENERIC_MESSAGE) : (error as DatabaseError);
}

/** A GQLSTATUS' own classification where Neo4j defines one, else the Neo4j code's. */
function classificationOf(gql: GqlStatusDefinition, fallback: GqlClassification): GqlClassification {
  const own = gql.classification;
  return own === 'CLIENT_ERROR' || own === 'TRANSIENT_ERROR' || own === 'DATABASE_ERROR' ? own : fallback;
}

function diagnosticRecord(error: DatabaseError, classification: GqlClassification): DiagnosticRecord {
  const position = error.position;
  const record = { OPERATION: '', OPERATION_CODE: '0', CURRENT_SCHEMA: '/', _classification: classification };
  if (position === undefined) return record;
  return {
    ...record,
    _position: {
      offset: BigInt(position.offset),
      line: BigInt(position.line),
      column: BigInt(position.column),
    },
  };
}

function toGqlFailure(error: DatabaseError): GqlFailureMetadata {
  const codeClassification = gqlClassificationOf(error.status.code);
  const classification = classificationOf(error.gql, codeClassification);
  const gqlCause = error.gqlCause;
  const cause: GqlErrorMetadata | undefined =
    gqlCause === undefined
      ? undefined
      : {
          message: error.message,
          gql_status: gqlCause.code,
          description: gqlCause.description,
          diagnostic_record: diagnosticRecord(error, classificationOf(gqlCause, classification)),
        };
  return {
    neo4j_code: error.code,
    message: error.message,
    gql_status: error.gqlStatus,
    description: error.gql.description,
    diagnostic_record: diagnosticRecord(error, classification),
    ...(cause === undefined ? {} : { cause }),
  };
}

/**
 * Maps any thrown value to the FAILURE metadata of `version`.
 * @param error what a handler or the backend threw
 * @param version the negotiated Bolt version
 */
export function toFailureMetadata(error: unknown, version: ProtocolVersion): FailureMetadata {
  const reported = reportable(error);
  if (isProtocolAtLeast(version, GQL_FAILURE_SINCE.major, GQL_FAILURE_SINCE.minor))
    return toGqlFailure(reported);
  return { code: reported.code, message: reported.message };
}

/** Writes FAILURE `0x7F` with metadata from {@link toFailureMetadata}. */
export function writeFailure(packer: Packer, metadata: FailureMetadata): void {
  packer.writeStructHeader(1, RESPONSE_TAG.FAILURE);
  packer.packValue(metadata);
}

import type { RequestDecoder, RequestFeatures, RequestKind } from '../messages/request.js';
import type { ProtocolVersion } from '../protocol-version.js';

/** One accepted request message: its spec name and its decoder. */
export interface RequestSpec {
  readonly kind: RequestKind;
  readonly decode: RequestDecoder;
}

/** Which keys HELLO's SUCCESS carries (bolt-spec-digest §6.2). */
export interface HelloSuccessShape {
  /** `connection_id` (3+). */
  readonly connectionId: boolean;
  /** `hints` map (4.3+). */
  readonly hints: boolean;
  /** Echo of accepted `patch_bolt` entries (4.3, 4.4). */
  readonly patchBolt: boolean;
  /** `hints.telemetry.enabled` may be offered (5.4+). */
  readonly telemetryHint: boolean;
  /** `hints.ssr.enabled` may be offered (5.8+). */
  readonly ssrHint: boolean;
  /** `protocol_version`, only when the manifest handshake was used (5.7+). */
  readonly protocolVersion: boolean;
}

/**
 * What the hydration module needs to know (it takes `{version, utcPatch}`); spelled out here so each version
 * file states its value-encoding delta (bolt-spec-digest §5.5).
 */
export interface HydrationShape {
  /** Date, Time, LocalTime, LocalDateTime, DateTime, Duration, Point (2+). */
  readonly temporalSpatial: boolean;
  /** Node/Relationship/UnboundRelationship carry element ids (5.0+). */
  readonly elementIds: boolean;
  /** DateTime structs: legacy `46/66`, legacy unless the `utc` patch was agreed (4.3/4.4), or UTC `49/69`. */
  readonly dateTime: 'none' | 'legacy' | 'legacy-or-utc-patch' | 'utc';
  /** Vector and UnsupportedType structs (6.0+). */
  readonly vectors: boolean;
  /** UUID values, PackStream v2 marker `E0` (6.1+). */
  readonly uuids: boolean;
}

/**
 * Everything that differs between Bolt versions, as data. `v1.ts` spells out all of it; every later file
 * is a small diff made with `extendVersion`.
 */
export interface BoltVersionDescriptor {
  readonly version: ProtocolVersion;
  /** Accepted request messages by tag. A tag missing here is a protocol violation. */
  readonly requests: Readonly<Partial<Record<number, RequestSpec>>>;
  /** Keys the request decoders read. */
  readonly features: RequestFeatures;
  /** The state after the handshake: CONNECTED (≤ 5.0), renamed NEGOTIATION in 5.1. */
  readonly initialState: 'CONNECTED' | 'NEGOTIATION';
  /** Which message authenticates: INIT (1/2), HELLO (3 … 5.0), LOGON (5.1+, after HELLO). */
  readonly authentication: 'INIT' | 'HELLO' | 'LOGON';
  readonly helloSuccess: HelloSuccessShape;
  /** Timing keys of RUN and final PULL/DISCARD SUCCESS. */
  readonly timing: {
    readonly first: 'result_available_after' | 't_first';
    readonly last: 'result_consumed_after' | 't_last';
  };
  /** Explicit transactions: `RUN "BEGIN"` pseudo statements (1/2) or BEGIN/COMMIT/ROLLBACK messages (3+). */
  readonly transactions: 'pseudo-statements' | 'messages';
  /** PULL_ALL/DISCARD_ALL (≤ 3) or PULL/DISCARD `{n, qid}` with `has_more` (4.0+). */
  readonly streaming: 'all' | 'batches';
  /** Several open results per explicit transaction, addressed by `qid` (4.0+). */
  readonly multipleResults: boolean;
  /** `db` in the final PULL/DISCARD SUCCESS (4.0+). */
  readonly dbInSummary: boolean;
  /** `db` in BEGIN and auto-commit RUN SUCCESS when the client named none (5.8+). */
  readonly dbInBeginAndRun: boolean;
  /** `rt.db` in ROUTE's SUCCESS (4.4+). */
  readonly dbInRoutingTable: boolean;
  /** `notifications` (≤ 5.4) or GQL `statuses` (5.6+) in the final SUCCESS. */
  readonly notifications: 'notifications' | 'statuses';
  /** FAILURE `{code, message}` or the GQL shape (5.7+); `messages/failure.ts` writes both. */
  readonly failure: 'legacy' | 'gql';
  readonly hydration: HydrationShape;
}

/** The fields a version changes; nested records are merged, `requests` entries set to `null` are removed. */
export interface VersionDiff {
  readonly requests?: Readonly<Partial<Record<number, RequestSpec | null>>>;
  readonly features?: Partial<RequestFeatures>;
  readonly initialState?: BoltVersionDescriptor['initialState'];
  readonly authentication?: BoltVersionDescriptor['authentication'];
  readonly helloSuccess?: Partial<HelloSuccessShape>;
  readonly timing?: BoltVersionDescriptor['timing'];
  readonly transactions?: BoltVersionDescriptor['transactions'];
  readonly streaming?: BoltVersionDescriptor['streaming'];
  readonly multipleResults?: boolean;
  readonly dbInSummary?: boolean;
  readonly dbInBeginAndRun?: boolean;
  readonly dbInRoutingTable?: boolean;
  readonly notifications?: BoltVersionDescriptor['notifications'];
  readonly failure?: BoltVersionDescriptor['failure'];
  readonly hydration?: Partial<HydrationShape>;
}

/** Builds the descriptor of `version` from the previous version's and the diff. */
export function extendVersion(
  base: BoltVersionDescriptor,
  version: ProtocolVersion,
  diff: VersionDiff,
): BoltVersionDescriptor {
  const requests = new Map(Object.entries(base.requests));
  for (const [tag, spec] of Object.entries(diff.requests ?? {})) {
    if (spec === null) requests.delete(tag);
    else if (spec !== undefined) requests.set(tag, spec);
  }
  return Object.freeze({
    ...base,
    ...diff,
    version: Object.freeze({ major: version.major, minor: version.minor }),
    requests: Object.freeze(Object.fromEntries(requests)),
    features: Object.freeze({ ...base.features, ...diff.features }),
    helloSuccess: Object.freeze({ ...base.helloSuccess, ...diff.helloSuccess }),
    hydration: Object.freeze({ ...base.hydration, ...diff.hydration }),
  });
}

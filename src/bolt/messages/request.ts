import type { CypherMap } from '../../values/index.js';

/**
 * The typed request messages, one variant per spec message name (`kind`). Decoders in this folder build
 * them from a message struct's fields; the state machine switches on `kind`.
 */

/** An authentication token as sent in INIT, HELLO (Bolt 3 … 5.0) or LOGON (5.1+). */
export interface AuthToken {
  /** `none`, `basic`, `bearer`, `kerberos` or a custom scheme; a missing scheme means `none`. */
  readonly scheme: string;
  readonly principal: string | null;
  readonly credentials: string | null;
  readonly realm: string | null;
  /** Custom schemes' `parameters` map. */
  readonly parameters: CypherMap | null;
}

/** Notification severity threshold (Bolt 5.2+): `OFF` disables notifications. */
export type MinimumSeverity = 'OFF' | 'WARNING' | 'INFORMATION';

/**
 * Notification filter settings of HELLO, BEGIN or RUN (Bolt 5.2+). `null` fields inherit from the
 * connection (HELLO) or the server default.
 */
export interface NotificationConfig {
  readonly minimumSeverity: MinimumSeverity | null;
  /**
   * Disabled categories (5.2–5.4 key `notifications_disabled_categories`) or classifications (5.6+ key
   * `notifications_disabled_classifications`); both keys are accepted on every version.
   */
  readonly disabledClassifications: readonly string[] | null;
}

/** The routing context of HELLO (4.1+) or ROUTE: the URI's address and query parameters. */
export type RoutingContext = Readonly<Record<string, string>>;

/** Access mode of a transaction: read or write (the default). */
export type AccessMode = 'r' | 'w';

/** The transaction options carried by BEGIN's extra and by auto-commit RUN's extra (Bolt 3+). */
export interface TransactionExtra {
  readonly bookmarks: readonly string[];
  /** Milliseconds; `null` means the server default. */
  readonly txTimeout: number | null;
  readonly txMetadata: CypherMap | null;
  readonly mode: AccessMode;
  /** Target database (4.0+); `null` (also for `""`) means the user's home or the default database. */
  readonly db: string | null;
  /** Impersonated user (4.4+). */
  readonly impUser: string | null;
  readonly notifications: NotificationConfig;
}

/** The client identification of HELLO 5.3+ (`bolt_agent`). */
export interface BoltAgent {
  readonly product: string;
  readonly platform: string | null;
  readonly language: string | null;
  readonly languageDetails: string | null;
}

export interface InitMessage {
  readonly kind: 'INIT';
  readonly userAgent: string;
  readonly auth: AuthToken;
}

export interface HelloMessage {
  readonly kind: 'HELLO';
  readonly userAgent: string | null;
  /** Credentials merged into HELLO (Bolt 3 … 5.0); `null` from 5.1, where LOGON carries them. */
  readonly auth: AuthToken | null;
  /** `null` when the client used a direct URI (`bolt://`). */
  readonly routing: RoutingContext | null;
  /** Requested protocol patches (4.3/4.4: `["utc"]`). */
  readonly patchBolt: readonly string[];
  readonly notifications: NotificationConfig;
  readonly boltAgent: BoltAgent | null;
}

export interface GoodbyeMessage {
  readonly kind: 'GOODBYE';
}

export interface AckFailureMessage {
  readonly kind: 'ACK_FAILURE';
}

export interface ResetMessage {
  readonly kind: 'RESET';
}

export interface RunMessage {
  readonly kind: 'RUN';
  readonly query: string;
  readonly parameters: CypherMap;
  /** Bolt 1/2 have no extra: the defaults are filled in. */
  readonly extra: TransactionExtra;
}

export interface BeginMessage {
  readonly kind: 'BEGIN';
  readonly extra: TransactionExtra;
}

export interface CommitMessage {
  readonly kind: 'COMMIT';
}

export interface RollbackMessage {
  readonly kind: 'ROLLBACK';
}

export interface PullAllMessage {
  readonly kind: 'PULL_ALL';
}

export interface DiscardAllMessage {
  readonly kind: 'DISCARD_ALL';
}

/** PULL and DISCARD (4.0+): `n` is -1 (all) or at least 1; `qid` -1 means the latest statement. */
export interface PullMessage {
  readonly kind: 'PULL';
  readonly n: number;
  readonly qid: number;
}

export interface DiscardMessage {
  readonly kind: 'DISCARD';
  readonly n: number;
  readonly qid: number;
}

export interface RouteMessage {
  readonly kind: 'ROUTE';
  readonly routing: RoutingContext;
  readonly bookmarks: readonly string[];
  readonly db: string | null;
  readonly impUser: string | null;
}

export interface LogonMessage {
  readonly kind: 'LOGON';
  readonly auth: AuthToken;
}

export interface LogoffMessage {
  readonly kind: 'LOGOFF';
}

/** Which driver API a following BEGIN or RUN comes from (Bolt 5.4+). */
export type TelemetryApi = 0 | 1 | 2 | 3;

export interface TelemetryMessage {
  readonly kind: 'TELEMETRY';
  readonly api: TelemetryApi;
}

/** Every request message of every Bolt version. */
export type RequestMessage =
  | InitMessage
  | HelloMessage
  | GoodbyeMessage
  | AckFailureMessage
  | ResetMessage
  | RunMessage
  | BeginMessage
  | CommitMessage
  | RollbackMessage
  | PullAllMessage
  | DiscardAllMessage
  | PullMessage
  | DiscardMessage
  | RouteMessage
  | LogonMessage
  | LogoffMessage
  | TelemetryMessage;

/** A request message name as the spec spells it. */
export type RequestKind = RequestMessage['kind'];

/** Every request kind, in spec order (for table walks and exhaustive checks). */
export const REQUEST_KINDS: readonly RequestKind[] = [
  'INIT',
  'HELLO',
  'LOGON',
  'LOGOFF',
  'GOODBYE',
  'ACK_FAILURE',
  'RESET',
  'RUN',
  'BEGIN',
  'COMMIT',
  'ROLLBACK',
  'PULL_ALL',
  'DISCARD_ALL',
  'PULL',
  'DISCARD',
  'ROUTE',
  'TELEMETRY',
];

/**
 * What the decoders need to know about the negotiated version: which keys of HELLO and of the
 * transaction extra exist. Keys a version does not define are ignored like any unknown key.
 */
export interface RequestFeatures {
  /** HELLO carries the auth token (3 … 5.0). */
  readonly authInHello: boolean;
  /** HELLO `routing` (4.1+). */
  readonly helloRouting: boolean;
  /** HELLO `patch_bolt` (4.3, 4.4). */
  readonly patchBolt: boolean;
  /** `db` in RUN/BEGIN (4.0+). */
  readonly database: boolean;
  /** `imp_user` in RUN/BEGIN/ROUTE (4.4+). */
  readonly impersonation: boolean;
  /** Notification filter keys in HELLO/RUN/BEGIN (5.2+). */
  readonly notificationConfig: boolean;
  /** HELLO `bolt_agent` (5.3+). */
  readonly boltAgent: boolean;
}

/** Turns the fields of a request struct into a typed message. @throws ProtocolError (Request.Invalid) */
export type RequestDecoder = (fields: readonly unknown[], features: RequestFeatures) => RequestMessage;

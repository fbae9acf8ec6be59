/**
 * Bolt message tags (bolt-spec-digest §1.1). A message is one PackStream struct whose tag says what it is;
 * the same byte can mean different messages in different versions (INIT in 1/2, HELLO from 3) and different
 * values when nested (0x54 TELEMETRY vs Time), so tags are only meaningful for the outermost struct.
 */

/** Tags of client → server messages. */
export const REQUEST_TAG = {
  INIT: 0x01,
  HELLO: 0x01,
  GOODBYE: 0x02,
  ACK_FAILURE: 0x0e,
  RESET: 0x0f,
  RUN: 0x10,
  BEGIN: 0x11,
  COMMIT: 0x12,
  ROLLBACK: 0x13,
  DISCARD_ALL: 0x2f,
  DISCARD: 0x2f,
  PULL_ALL: 0x3f,
  PULL: 0x3f,
  TELEMETRY: 0x54,
  ROUTE: 0x66,
  LOGON: 0x6a,
  LOGOFF: 0x6b,
} as const;

/** Tags of server → client messages. */
export const RESPONSE_TAG = {
  SUCCESS: 0x70,
  RECORD: 0x71,
  IGNORED: 0x7e,
  FAILURE: 0x7f,
} as const;

/** The name of a response message, as the spec spells it. */
export type ResponseKind = keyof typeof RESPONSE_TAG;

/**
 * Tags of the Bolt value structures (bolt-spec-digest §1.2). They share the byte space with message tags
 * (`54` Time vs TELEMETRY, `66` legacy DateTimeZoneId vs ROUTE, `3F` UnsupportedType vs PULL) but never
 * meet them: the outermost struct of a message is a message, every nested struct a value.
 */
export const NODE = 0x4e;
export const RELATIONSHIP = 0x52;
export const UNBOUND_RELATIONSHIP = 0x72;
export const PATH = 0x50;

export const DATE = 0x44;
export const TIME = 0x54;
export const LOCAL_TIME = 0x74;
export const LOCAL_DATE_TIME = 0x64;
/** Offset DateTime with UTC seconds: Bolt 5.0+, or 4.3/4.4 with the `utc` patch. */
export const DATE_TIME = 0x49;
/** Zone-id DateTime with UTC seconds: Bolt 5.0+, or 4.3/4.4 with the `utc` patch. */
export const DATE_TIME_ZONE_ID = 0x69;
/** Offset DateTime with local wall-clock seconds: Bolt 2 to 4.4. */
export const LEGACY_DATE_TIME = 0x46;
/** Zone-id DateTime with local wall-clock seconds: Bolt 2 to 4.4. */
export const LEGACY_DATE_TIME_ZONE_ID = 0x66;
export const DURATION = 0x45;

export const POINT_2D = 0x58;
export const POINT_3D = 0x59;

/** Bolt 6.0: `[type_marker::Bytes(1), data::Bytes]`. */
export const VECTOR = 0x56;
/** Bolt 6.0, server to client: a placeholder for a value the negotiated version cannot carry. */
export const UNSUPPORTED_TYPE = 0x3f;

/** The structure's name as the Bolt docs spell it, for error messages. */
export const STRUCT_NAMES: Readonly<Record<number, string>> = Object.freeze({
  [NODE]: 'Node',
  [RELATIONSHIP]: 'Relationship',
  [UNBOUND_RELATIONSHIP]: 'UnboundRelationship',
  [PATH]: 'Path',
  [DATE]: 'Date',
  [TIME]: 'Time',
  [LOCAL_TIME]: 'LocalTime',
  [LOCAL_DATE_TIME]: 'LocalDateTime',
  [DATE_TIME]: 'DateTime',
  [DATE_TIME_ZONE_ID]: 'DateTimeZoneId',
  [LEGACY_DATE_TIME]: 'LegacyDateTime',
  [LEGACY_DATE_TIME_ZONE_ID]: 'LegacyDateTimeZoneId',
  [DURATION]: 'Duration',
  [POINT_2D]: 'Point2D',
  [POINT_3D]: 'Point3D',
  [VECTOR]: 'Vector',
  [UNSUPPORTED_TYPE]: 'UnsupportedType',
});

/**
 * Node id spaces of an import: each `:ID(Group)` group maps the ids written in the files to the dense node
 * ids Quiver assigns, so relationships (`:START_ID(Group)`, `:END_ID(Group)`) find their nodes. With
 * `--id-type=integer` the ids are integers (compared as numbers: `007` is `7`); with `actual` they are
 * the node ids themselves, in one space whatever the group.
 */
import { DatabaseError, Status } from '../../errors/index.js';
import type { CypherValue } from '../../values/index.js';
import type { CsvRecord } from './csv-record.js';
import { IdGroup } from './id-group.js';

/** How ids in the files are read (neo4j-admin `--id-type`). */
export type IdType = 'string' | 'integer' | 'actual';

/** An id as a map key: the text itself (string ids) or its number. */
export type IdKey = string | number;

const INTEGER = /^[+-]?\d+$/;
/** The largest `actual` node id accepted: storage tables grow to the highest id. */
const MAX_ACTUAL_ID = 2 ** 31 - 1;
/** String ids that are canonical integers below this become numeric keys (see `stringIdKey`). */
const STRING_KEY_LIMIT = 1e9;

/** The id spaces of one import. */
export class IdSpaces {
  readonly idType: IdType;
  private readonly groups = new Map<string, IdGroup>();

  constructor(idType: IdType) {
    this.idType = idType;
  }

  /** The id map of `group` (created on first use; `actual` ids share one space). */
  group(name: string): IdGroup {
    const key = this.idType === 'actual' ? '' : name;
    let group = this.groups.get(key);
    if (group === undefined) {
      group = new IdGroup();
      this.groups.set(key, group);
    }
    return group;
  }

  /**
   * The map key of an id as written in a file.
   * @throws DatabaseError (ArgumentError) for a non-integer id with integer or actual ids.
   */
  keyOf(text: string): IdKey {
    if (this.idType === 'string') return stringIdKey(text);
    const digits = digitsValue(text);
    if (digits >= 0) return digits;
    const trimmed = text.trim();
    const value = INTEGER.test(trimmed) ? Number(trimmed) : Number.NaN;
    if (!Number.isSafeInteger(value)) {
      throw new DatabaseError(
        Status.ArgumentError,
        `id '${text}' is not an integer (--id-type=${this.idType})`,
      );
    }
    if (this.idType === 'actual' && (value < 0 || value > MAX_ACTUAL_ID)) {
      throw new DatabaseError(
        Status.ArgumentError,
        `id '${text}' is not a node id from 0 to ${MAX_ACTUAL_ID}`,
      );
    }
    return value === 0 ? 0 : value; // -0 and 0 are one id
  }

  /**
   * The key of field `index` of `record` (which must be present): `keyOf` of its text, read straight from
   * the characters when the field is plain digits, as bulk files' ids most often are.
   * @throws DatabaseError (ArgumentError) as `keyOf`.
   */
  keyOfField(record: CsvRecord, index: number): IdKey {
    if (this.idType === 'string') {
      // Canonical digits below 10^9 are the numeric keys of `stringIdKey`.
      const value = record.digitsValue(index, true);
      if (value >= 0 && value < STRING_KEY_LIMIT) return value;
    } else {
      const value = record.digitsValue(index);
      if (value >= 0 && (this.idType === 'integer' || value <= MAX_ACTUAL_ID)) return value;
    }
    return this.keyOf(record.field(index) ?? '');
  }

  /** The value stored in the id column's property (`id:ID`): the text for string ids, else INTEGER. */
  propertyValue(key: IdKey, text: string): CypherValue {
    return this.idType === 'string' ? text : BigInt(key);
  }
}

/** The value of 1 to 9 decimal digits (leading zeros allowed), or -1 for any other text: the fast path. */
function digitsValue(text: string): number {
  const length = text.length;
  if (length === 0 || length > 9) return -1;
  let value = 0;
  for (let index = 0; index < length; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * The key of a string id. Text that is the canonical decimal form of an integer below 10^9 (`0`, `42`, not
 * `042` or `+42`) becomes that number: the mapping is one-to-one, so no two texts share a key, and
 * numeric keys take the dense path of {@link IdGroup}.
 */
export function stringIdKey(text: string): IdKey {
  const length = text.length;
  if (length === 0 || length > 9) return text;
  let value = text.charCodeAt(0) - 48;
  if (value < 0 || value > 9 || (value === 0 && length > 1)) return text;
  for (let index = 1; index < length; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return text;
    value = value * 10 + digit;
  }
  return value;
}

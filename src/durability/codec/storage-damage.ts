import { DatabaseError, Status } from '../../errors/index.js';

/**
 * The error for bytes that cannot be what Quiver wrote: a truncated or malformed encoding, an unknown tag,
 * a checksum mismatch where none may occur. Durability never guesses past such bytes.
 * @throws nothing; returns `DatabaseError` with `Neo.DatabaseError.General.StorageDamageDetected`.
 */
export function storageDamage(message: string, cause?: unknown): DatabaseError {
  return new DatabaseError(Status.StorageDamageDetected, message, cause === undefined ? {} : { cause });
}

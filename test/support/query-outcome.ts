import { DatabaseError } from '../../src/errors/index.js';
import type { Database } from '../../src/engine/index.js';

/** Runs a query to its end in its own session and answers its error code, or `ok`. */
export async function queryOutcome(db: Database, query: string): Promise<string> {
  try {
    await db.session().run(query).records();
    return 'ok';
  } catch (error) {
    return error instanceof DatabaseError ? error.code : String(error);
  }
}

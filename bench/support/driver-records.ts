/**
 * Counting a query's records through neo4j-driver's push API (`subscribe`), the way the driver benchmarks
 * consume streams: each record is only counted, so the figures measure the driver's decoding, not user code.
 */
import type { Session } from 'neo4j-driver-6';

/** Runs `query` on `session`, counting its records in `onNext`; resolves with the count. */
export function countRecords(
  session: Session,
  query: string,
  parameters: Record<string, unknown>,
): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let records = 0;
    session.run(query, parameters).subscribe({
      onNext: () => {
        records++;
      },
      onCompleted: () => {
        resolve(records);
      },
      onError: reject,
    });
  });
}

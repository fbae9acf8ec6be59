import { Duration, type CypherMap } from '../../values/index.js';
import type { EngineTransaction } from '../engine-transaction.js';
import { showTable, type ShowTable } from './show-table.js';

function status(transaction: EngineTransaction): string {
  const reason = transaction.terminationReason;
  return reason === undefined ? 'Running' : `Terminated with reason: ${reason.code}`;
}

function row(transaction: EngineTransaction, now: number): CypherMap {
  const elapsedMs = now - transaction.startedAt;
  return {
    database: transaction.engine.name,
    transactionId: transaction.id,
    currentQueryId: '',
    connectionId: '',
    clientAddress: '',
    username: transaction.username,
    currentQuery: transaction.currentQuery,
    startTime: new Date(transaction.startedAt).toISOString(),
    status: status(transaction),
    elapsedTime: new Duration(0, 0, Math.floor(elapsedMs / 1000), (elapsedMs % 1000) * 1_000_000),
    outerTransactionId: '',
    metaData: transaction.metadata,
    parameters: {},
    planner: '',
    runtime: '',
    indexes: [],
    protocol: '',
    requestUri: '',
    statusDetails: '',
    resourceInformation: {},
    activeLockCount: 0n,
    cpuTime: null,
    waitTime: new Duration(0, 0, 0, 0),
    idleTime: null,
    allocatedDirectMemory: null,
    // Known only while the memory guard tracks (a limit is set), as in Neo4j without allocation tracking.
    estimatedUsedHeapMemory: transaction.memory.isTracking ? BigInt(transaction.memory.used) : null,
    pageHits: 0n,
    pageFaults: 0n,
    initializationStackTrace: '',
  };
}

/** SHOW TRANSACTIONS [ids]: the open transactions of `transactions`, optionally only those with the ids. */
export function transactionTable(
  transactions: readonly EngineTransaction[],
  ids: readonly string[] | undefined,
): ShowTable {
  const now = Date.now();
  const rows = transactions
    .filter((transaction) => transaction.isOpen && (ids === undefined || ids.includes(transaction.id)))
    .map((transaction) => row(transaction, now));
  return showTable(
    [
      'database',
      'transactionId',
      'currentQueryId',
      'connectionId',
      'clientAddress',
      'username',
      'currentQuery',
      'startTime',
      'status',
      'elapsedTime',
    ],
    [
      'outerTransactionId',
      'metaData',
      'parameters',
      'planner',
      'runtime',
      'indexes',
      'protocol',
      'requestUri',
      'statusDetails',
      'resourceInformation',
      'activeLockCount',
      'cpuTime',
      'waitTime',
      'idleTime',
      'allocatedDirectMemory',
      'estimatedUsedHeapMemory',
      'pageHits',
      'pageFaults',
      'initializationStackTrace',
    ],
    rows,
  );
}

/** TERMINATE TRANSACTIONS ids: terminates each one found; one row per id, as Neo4j reports. */
export function terminateTable(
  transactions: readonly EngineTransaction[],
  ids: readonly string[],
): ShowTable {
  const rows = ids.map((id): CypherMap => {
    const transaction = transactions.find((candidate) => candidate.id === id && candidate.isOpen);
    transaction?.terminate();
    return {
      transactionId: id,
      username: transaction === undefined ? null : transaction.username,
      message: transaction === undefined ? 'Transaction not found.' : 'Transaction terminated.',
    };
  });
  return showTable(['transactionId', 'username', 'message'], [], rows);
}

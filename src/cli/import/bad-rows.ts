/**
 * The bad-row policy of an import. Every bad row goes to the report with `file:line: reason` and is counted
 * in the summary. Rows of the wrong width or with unparsable values are skipped while the count stays
 * within `--bad-tolerance`. A duplicate node id or a relationship to a missing node stops the import at
 * once, as in neo4j-admin, unless `--skip-duplicate-nodes` / `--skip-bad-relationships` says to skip such
 * rows (those are then counted against the tolerance too).
 */
import { DatabaseError, Status } from '../../errors/index.js';

/** Why a row was not imported. */
export type BadRowKind = 'format' | 'duplicate-node' | 'missing-node';

/** The options that decide what happens to bad rows. */
export interface BadRowPolicy {
  readonly badTolerance: number;
  readonly skipBadRelationships: boolean;
  readonly skipDuplicateNodes: boolean;
}

/** Where report lines go (a file in the command, an array in tests). */
export interface ReportSink {
  write(line: string): void;
}

/** Counts bad rows, reports them and stops the import when the policy says so. */
export class BadRows {
  private readonly policy: BadRowPolicy;
  private readonly report: ReportSink;
  readonly counts: Record<BadRowKind, number> = { format: 0, 'duplicate-node': 0, 'missing-node': 0 };
  total = 0;

  constructor(policy: BadRowPolicy, report: ReportSink) {
    this.policy = policy;
    this.report = report;
  }

  /**
   * Records one bad row.
   * @throws DatabaseError (ArgumentError) when the import must stop: a duplicate node or a missing node
   * without its skip flag, or more bad rows than the tolerance.
   */
  record(kind: BadRowKind, source: string, line: number, reason: string): void {
    this.report.write(`${source}:${line}: ${reason}`);
    this.counts[kind]++;
    this.total++;
    if (kind === 'duplicate-node' && !this.policy.skipDuplicateNodes) {
      throw stop(`${source}:${line}: ${reason} (use --skip-duplicate-nodes to skip such rows)`);
    }
    if (kind === 'missing-node' && !this.policy.skipBadRelationships) {
      throw stop(`${source}:${line}: ${reason} (use --skip-bad-relationships to skip such rows)`);
    }
    if (this.total > this.policy.badTolerance) {
      throw stop(
        `too many bad rows: ${this.total} is more than --bad-tolerance=${this.policy.badTolerance}; ` +
          `the last one was ${source}:${line}: ${reason}`,
      );
    }
  }
}

function stop(message: string): DatabaseError {
  return new DatabaseError(Status.ArgumentError, `Import stopped: ${message}`);
}

import type { BadRowKind } from './bad-rows.js';

/** neo4j-admin's duration style: `345ms`, `1s 234ms`, `2m 3s 4ms`. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const minutes = Math.floor(total / 60_000);
  const seconds = Math.floor((total % 60_000) / 1000);
  const millis = total % 1000;
  if (minutes > 0) return `${minutes}m ${seconds}s ${millis}ms`;
  if (seconds > 0) return `${seconds}s ${millis}ms`;
  return `${millis}ms`;
}

/** The figures of the final line. */
export interface SummaryFigures {
  readonly durationMs: number;
  readonly nodes: number;
  readonly relationships: number;
  readonly properties: number;
  readonly badRows: number;
  readonly badRowCounts: Readonly<Record<BadRowKind, number>>;
  readonly reportFile: string;
}

const KIND_NAMES: Readonly<Record<BadRowKind, string>> = {
  format: 'malformed',
  'duplicate-node': 'duplicate nodes',
  'missing-node': 'relationships to missing nodes',
};

/**
 * `IMPORT DONE in 1s 234ms. Imported: N nodes, M relationships, P properties`, plus the skipped rows by
 * kind and where they are reported, so nothing is dropped silently.
 */
export function formatSummary(figures: SummaryFigures): string {
  let text =
    `IMPORT DONE in ${formatDuration(figures.durationMs)}. Imported: ${figures.nodes} nodes, ` +
    `${figures.relationships} relationships, ${figures.properties} properties`;
  if (figures.badRows > 0) {
    const kinds = (Object.keys(KIND_NAMES) as BadRowKind[])
      .filter((kind) => figures.badRowCounts[kind] > 0)
      .map((kind) => `${figures.badRowCounts[kind]} ${KIND_NAMES[kind]}`);
    text += `\nSkipped ${figures.badRows} bad rows (${kinds.join(', ')}); see ${figures.reportFile}`;
  }
  return text;
}

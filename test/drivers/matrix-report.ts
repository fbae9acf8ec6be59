/**
 * The driver × scenario matrix: every cell is recorded as pass (with an optional note saying what was
 * checked instead of a missing API), fail (with the error) or skip (with the reason), and rendered as a
 * Markdown table with numbered footnotes. Cells never recorded show up as `MISSING` and make the summary
 * test fail, so no scenario can pass silently by not running.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SCENARIO_IDS, SCENARIO_TITLES, type ScenarioId } from './scenario-list.js';

export type Outcome =
  | { readonly status: 'pass'; readonly note?: string }
  | { readonly status: 'fail'; readonly reason: string }
  | { readonly status: 'skip'; readonly reason: string };

/** One matrix row: a client (driver line or Quiver's client) over one transport. */
export interface MatrixRow {
  readonly id: string;
  /** e.g. `neo4j-driver 4.3.5 (internals 4.4.11)` */
  readonly client: string;
  /** e.g. `TCP`, `TLS (bolt+ssc)`, `WebSocket` */
  readonly transport: string;
}

interface RowState {
  readonly row: MatrixRow;
  /** The Bolt version the server negotiated, learned while the scenarios run. */
  bolt: string;
  readonly cells: Map<ScenarioId, Outcome>;
}

const MAX_REASON = 240;

/** Collects outcomes and renders the matrix. */
export class DriverMatrix {
  private readonly rows = new Map<string, RowState>();
  private readonly startedAt = Date.now();

  addRow(row: MatrixRow): void {
    this.rows.set(row.id, { row, bolt: '?', cells: new Map() });
  }

  setBolt(rowId: string, bolt: string): void {
    const state = this.rows.get(rowId);
    if (state !== undefined) state.bolt = bolt;
  }

  record(rowId: string, scenario: ScenarioId, outcome: Outcome): void {
    this.rows.get(rowId)?.cells.set(scenario, outcome);
  }

  /** Cells that were never recorded, as `row/scenario`. */
  missingCells(): string[] {
    const missing: string[] = [];
    for (const { row, cells } of this.rows.values()) {
      for (const id of SCENARIO_IDS) if (!cells.has(id)) missing.push(`${row.id}/${id}`);
    }
    return missing;
  }

  /** Outcome counts. */
  totals(): { pass: number; fail: number; skip: number; missing: number } {
    const totals = { pass: 0, fail: 0, skip: 0, missing: 0 };
    for (const { cells } of this.rows.values()) {
      for (const id of SCENARIO_IDS) {
        const outcome = cells.get(id);
        if (outcome === undefined) totals.missing++;
        else totals[outcome.status]++;
      }
    }
    return totals;
  }

  /** The failed cells with their reasons. */
  failures(): { row: string; scenario: ScenarioId; reason: string }[] {
    const out: { row: string; scenario: ScenarioId; reason: string }[] = [];
    for (const { row, cells } of this.rows.values()) {
      for (const id of SCENARIO_IDS) {
        const outcome = cells.get(id);
        if (outcome?.status === 'fail') out.push({ row: row.id, scenario: id, reason: outcome.reason });
      }
    }
    return out;
  }

  toMarkdown(): string {
    const notes: string[] = [];
    const footnote = (text: string): string => {
      let index = notes.indexOf(text);
      if (index < 0) index = notes.push(text) - 1;
      return `[${index + 1}]`;
    };
    const cell = (outcome: Outcome | undefined): string => {
      if (outcome === undefined) return 'MISSING';
      switch (outcome.status) {
        case 'pass':
          return outcome.note === undefined ? 'pass' : `pass${footnote(outcome.note)}`;
        case 'fail':
          return `**FAIL**${footnote(`FAIL: ${shorten(outcome.reason)}`)}`;
        case 'skip':
          return `skip${footnote(`skipped: ${outcome.reason}`)}`;
      }
    };
    const header = ['client', 'transport', 'Bolt', ...SCENARIO_IDS];
    const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`];
    for (const { row, bolt, cells } of this.rows.values()) {
      const values = SCENARIO_IDS.map((id) => cell(cells.get(id)));
      lines.push(`| ${[row.client, row.transport, bolt, ...values].join(' | ')} |`);
    }
    const totals = this.totals();
    const seconds = ((Date.now() - this.startedAt) / 1000).toFixed(1);
    return [
      '# Quiver driver matrix',
      '',
      `${totals.pass} pass, ${totals.fail} fail, ${totals.skip} skip, ${totals.missing} missing ` +
        `(${this.rows.size} rows × ${SCENARIO_IDS.length} scenarios, ${seconds} s).`,
      '',
      ...lines,
      '',
      'Notes:',
      '',
      ...notes.map((text, index) => `${index + 1}. ${text.replace(/\|/g, '\\|')}`),
      '',
      'Scenarios:',
      '',
      ...SCENARIO_IDS.map((id) => `- \`${id}\`: ${SCENARIO_TITLES[id]}`),
      '',
    ].join('\n');
  }

  /** Writes the Markdown to `path` (creating its folder). */
  writeMarkdown(path: string): void {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, this.toMarkdown());
  }
}

function shorten(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > MAX_REASON ? `${line.slice(0, MAX_REASON)}…` : line;
}

/** The first line of an error, with its Neo4j code when it has one. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const prefix = typeof code === 'string' && code !== '' ? `${code}: ` : '';
    return `${prefix}${error.message}`;
  }
  return String(error);
}

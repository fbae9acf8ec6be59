/**
 * Turns the data rows of one `--nodes` group into loaded nodes: labels from the group and the
 * `:LABEL` column, the node id from the `:ID` column (kept as a property when the column has a name, as
 * neo4j-admin does) and the typed properties. A row is checked completely before its id is registered,
 * so a bad row leaves no trace but its report line.
 */
import { DatabaseError, Status } from '../../errors/index.js';
import type { CypherValue } from '../../values/index.js';
import type { CsvRecord } from './csv-record.js';
import type { Header } from './header.js';
import type { IdGroup } from './id-group.js';
import type { IdKey } from './id-spaces.js';
import {
  appendProperties,
  propertyPlans,
  reasonOf,
  widthReason,
  type ImportContext,
  type PropertyPlan,
} from './import-context.js';

/** One `--nodes[=Label1:Label2]=files` option. */
export interface NodeInput {
  readonly labels: readonly string[];
  readonly files: readonly string[];
}

/** The row handler of one node group. */
export class NodeRows {
  private readonly context: ImportContext;
  private readonly width: number;
  private readonly idIndex: number;
  private readonly idKey: number | undefined;
  private readonly group: IdGroup;
  private readonly groupName: string;
  private readonly labelIndexes: readonly number[];
  private readonly baseLabels: readonly number[];
  private readonly labelCache = new Map<string, readonly number[]>();
  private readonly properties: readonly PropertyPlan[];

  constructor(header: Header, input: NodeInput, context: ImportContext, source: string) {
    this.context = context;
    const { columns } = header;
    this.width = columns.length;
    this.idIndex = columns.findIndex((column) => column.kind === 'id');
    const idColumn = columns[this.idIndex];
    if (idColumn === undefined && context.ids.idType === 'actual') {
      throw new DatabaseError(
        Status.ArgumentError,
        `Invalid header in ${source}: --id-type=actual needs an :ID column in every node file`,
      );
    }
    const named = idColumn?.kind === 'id' ? idColumn : undefined;
    this.groupName = named?.group ?? '';
    this.group = context.ids.group(this.groupName);
    this.idKey = named?.name === undefined ? undefined : context.loader.token('PROPERTY_KEY', named.name);
    this.labelIndexes = columns.flatMap((column, index) => (column.kind === 'label' ? [index] : []));
    this.baseLabels = Object.freeze(input.labels.map((label) => context.loader.token('LABEL', label)));
    this.properties = propertyPlans(columns, context);
  }

  row(record: CsvRecord, source: string, line: number): void {
    const { context } = this;
    if (record.count !== this.width) {
      context.badRows.record('format', source, line, widthReason(record.count, this.width));
      return;
    }
    let key: IdKey | undefined;
    if (this.idIndex >= 0) {
      if (record.isAbsent(this.idIndex)) {
        context.badRows.record('format', source, line, 'the :ID field is empty');
        return;
      }
      try {
        key = context.ids.keyOfField(record, this.idIndex);
      } catch (error) {
        context.badRows.record('format', source, line, reasonOf(error));
        return;
      }
      if (this.group.has(key)) {
        const where = this.groupName === '' ? '' : ` in group '${this.groupName}'`;
        const text = record.field(this.idIndex) ?? '';
        context.badRows.record('duplicate-node', source, line, `duplicate node id '${text}'${where}`);
        return;
      }
    }
    // A fresh array per node: the store keeps it as the node's property map.
    const properties: (number | CypherValue)[] = [];
    if (this.idKey !== undefined && key !== undefined) {
      const value =
        typeof key === 'number' && context.ids.idType !== 'string'
          ? BigInt(key)
          : context.ids.propertyValue(key, record.field(this.idIndex) ?? '');
      properties.push(this.idKey, value);
    }
    if (!appendProperties(record, this.properties, properties, context, source, line)) return;
    const labels = this.labelIndexes.length === 0 ? this.baseLabels : this.labelsOf(record);
    const { counters } = context;
    const id = typeof key === 'number' && context.ids.idType === 'actual' ? key : counters.nextNodeId++;
    if (key !== undefined) this.group.set(key, id);
    context.loader.createNode(id, labels, properties);
    counters.nodes++;
    counters.properties += properties.length / 2;
  }

  /** The group's labels plus those of the `:LABEL` fields (split at the array delimiter). */
  private labelsOf(record: CsvRecord): readonly number[] {
    let text = '';
    for (const index of this.labelIndexes) text += `${record.field(index) ?? ''}\u0000`;
    const cached = this.labelCache.get(text);
    if (cached !== undefined) return cached;
    const labels = [...this.baseLabels];
    for (const index of this.labelIndexes) {
      for (const name of (record.field(index) ?? '').split(this.context.values.arrayDelimiter)) {
        const trimmed = name.trim();
        if (trimmed !== '') labels.push(this.context.loader.token('LABEL', trimmed));
      }
    }
    const frozen = Object.freeze(labels);
    if (this.labelCache.size < 10_000) this.labelCache.set(text, frozen);
    return frozen;
  }
}

/**
 * Turns the data rows of one `--relationships` group into loaded relationships: the endpoints are
 * looked up in their id groups, the type comes from the `:TYPE` field or else from the option, and the
 * typed properties follow. A relationship whose endpoint was not imported is a `missing-node` bad row.
 */
import type { CypherValue } from '../../values/index.js';
import type { CsvRecord } from './csv-record.js';
import { NO_PROPERTIES } from './graph-loader.js';
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

/** One `--relationships[=TYPE]=files` option. */
export interface RelationshipInput {
  readonly type: string | undefined;
  readonly files: readonly string[];
}

interface Endpoint {
  readonly index: number;
  readonly group: IdGroup;
  readonly groupName: string;
  readonly role: 'start' | 'end';
}

/** The row handler of one relationship group. */
export class RelationshipRows {
  private readonly context: ImportContext;
  private readonly width: number;
  private readonly start: Endpoint;
  private readonly end: Endpoint;
  private readonly typeIndex: number;
  private readonly defaultType: number | undefined;
  private readonly types = new Map<string, number>();
  private readonly properties: readonly PropertyPlan[];

  constructor(header: Header, input: RelationshipInput, context: ImportContext) {
    this.context = context;
    const { columns } = header;
    this.width = columns.length;
    const endpoint = (role: 'start' | 'end'): Endpoint => {
      const index = columns.findIndex((column) => column.kind === role);
      const column = columns[index];
      const groupName = column?.kind === role ? column.group : '';
      return { index, group: context.ids.group(groupName), groupName, role };
    };
    this.start = endpoint('start');
    this.end = endpoint('end');
    this.typeIndex = columns.findIndex((column) => column.kind === 'type');
    this.defaultType =
      input.type === undefined ? undefined : context.loader.token('RELATIONSHIP_TYPE', input.type);
    this.properties = propertyPlans(columns, context);
  }

  row(record: CsvRecord, source: string, line: number): void {
    const { context } = this;
    if (record.count !== this.width) {
      context.badRows.record('format', source, line, widthReason(record.count, this.width));
      return;
    }
    const type = this.typeOf(record);
    if (type === undefined) {
      context.badRows.record(
        'format',
        source,
        line,
        'no relationship type (empty :TYPE, no type in the option)',
      );
      return;
    }
    const start = this.resolve(this.start, record, source, line);
    if (start === undefined) return;
    const end = this.resolve(this.end, record, source, line);
    if (end === undefined) return;
    let properties = NO_PROPERTIES;
    if (this.properties.length > 0) {
      const built: (number | CypherValue)[] = [];
      if (!appendProperties(record, this.properties, built, context, source, line)) return;
      properties = built;
    }
    const { counters } = context;
    context.loader.createRelationship(counters.nextRelationshipId++, type, start, end, properties);
    counters.relationships++;
    counters.properties += properties.length / 2;
  }

  private typeOf(record: CsvRecord): number | undefined {
    if (this.typeIndex < 0) return this.defaultType;
    const name = record.field(this.typeIndex)?.trim();
    if (name === undefined || name === '') return this.defaultType;
    let type = this.types.get(name);
    if (type === undefined) {
      type = this.context.loader.token('RELATIONSHIP_TYPE', name);
      this.types.set(name, type);
    }
    return type;
  }

  /** The node id of an endpoint, or `undefined` after reporting why there is none. */
  private resolve(endpoint: Endpoint, record: CsvRecord, source: string, line: number): number | undefined {
    const { context } = this;
    if (record.isAbsent(endpoint.index)) {
      const label = endpoint.role === 'start' ? ':START_ID' : ':END_ID';
      context.badRows.record('format', source, line, `the ${label} field is empty`);
      return undefined;
    }
    let key: IdKey;
    try {
      key = context.ids.keyOfField(record, endpoint.index);
    } catch (error) {
      context.badRows.record('format', source, line, reasonOf(error));
      return undefined;
    }
    const id = endpoint.group.get(key);
    if (id === undefined) {
      const where = endpoint.groupName === '' ? '' : ` in group '${endpoint.groupName}'`;
      const text = record.field(endpoint.index) ?? '';
      context.badRows.record(
        'missing-node',
        source,
        line,
        `${endpoint.role} node '${text}'${where} does not exist`,
      );
    }
    return id;
  }
}

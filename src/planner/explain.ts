import { FILE_VARIABLE, LINENUMBER_VARIABLE } from './build/plan-load-csv.js';
import type { CatalogView } from './catalog-view.js';
import { seekDetails, seekOperatorName } from './explain-seeks.js';
import type { PhysicalPlan, PlanExpression } from './plan/physical-plan.js';
import type { OperatorStats, PlanDescription, ProfiledPlanDescription } from './plan/query-plan.js';

/**
 * The EXPLAIN description of a physical plan (Neo4j operator names, identifiers, Details, EstimatedRows),
 * and `formatPlan`, its indented text form used by golden tests.
 */
export function describePlan(plan: PhysicalPlan, catalog: CatalogView): PlanDescription {
  return describeNode(plan, catalog, undefined);
}

/** The PROFILE description: the EXPLAIN one plus each operator's rows, db hits and time. */
export function profilePlan(
  plan: PhysicalPlan,
  catalog: CatalogView,
  stats: (node: PhysicalPlan) => OperatorStats | undefined,
): ProfiledPlanDescription {
  return describeNode(plan, catalog, stats) as ProfiledPlanDescription;
}

function describeNode(
  plan: PhysicalPlan,
  catalog: CatalogView,
  stats: ((node: PhysicalPlan) => OperatorStats | undefined) | undefined,
): PlanDescription {
  const children = childrenOf(plan).map((child) => describeNode(child, catalog, stats));
  const estimate = estimateRows(plan, catalog, children);
  const [operatorType, details] = nameAndDetails(plan);
  const identifiers = [
    ...new Set(children.flatMap((child) => child.identifiers).concat(boundNames(plan))),
  ].filter((name) => !name.startsWith('  '));
  const args = details === '' ? { EstimatedRows: estimate } : { Details: details, EstimatedRows: estimate };
  if (stats === undefined) return { operatorType, identifiers, arguments: args, children };
  const figures = stats(plan) ?? { rows: 0, dbHits: 0, time: 0 };
  const profiled = { ...args, Rows: figures.rows, DbHits: figures.dbHits, Time: figures.time };
  return { operatorType, identifiers, arguments: profiled, children, ...figures };
}

function childrenOf(plan: PhysicalPlan): PhysicalPlan[] {
  if (plan.kind === 'Argument') return [];
  if (plan.kind === 'Apply' || plan.kind === 'Union' || plan.kind === 'TransactionApply')
    return [plan.left, plan.right];
  if (plan.kind === 'Merge') return [plan.source, plan.match];
  if (plan.kind === 'Foreach') return [plan.source, plan.body];
  if (plan.kind === 'Trail') return [plan.source, plan.inner];
  // A leaf reading rows of an Argument is printed as a leaf; over anything else as its child.
  return plan.source.kind === 'Argument' && isLeaf(plan) ? [] : [plan.source];
}

function isLeaf(plan: PhysicalPlan): boolean {
  return [
    'AllNodesScan',
    'NodeCountFromCountStore',
    'NodeByLabelScan',
    'NodeIndexSeek',
    'NodeByIdSeek',
    'RelationshipIndexSeek',
    'Unwind',
    'LoadCSV',
    'ProcedureCall',
  ].includes(plan.kind);
}

function boundNames(plan: PhysicalPlan): string[] {
  if ('variable' in plan && typeof plan.variable === 'string') return [plan.variable];
  if (plan.kind === 'Expand' || plan.kind === 'VarLengthExpand' || plan.kind === 'RelationshipIndexSeek')
    return [...plan.names];
  if (plan.kind === 'Trail') return [plan.names[0], plan.names[2], ...plan.groups.map((group) => group.name)];
  if (plan.kind === 'Projection') return plan.items.map((item) => item.name);
  if (plan.kind === 'EagerAggregation') return plan.groupings.map((item) => item.name);
  if (plan.kind === 'ProduceResults') return [...plan.columns];
  if (plan.kind === 'ProcedureCall') return plan.yields.map((item) => item.name);
  if (plan.kind === 'Create')
    return [...plan.nodes.map((n) => n.variable), ...plan.relationships.map((r) => r.variable)];
  return [];
}

function text(expression: PlanExpression | undefined): string {
  if (expression === undefined) return '';
  return printExpression(expression.expression);
}

/** A compact rendering of an expression for Details (not a full printer: enough to read plans). */
function printExpression(expression: PlanExpression['expression']): string {
  const print = printers[expression.kind] as ((e: typeof expression) => string) | undefined;
  return print === undefined ? expression.kind : print(expression);
}

/** The hidden variables `linenumber()` and `file()` are planned as, printed as the calls they replace. */
const LOAD_CSV_FUNCTION_TEXT: ReadonlyMap<string, string> = new Map([
  [LINENUMBER_VARIABLE, 'linenumber()'],
  [FILE_VARIABLE, 'file()'],
]);

type Printers = {
  readonly [K in PlanExpression['expression']['kind']]?: (
    expression: Extract<PlanExpression['expression'], { kind: K }>,
  ) => string;
};

const printers: Printers = {
  Variable: (e) => LOAD_CSV_FUNCTION_TEXT.get(e.name) ?? (e.name.startsWith('  ') ? 'anon' : e.name),
  Literal: (e) => (typeof e.value === 'string' ? `'${e.value}'` : String(e.value)),
  Parameter: (e) => `$${e.name}`,
  PropertyAccess: (e) => `${printExpression(e.subject)}.${e.key}`,
  BinaryOperation: (e) => `${printExpression(e.left)} ${e.operator} ${printExpression(e.right)}`,
  LabelCheck: (e) => `${printExpression(e.subject)}:${labelText(e.labels)}`,
  FunctionCall: (e) => `${e.name}(${e.args.map(printExpression).join(', ')})`,
  CountStar: () => 'count(*)',
};

function labelText(labels: Extract<PlanExpression['expression'], { kind: 'LabelCheck' }>['labels']): string {
  switch (labels.kind) {
    case 'LabelName':
      return labels.name;
    case 'LabelAnd':
      return labels.operands.map(labelText).join(':');
    case 'LabelOr':
      return labels.operands.map(labelText).join('|');
    case 'LabelNot':
      return `!${labelText(labels.operand)}`;
    case 'LabelWildcard':
      return '%';
    case 'LabelDynamic':
      return `$${labels.any ? 'any' : ''}(${printExpression(labels.expression)})`;
  }
}

function arrow(direction: string, from: string, rel: string, to: string, types: readonly string[]): string {
  const typeText = types.length > 0 ? `:${types.join('|')}` : '';
  const body = `[${rel.startsWith('  ') ? 'anon' : rel}${typeText}]`;
  const f = from.startsWith('  ') ? 'anon' : from;
  const t = to.startsWith('  ') ? 'anon' : to;
  if (direction === 'OUTGOING') return `(${f})-${body}->(${t})`;
  if (direction === 'INCOMING') return `(${f})<-${body}-(${t})`;
  return `(${f})-${body}-(${t})`;
}

function nameAndDetails(plan: PhysicalPlan): [string, string] {
  switch (plan.kind) {
    case 'Argument':
      return ['Argument', ''];
    case 'AllNodesScan':
      return ['AllNodesScan', plan.variable];
    case 'NodeCountFromCountStore':
      return [
        'NodeCountFromCountStore',
        plan.texts.join(', ') + (plan.label === undefined ? '' : ` (:${plan.label})`),
      ];
    case 'NodeByLabelScan':
      return ['NodeByLabelScan', `${plan.variable}:${plan.label}`];
    case 'NodeIndexSeek':
      return [
        seekOperatorName('Node', plan.query, plan.unique, plan.properties.length),
        seekDetails(`${plan.variable}:${plan.label}(${plan.properties.join(', ')})`, plan, text),
      ];
    case 'RelationshipIndexSeek':
      return [
        seekOperatorName(
          plan.direction === 'BOTH' ? 'UndirectedRelationship' : 'DirectedRelationship',
          plan.query,
          plan.unique,
          plan.properties.length,
        ),
        seekDetails(
          arrow(plan.direction, ...plan.names, [`${plan.type}(${plan.properties.join(', ')})`]),
          plan,
          text,
        ),
      ];
    case 'NodeByIdSeek':
      return ['NodeByIdSeek', `${plan.variable} WHERE id(${plan.variable}) = ${text(plan.ids)}`];
    case 'Expand':
      return [plan.into ? 'Expand(Into)' : 'Expand(All)', arrow(plan.direction, ...plan.names, plan.types)];
    case 'VarLengthExpand':
      return [
        plan.into ? 'VarLengthExpand(Into)' : 'VarLengthExpand(All)',
        arrow(plan.direction, ...plan.names, plan.types),
      ];
    case 'Trail': {
      const [from, , to] = plan.names.map((name) => (name.startsWith('  ') ? 'anon' : name));
      return ['Repeat(Trail)', `(${from ?? ''}) ${plan.text} (${to ?? ''})`];
    }
    case 'ShortestPath':
      return ['ShortestPath', plan.text];
    case 'PathSelection':
      return ['StatefulShortestPath', `${plan.selector} ${text(plan.count)}`];
    case 'Filter':
      return ['Filter', text(plan.predicate)];
    case 'Projection':
      return ['Projection', plan.items.map((item) => `${text(item.value)} AS ${item.name}`).join(', ')];
    case 'ProjectPath':
      return ['Projection', `path AS ${plan.variable}`];
    case 'EagerAggregation':
      return ['EagerAggregation', plan.groupings.map((g) => g.name).join(', ')];
    case 'Distinct':
      return ['Distinct', plan.names.join(', ')];
    case 'Sort':
      return [
        'Sort',
        plan.keys.map((key) => `${text(key.value)} ${key.descending ? 'DESC' : 'ASC'}`).join(', '),
      ];
    case 'Top':
      return [
        'Top',
        `${plan.keys.map((key) => `${text(key.value)} ${key.descending ? 'DESC' : 'ASC'}`).join(', ')} LIMIT ${text(plan.limit)}`,
      ];
    case 'Skip':
      return ['Skip', text(plan.count)];
    case 'Limit':
      return ['Limit', text(plan.count)];
    case 'Unwind':
      return ['Unwind', `${text(plan.list)} AS ${plan.variable}`];
    case 'LoadCSV':
      return ['LoadCSV', plan.variable];
    case 'Apply':
      return [plan.mode === 'OPTIONAL' && plan.label === 'Optional' ? 'Apply' : plan.label, ''];
    case 'TransactionApply':
      return [
        plan.unit ? 'TransactionForeach' : 'TransactionApply',
        `IN TRANSACTIONS OF ${text(plan.batchSize) || '1000'} ROWS ON ERROR ${plan.onError}`,
      ];
    case 'Union':
      return ['Union', ''];
    case 'ProduceResults':
      return ['ProduceResults', plan.columns.join(', ')];
    case 'EmptyResult':
      return ['EmptyResult', ''];
    case 'Eager':
      return ['Eager', ''];
    case 'Create':
      return [
        'Create',
        [
          ...plan.nodes.map((n) => `(${n.variable})`),
          ...plan.relationships.map((r) => `[${r.variable}:${r.type}]`),
        ]
          .join(', ')
          .replace(/ {2}UNNAMED\d+/g, 'anon'),
      ];
    case 'Merge':
      return ['Merge', plan.text];
    case 'Set':
      return [
        plan.items.length === 1 && plan.items[0]?.kind.startsWith('Remove') ? 'RemoveLabels' : 'SetProperty',
        '',
      ];
    case 'Delete':
      return [plan.detach ? 'DetachDelete' : 'Delete', plan.values.map(text).join(', ')];
    case 'Foreach':
      return ['Foreach', `${plan.variable} IN ${text(plan.list)}`];
    case 'ProcedureCall':
      return ['ProcedureCall', plan.name];
  }
}

function estimateRows(
  plan: PhysicalPlan,
  catalog: CatalogView,
  children: readonly PlanDescription[],
): number {
  const input = children[0]?.arguments.EstimatedRows ?? 1;
  if (plan.kind === 'AllNodesScan') return Math.max(1, catalog.nodeCount()) * input;
  if (plan.kind === 'NodeByLabelScan') return Math.max(1, catalog.nodeCount(plan.label)) * input;
  if (plan.kind === 'Filter') return input * 0.5;
  if ((plan.kind === 'Expand' || plan.kind === 'VarLengthExpand') && !plan.into) {
    const nodes = Math.max(1, catalog.nodeCount());
    const rels = catalog.relationshipCount(plan.types.length === 1 ? plan.types[0] : undefined);
    return input * Math.max(1, rels / nodes);
  }
  return input;
}

/** The description as indented text, one operator per line: `+Name(Details) {identifiers}`. */
export function formatPlan(description: PlanDescription, depth = 0): string {
  const details = description.arguments.Details;
  const line = `${'  '.repeat(depth)}+${description.operatorType}${details === undefined ? '' : ` ${details}`}`;
  return [line, ...description.children.map((child) => formatPlan(child, depth + 1))].join('\n');
}

import { assertNever } from '../../errors/index.js';
import type { PhysicalPlan } from '../../planner/index.js';
import { buildApply } from './apply.js';
import { buildArgument } from './argument.js';
import { buildCreate } from './create.js';
import { buildDelete } from './delete.js';
import { buildDistinct } from './distinct.js';
import { buildEager } from './eager.js';
import { buildEagerAggregation } from './eager-aggregation.js';
import { buildExpand } from './expand.js';
import { buildFilter } from './filter.js';
import { buildForeach } from './foreach.js';
import { buildMerge } from './merge.js';
import { buildAllNodesScan, buildNodeByLabelScan } from './node-scans.js';
import { buildNodeByIdSeek, buildNodeIndexSeek } from './node-seeks.js';
import type { BuildContext, Operator } from './operator.js';
import { buildRelationshipIndexSeek } from './relationship-seeks.js';
import { buildProcedureCall } from './procedure-call.js';
import { buildProjectPath } from './project-path.js';
import { buildProjection } from './projection.js';
import { buildEmptyResult, buildProduceResults } from './results.js';
import { buildSet } from './set.js';
import { buildShortestPath } from './shortest-path.js';
import { buildLoadCsv } from './load-csv.js';
import { buildLimit, buildSkip } from './skip-limit.js';
import { buildNodeCountFromCountStore } from './node-count.js';
import { buildSort, buildTop } from './sort.js';
import { buildUnion } from './union.js';
import { buildUnwind } from './unwind.js';
import { buildPathSelection } from './path-selection.js';
import { buildTrail } from './trail.js';
import { buildTransactionApply } from './transaction-apply.js';
import { buildVarLengthExpand } from './var-length-expand.js';

/** Builds the operator for one plan node (children through `build.build`). */
export function buildOperator(plan: PhysicalPlan, build: BuildContext): Operator {
  switch (plan.kind) {
    case 'Argument':
      return buildArgument();
    case 'AllNodesScan':
      return buildAllNodesScan(plan, build);
    case 'NodeByLabelScan':
      return buildNodeByLabelScan(plan, build);
    case 'NodeCountFromCountStore':
      return buildNodeCountFromCountStore(plan, build);
    case 'NodeIndexSeek':
      return buildNodeIndexSeek(plan, build);
    case 'NodeByIdSeek':
      return buildNodeByIdSeek(plan, build);
    case 'RelationshipIndexSeek':
      return buildRelationshipIndexSeek(plan, build);
    case 'Expand':
      return buildExpand(plan, build);
    case 'VarLengthExpand':
      return buildVarLengthExpand(plan, build);
    case 'Trail':
      return buildTrail(plan, build);
    case 'ShortestPath':
      return buildShortestPath(plan, build);
    case 'PathSelection':
      return buildPathSelection(plan, build);
    case 'Filter':
      return buildFilter(plan, build);
    case 'Projection':
      return buildProjection(plan, build);
    case 'ProjectPath':
      return buildProjectPath(plan, build);
    case 'EagerAggregation':
      return buildEagerAggregation(plan, build);
    case 'Distinct':
      return buildDistinct(plan, build);
    case 'Sort':
      return buildSort(plan, build);
    case 'Top':
      return buildTop(plan, build);
    case 'Skip':
      return buildSkip(plan, build);
    case 'Limit':
      return buildLimit(plan, build);
    case 'Unwind':
      return buildUnwind(plan, build);
    case 'LoadCSV':
      return buildLoadCsv(plan, build);
    case 'Apply':
      return buildApply(plan, build);
    case 'TransactionApply':
      return buildTransactionApply(plan, build);
    case 'Union':
      return buildUnion(plan, build);
    case 'ProduceResults':
      return buildProduceResults(plan, build);
    case 'EmptyResult':
      return buildEmptyResult(plan, build);
    case 'Eager':
      return buildEager(plan, build);
    case 'Create':
      return buildCreate(plan, build);
    case 'Merge':
      return buildMerge(plan, build);
    case 'Set':
      return buildSet(plan, build);
    case 'Delete':
      return buildDelete(plan, build);
    case 'Foreach':
      return buildForeach(plan, build);
    case 'ProcedureCall':
      return buildProcedureCall(plan, build);
    default:
      return assertNever(plan);
  }
}

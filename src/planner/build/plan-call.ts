import type { CallProcedure, Expression } from '../../cypher/index.js';
import { CypherSemanticError, DatabaseError, Status } from '../../errors/index.js';
import type { ProcedureSignature } from '../catalog-view.js';
import type { PlanState, PlannerContext } from './planner-context.js';

export interface PlannedCall extends PlanState {
  readonly columns: readonly { readonly name: string; readonly slot: number }[];
}

/**
 * `CALL ns.proc(args) YIELD …`: checks the procedure exists, the argument count (defaults fill trailing
 * inputs) and the types of literal arguments; implicit arguments (no parentheses) only standalone. Without
 * YIELD a standalone call returns every output; in a larger query only a VOID procedure may omit YIELD.
 */
export function planProcedureCall(
  context: PlannerContext,
  state: PlanState,
  clause: CallProcedure,
  standalone: boolean,
): PlannedCall {
  const signature = context.catalog.procedure(clause.name);
  if (signature === undefined) {
    throw new DatabaseError(
      Status.ProcedureNotFound,
      `There is no procedure with the name \`${clause.name}\` registered for this database instance. ` +
        `Please ensure you've spelled the procedure name correctly and that the procedure is properly deployed.`,
      { detail: 'ProcedureNotFound' },
    );
  }
  if (signature.mode === 'WRITE') context.writes = true;
  const args = clause.args;
  if (args === undefined && !standalone && signature.inputs.length > 0) {
    throw new CypherSemanticError(
      `Procedure call inside a query does not support passing arguments implicitly. Pass arguments explicitly in parentheses after procedure name for ${clause.name}`,
      { detail: 'InvalidArgumentPassingMode' },
    );
  }
  if (args !== undefined) checkArguments(signature, args, clause.name);
  const scope = new Map(state.scope);
  const yields: { field: string; slot: number; name: string }[] = [];
  const wanted =
    clause.yield === undefined || clause.yield.star
      ? signature.outputs.map((output) => ({ field: output.name, name: output.name }))
      : clause.yield.items.map((item) => ({ field: item.field, name: item.alias?.name ?? item.field }));
  if (clause.yield !== undefined || standalone) {
    for (const { field, name } of wanted) {
      if (!signature.outputs.some((output) => output.name === field)) {
        throw new CypherSemanticError(`Unknown procedure output: \`${field}\``, {
          detail: 'UndefinedVariable',
        });
      }
      const slot = context.newSlot();
      scope.set(name, slot);
      yields.push({ field, slot, name });
    }
  }
  let plan: PlanState['plan'] = {
    kind: 'ProcedureCall',
    source: state.plan,
    name: signature.name,
    args: args?.map((arg) => context.expr(arg, state.scope)),
    yields,
    isVoid: signature.outputs.length === 0,
  };
  const where = clause.yield?.where;
  if (where !== undefined) plan = { kind: 'Filter', source: plan, predicate: context.expr(where, scope) };
  return { plan, scope, columns: yields.map(({ name, slot }) => ({ name, slot })) };
}

function checkArguments(signature: ProcedureSignature, args: readonly Expression[], name: string): void {
  const required = signature.inputs.filter((input) => !input.hasDefault).length;
  if (args.length < required || args.length > signature.inputs.length) {
    const expected = signature.inputs.map((input) => `${input.name} :: ${input.type}`).join(', ');
    throw new CypherSemanticError(
      `Procedure call does not provide the required number of arguments: got ${String(args.length)} expected ` +
        `at least ${String(required)} (total: ${String(signature.inputs.length)}). Procedure ${name} has signature: ` +
        `${name}(${expected})`,
      { detail: 'InvalidNumberOfArguments' },
    );
  }
  args.forEach((arg, index) => {
    const type = signature.inputs[index]?.type ?? 'ANY?';
    if (arg.kind !== 'Literal' || arg.value === null) return;
    if (!literalFits(arg.value, type)) {
      throw new CypherSemanticError(
        `Type mismatch: expected ${type.replace('?', '')} but was ${literalType(arg.value)}`,
        {
          detail: 'InvalidArgumentType',
        },
      );
    }
  });
}

function literalType(value: boolean | bigint | number | string): string {
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'bigint') return 'Integer';
  if (typeof value === 'number') return 'Float';
  return 'String';
}

function literalFits(value: boolean | bigint | number | string, type: string): boolean {
  const base = type.replace(/\?/g, '').trim().toUpperCase();
  switch (base) {
    case 'INTEGER':
    case 'INT':
      return typeof value === 'bigint';
    case 'FLOAT':
    case 'NUMBER':
      return typeof value === 'bigint' || typeof value === 'number';
    case 'STRING':
      return typeof value === 'string';
    case 'BOOLEAN':
      return typeof value === 'boolean';
    default:
      return true;
  }
}

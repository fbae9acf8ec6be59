import { DatabaseError, Status } from '../../errors/index.js';
import type { ProcedureCallOp } from '../../planner/index.js';
import { isCypherMap, type CypherMap, type CypherValue } from '../../values/index.js';
import type { ProcedureDefinition } from '../procedures/procedure.js';
import type { ExecutionContext } from '../runtime/context.js';
import type { Row } from '../runtime/row.js';
import type { BuildContext, Operator } from './operator.js';

function notFound(name: string): DatabaseError {
  return new DatabaseError(
    Status.ProcedureNotFound,
    `There is no procedure with the name \`${name}\` registered for this database instance.`,
    {
      detail: 'ProcedureNotFound',
    },
  );
}

/** Coerces an argument to the declared input type (INTEGER -> FLOAT, as the TCK expects). */
function coerce(value: CypherValue, type: string): CypherValue {
  const base = type.replace(/\?/g, '').trim().toUpperCase();
  if (base === 'FLOAT' && typeof value === 'bigint') return Number(value);
  return value;
}

function argumentsFor(
  procedure: ProcedureDefinition,
  given: readonly CypherValue[] | undefined,
  context: ExecutionContext,
): CypherValue[] {
  return procedure.inputs.map((input, index) => {
    let value: CypherValue | undefined;
    if (given === undefined) {
      const parameters: CypherMap = context.parameters;
      if (!Object.hasOwn(parameters, input.name) && input.default === undefined) {
        throw new DatabaseError(Status.ParameterMissing, `Expected parameter(s): ${input.name}`, {
          detail: 'MissingParameter',
        });
      }
      value = Object.hasOwn(parameters, input.name) ? parameters[input.name] : input.default;
    } else {
      value = index < given.length ? given[index] : input.default;
    }
    return coerce(value ?? null, input.type);
  });
}

/** Consumes the records of a VOID procedure (its side effects happen while iterating). */
function drain(records: Iterable<CypherMap>): void {
  const iterator = records[Symbol.iterator]();
  while (iterator.next().done !== true);
}

/** ProcedureCall: per input row, one row per record the procedure returns (VOID: the input row once). */
export function buildProcedureCall(plan: ProcedureCallOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  const context = build.context;
  const procedure = context.procedures.get(plan.name);
  if (procedure === undefined) throw notFound(plan.name);
  const args = plan.args?.map((arg) => build.compile(arg));
  return {
    open(argument) {
      const input = source.open(argument);
      let records: Iterator<CypherMap> | undefined;
      let current: Row | null = null;
      return {
        next: () => {
          for (;;) {
            if (records !== undefined && current !== null) {
              const record = records.next();
              if (record.done !== true) {
                const out = current.slice();
                const map = isCypherMap(record.value) ? record.value : {};
                for (const { field, slot } of plan.yields) out[slot] = map[field] ?? null;
                return out;
              }
              records = undefined;
            }
            current = input.next();
            if (current === null) return null;
            const row = current;
            const values = argumentsFor(
              procedure,
              args?.map((arg) => arg(row, context)),
              context,
            );
            const result = procedure.call(values, context);
            if (plan.isVoid) {
              drain(result);
              return current;
            }
            records = result[Symbol.iterator]();
          }
        },
        close: () => {
          // A lazy procedure (a generator) holding resources, e.g. a backup's read transaction, releases
          // them when its iterator is returned early.
          records?.return?.();
          records = undefined;
          input.close();
        },
      };
    },
  };
}

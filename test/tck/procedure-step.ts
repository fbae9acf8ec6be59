import type { ProcedureDefinition, ProcedureField } from '../../src/execution/index.js';
import { equals, type CypherMap, type CypherValue } from '../../src/values/index.js';
import { parseTckValue } from './values/parse-tck-value.js';
import { toCypherValue } from './values/to-cypher-value.js';

/** A parsed `name(in :: TYPE?, …) :: (out :: TYPE?, …)` signature. */
export interface ProcedureSignature {
  readonly name: string;
  readonly inputs: readonly ProcedureField[];
  readonly outputs: readonly ProcedureField[];
}

const SIGNATURE = /^\s*([\w.]+)\s*\(([^)]*)\)\s*::\s*\(([^)]*)\)\s*:?\s*$/;

/**
 * Parses the signature of `And there exists a procedure <signature>:` (the step text after the words
 * "there exists a procedure").
 * @throws Error when the text is not a signature.
 */
export function parseProcedureSignature(text: string): ProcedureSignature {
  const match = SIGNATURE.exec(text);
  if (match === null) throw new Error(`not a procedure signature: ${text}`);
  const [, name = '', inputs = '', outputs = ''] = match;
  return { name, inputs: parseFields(inputs), outputs: parseFields(outputs) };
}

function parseFields(list: string): ProcedureField[] {
  if (list.trim() === '') return [];
  return list.split(',').map((field) => {
    const [name = '', type = ''] = field.split('::').map((part) => part.trim());
    if (name === '' || type === '') throw new Error(`not a procedure field: ${field}`);
    return { name, type };
  });
}

/**
 * Builds the test procedure the TCK describes: its table has one column per input, then one per output;
 * a call yields (in table order) the outputs of every row whose input cells equal the arguments, null
 * matching null. A procedure without outputs yields nothing.
 * @throws Error when the table's columns do not match the signature.
 */
export function tableProcedure(
  signature: ProcedureSignature,
  table: readonly (readonly string[])[],
): ProcedureDefinition {
  const [header = [], ...body] = table;
  const fields = [...signature.inputs, ...signature.outputs].map((field) => field.name);
  const columns = header.map((cell) => cell.trim());
  if (body.length > 0 && columns.join(',') !== fields.join(',')) {
    throw new Error(`procedure table columns ${columns.join(', ')} do not match ${fields.join(', ')}`);
  }
  const rows = body.map((cells) => cells.map((cell) => toCypherValue(parseTckValue(cell))));
  const inputCount = signature.inputs.length;
  const outputs = signature.outputs;
  return {
    name: signature.name,
    description: 'TCK test procedure defined by a table',
    mode: 'READ',
    inputs: signature.inputs,
    outputs,
    *call(args: readonly CypherValue[]): Iterable<CypherMap> {
      for (const values of rows) {
        const inputsMatch = values
          .slice(0, inputCount)
          .every((value, index) => sameInput(value, args[index] ?? null));
        if (!inputsMatch) continue;
        const record: Record<string, CypherValue> = {};
        outputs.forEach((field, index) => {
          record[field.name] = values[inputCount + index] ?? null;
        });
        yield record;
      }
    },
  };
}

function sameInput(expected: CypherValue, actual: CypherValue): boolean {
  if (expected === null || actual === null) return expected === actual;
  return equals(expected, actual) === true;
}

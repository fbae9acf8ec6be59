import {
  allAggregates,
  allFunctions,
  type ProcedureDefinition,
  type ProcedureField,
} from '../../execution/index.js';
import type { CypherMap } from '../../values/index.js';
import { procedureSignature, signatureType } from '../procedures/builtin-procedures.js';
import { byName, showTable, type ShowTable } from './show-table.js';

function describeField(field: ProcedureField): CypherMap {
  return {
    name: field.name,
    type: signatureType(field.type),
    description: `${field.name} :: ${signatureType(field.type)}`,
    ...(field.default === undefined ? {} : { default: field.default }),
  };
}

/** SHOW PROCEDURES, over the procedures of the database the command runs in. */
export function procedureTable(procedures: readonly ProcedureDefinition[]): ShowTable {
  const rows = [...procedures].sort(byName).map((definition): CypherMap => ({
    name: definition.name,
    description: definition.description,
    mode: definition.mode,
    worksOnSystem: definition.mode === 'DBMS',
    signature: procedureSignature(definition),
    argumentDescription: definition.inputs.map(describeField),
    returnDescription: definition.outputs.map(describeField),
    admin: false,
    rolesExecution: null,
    rolesBoostedExecution: null,
    isDeprecated: false,
    deprecatedBy: null,
    option: { deprecated: false },
  }));
  return showTable(
    ['name', 'description', 'mode', 'worksOnSystem'],
    [
      'signature',
      'argumentDescription',
      'returnDescription',
      'admin',
      'rolesExecution',
      'rolesBoostedExecution',
      'isDeprecated',
      'deprecatedBy',
      'option',
    ],
    rows,
  );
}

/** The return type a signature such as `toUpper(input :: STRING) :: STRING` ends with. */
function returnType(signature: string): string {
  const at = signature.lastIndexOf(') :: ');
  return at < 0 ? '' : signature.slice(at + 5);
}

/** SHOW [ALL | BUILT IN | USER DEFINED] FUNCTIONS: the built-in scalar and aggregating functions. */
export function functionTable(what: string): ShowTable {
  const userDefinedOnly = what.startsWith('USER');
  const scalar = allFunctions().map((f) => ({ ...f, category: f.category, aggregating: false }));
  const aggregating = allAggregates().map((f) => ({ ...f, category: 'Aggregating', aggregating: true }));
  const rows = userDefinedOnly
    ? []
    : [...scalar, ...aggregating].sort(byName).map((f): CypherMap => ({
        name: f.name,
        category: f.category,
        description: f.description,
        signature: f.signature,
        isBuiltIn: true,
        argumentDescription: [],
        returnDescription: returnType(f.signature),
        aggregating: f.aggregating,
        rolesExecution: null,
        rolesBoostedExecution: null,
        isDeprecated: false,
        deprecatedBy: null,
      }));
  return showTable(
    ['name', 'category', 'description'],
    [
      'signature',
      'isBuiltIn',
      'argumentDescription',
      'returnDescription',
      'aggregating',
      'rolesExecution',
      'rolesBoostedExecution',
      'isDeprecated',
      'deprecatedBy',
    ],
    rows,
  );
}

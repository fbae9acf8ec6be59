/**
 * TCK errors: `Then a <Type> should be raised at <phase>: <detail>`. The runner maps the database's status
 * code to TCK error types (by code, not by class, so a Bolt target that only sees FAILURE metadata maps the
 * same way) and compares type and detail. The phase is parsed and reported but not enforced: Quiver may
 * detect at compile time what Neo4j detects at runtime (or the other way round), and both are correct.
 */

/** The expectation of an error step. */
export interface ExpectedError {
  readonly type: string;
  /** `compile time`, `runtime` or `any time`. */
  readonly phase: string;
  /** The TCK detail code, or `*` for any. */
  readonly detail: string;
}

/** What the runner saw thrown. */
export interface ObservedError {
  /** The Neo4j status code (`Neo.ClientError.Statement.SyntaxError`), undefined for a non-database error. */
  readonly code: string | undefined;
  readonly detail: string | undefined;
  readonly message: string;
}

const ERROR_STEP = /^an? (\w+) should be raised at (compile time|runtime|any time): (.+)$/;

/** Parses an error step's text, or returns undefined when the step is not one. */
export function parseErrorStep(text: string): ExpectedError | undefined {
  const match = ERROR_STEP.exec(text.trim());
  if (match === null) return undefined;
  const [, type = '', phase = '', detail = ''] = match;
  return { type, phase, detail: detail.trim() };
}

/** The TCK error types a Neo4j status code stands for. */
const TCK_TYPES_BY_CODE: Readonly<Record<string, readonly string[]>> = {
  'Neo.ClientError.Statement.SyntaxError': ['SyntaxError'],
  // Neo4j 5 reports TCK SyntaxError details (UndefinedVariable, …) as SyntaxError; older servers used
  // SemanticError, and a few TCK scenarios name SemanticError itself (MergeReadOwnWrites).
  'Neo.ClientError.Statement.SemanticError': ['SyntaxError', 'SemanticError'],
  'Neo.ClientError.Statement.TypeError': ['TypeError'],
  'Neo.ClientError.Statement.ArgumentError': ['ArgumentError'],
  'Neo.ClientError.Statement.ArithmeticError': ['ArithmeticError'],
  'Neo.ClientError.Statement.EntityNotFound': ['EntityNotFound'],
  'Neo.ClientError.Statement.ParameterMissing': ['ParameterMissing'],
  'Neo.ClientError.Schema.ConstraintValidationFailed': ['ConstraintVerificationFailed'],
};

/** The TCK error types of a status code (every `Neo.ClientError.Procedure.*` is a `ProcedureError`). */
export function tckErrorTypes(code: string | undefined): readonly string[] {
  if (code === undefined) return [];
  if (code.startsWith('Neo.ClientError.Procedure.')) return ['ProcedureError'];
  return TCK_TYPES_BY_CODE[code] ?? [];
}

/** Reads code, detail and message from whatever was thrown (duck-typed: `code` and `detail` strings). */
export function observeError(error: unknown): ObservedError {
  const message = error instanceof Error ? error.message : String(error);
  if (typeof error !== 'object' || error === null) return { code: undefined, detail: undefined, message };
  const code = stringField(error, 'code');
  const detail = stringField(error, 'detail');
  return { code: code?.startsWith('Neo.') === true ? code : undefined, detail, message };
}

function stringField(object: object, key: string): string | undefined {
  const value: unknown = Reflect.get(object, key);
  return typeof value === 'string' ? value : undefined;
}

/** @returns undefined when the observed error satisfies the expectation, otherwise why not. */
export function compareError(expected: ExpectedError, observed: ObservedError): string | undefined {
  const types = tckErrorTypes(observed.code);
  const typeOk = types.includes(expected.type);
  const detailOk = expected.detail === '*' || observed.detail === expected.detail;
  if (typeOk && detailOk) return undefined;
  return (
    `expected ${expected.type} (${expected.detail}) at ${expected.phase}, ` +
    `got ${types.join('/') || 'a non-TCK error'} (${observed.detail ?? 'no detail'}) ` +
    `[${observed.code ?? 'no status code'}]: ${observed.message}`
  );
}

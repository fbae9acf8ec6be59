import {
  CypherSemanticError,
  CypherSyntaxError,
  CypherTypeError,
  type DatabaseError,
  type GqlErrorStatusCode,
  type TextPosition,
} from '../../errors/index.js';

/**
 * The TCK error details the semantic checks raise as a compile-time `SyntaxError` (openCypher TCK
 * `*.feature` files, "should be raised at compile time").
 */
export type SemanticDetail =
  | 'UndefinedVariable'
  | 'VariableAlreadyBound'
  | 'VariableTypeConflict'
  | 'NoVariablesInScope'
  | 'InvalidAggregation'
  | 'NestedAggregation'
  | 'AmbiguousAggregationExpression'
  | 'NonConstantExpression'
  | 'ColumnNameConflict'
  | 'NoExpressionAlias'
  | 'DifferentColumnsInUnion'
  | 'InvalidClauseComposition'
  | 'RequiresDirectedRelationship'
  | 'NoSingleRelationshipType'
  | 'CreatingVarLength'
  | 'InvalidRelationshipPattern'
  | 'InvalidDelete'
  | 'InvalidArgumentType'
  | 'InvalidArgumentValue'
  | 'NegativeIntegerArgument'
  | 'UnknownFunction'
  | 'InvalidNumberOfArguments'
  | 'InvalidParameterUse';

/** Specific GQLSTATUS causes Neo4j names for some details (sent as `cause` on Bolt 5.7+). */
const GQL_CAUSES: Partial<Record<SemanticDetail, GqlErrorStatusCode>> = {
  UndefinedVariable: '42N62',
  VariableAlreadyBound: '42N59',
  InvalidAggregation: '42I24',
  NestedAggregation: '42I24',
  ColumnNameConflict: '42N38',
};

/** Turns a 0-based offset into Neo4j's position (1-based line and column). */
export function positionOf(text: string, offset: number): TextPosition {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < clamped; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset: clamped, line, column: clamped - lineStart + 1 };
}

/**
 * Builds the error for a failed semantic check. Most details are reported with the SyntaxError family
 * status (`CypherSemanticError`); `typeError` selects `CypherTypeError` for the few checks the TCK
 * classifies as a compile-time TypeError (property access on a value that can never have properties).
 */
export function semanticError(
  text: string,
  detail: SemanticDetail,
  message: string,
  pos: number,
  family: 'syntax' | 'type' = 'syntax',
): DatabaseError {
  const position = positionOf(text, pos);
  const gqlCause = GQL_CAUSES[detail];
  const options = gqlCause === undefined ? { position, detail } : { position, detail, gqlCause };
  const full = `${message} (line ${position.line}, column ${position.column} (offset: ${position.offset}))`;
  return family === 'type' ? new CypherTypeError(full, options) : new CypherSemanticError(full, options);
}

/** A syntax-level error found during analysis (for forms the grammar accepts but Neo4j rejects). */
export function unexpectedSyntax(text: string, message: string, pos: number): DatabaseError {
  const position = positionOf(text, pos);
  return new CypherSyntaxError(message, { position, detail: 'UnexpectedSyntax' });
}

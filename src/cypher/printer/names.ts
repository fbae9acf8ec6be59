/**
 * Words that could be read as keywords or literals where the printer puts a name, so names spelled like
 * them are always backtick-escaped (escaping never changes meaning, leaving it out could).
 */
const RESERVED = new Set(
  `ALL AND ANY AS ASC ASCENDING BY CALL CASE COLLECT CONTAINS COUNT CREATE DELETE DESC DESCENDING DETACH DISTINCT
  ELSE END ENDS EXISTS FALSE FINISH FOREACH FROM IN IS LIMIT LOAD MATCH MERGE NONE NOT NULL OFFSET ON OPTIONAL OR
  ORDER REDUCE REMOVE RETURN SET SHORTEST SHORTESTPATH ALLSHORTESTPATHS SINGLE SKIP STARTS THEN TRUE UNION UNWIND
  USE WHEN WHERE WITH XOR YIELD`.split(/\s+/),
);

const SIMPLE_NAME = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u;

/** A symbolic name as Cypher source: plain when it is a simple identifier, otherwise in backticks. */
export function printName(name: string): string {
  if (SIMPLE_NAME.test(name) && !RESERVED.has(name.toUpperCase())) return name;
  return `\`${name.replaceAll('`', '``')}\``;
}

/**
 * A function or procedure name part: keywords such as `count` or `exists` are fine before `(`, so only
 * names that are not simple identifiers, or that open an expression form (CASE, reduce…), are escaped.
 */
export function printFunctionName(name: string): string {
  return name
    .split('.')
    .map((part) =>
      SIMPLE_NAME.test(part) && !FORM_KEYWORDS.has(part.toUpperCase()) ? part : printName(part),
    )
    .join('.');
}

const FORM_KEYWORDS = new Set(['CASE', 'NOT', 'REDUCE', 'SHORTESTPATH', 'ALLSHORTESTPATHS']);

/** A string literal in single quotes with the escapes the lexer understands. */
export function printString(value: string): string {
  let out = "'";
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\\') out += '\\\\';
    else if (char === "'") out += "\\'";
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (char === '\b') out += '\\b';
    else if (char === '\f') out += '\\f';
    else if (code < 0x20) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}'`;
}

/** A FLOAT literal that reads back as a FLOAT (`1.0`, not `1`); non-finite values as a division. */
export function printFloat(value: number): string {
  if (Number.isNaN(value)) return '(0.0 / 0.0)';
  if (!Number.isFinite(value)) return value > 0 ? '(1.0 / 0.0)' : '(-1.0 / 0.0)';
  if (Object.is(value, -0)) return '-0.0';
  const text = String(value);
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

import {
  labelLeaves,
  type LabelCheck,
  type LabelExpression,
  type MapLiteral,
  type MapProjection,
  type NodePattern,
  type PropertyAccess,
  type RelationshipPattern,
} from '../../cypher/index.js';
import { isSymbolAt, tokenAt, type QueryToken } from './query-tokens.js';

/**
 * Where the names of AST nodes are in the query text. Each function starts at the node's `pos`, walks the
 * tokens the way the parser read them, and returns one offset per name in AST order — `undefined` where
 * the text does not match the tree (a notification then simply carries no position).
 */

/** The names of a label expression, left to right as written (`$(…)` labels have none). */
export function labelNames(expression: LabelExpression | undefined): string[] {
  return labelLeaves(expression).flatMap((leaf) => (leaf.kind === 'LabelName' ? [leaf.name] : []));
}

/** Offsets of the labels of `(n:A&B {…})`, one per `labelNames(node.labels)` entry. */
export function nodeLabelOffsets(tokens: readonly QueryToken[], node: NodePattern): (number | undefined)[] {
  const names = labelNames(node.labels);
  let index = tokenAt(tokens, node.pos);
  if (index < 0 || !isSymbolAt(tokens, index, '(')) return names.map(() => undefined);
  index = skipVariable(tokens, index + 1, node.variable?.name);
  return matchNames(tokens, scanLabelExpression(tokens, skipColonOrIs(tokens, index)), names);
}

/** Offsets of the types of `-[r:A|B]->`, one per `relationship.types` entry. */
export function relationshipTypeOffsets(
  tokens: readonly QueryToken[],
  relationship: RelationshipPattern,
): (number | undefined)[] {
  let index = tokenAt(tokens, relationship.pos);
  if (isSymbolAt(tokens, index, '<')) index++;
  if (index < 0 || !isSymbolAt(tokens, index, '-') || !isSymbolAt(tokens, index + 1, '[')) {
    return relationship.types.map(() => undefined);
  }
  index = skipColonOrIs(tokens, skipVariable(tokens, index + 2, relationship.variable?.name));
  const found: number[] = [];
  while (tokens[index]?.kind === 'name') {
    found.push(index++);
    if (!isSymbolAt(tokens, index, '|')) break;
    index++;
    if (isSymbolAt(tokens, index, ':')) index++;
  }
  return matchNames(tokens, found, relationship.types);
}

/** Offsets of the names of `v:A|B` in an expression (subject a variable; other subjects get none). */
export function labelCheckOffsets(tokens: readonly QueryToken[], check: LabelCheck): (number | undefined)[] {
  const names = labelNames(check.labels);
  const subject = check.subject;
  if (subject.kind !== 'Variable') return names.map(() => undefined);
  const index = tokenAt(tokens, subject.pos);
  const token = tokens[index];
  const found =
    token?.kind === 'name' && token.value === subject.name && isSymbolAt(tokens, index + 1, ':')
      ? scanLabelExpression(tokens, index + 2)
      : [];
  return matchNames(tokens, found, names);
}

/** Offset of the key of `v.key` (subject a variable). */
export function propertyKeyOffset(tokens: readonly QueryToken[], access: PropertyAccess): number | undefined {
  const subject = access.subject;
  if (subject.kind !== 'Variable') return undefined;
  const index = tokenAt(tokens, subject.pos);
  if (index < 0 || tokens[index]?.value !== subject.name || !isSymbolAt(tokens, index + 1, '.')) {
    return undefined;
  }
  const key = tokens[index + 2];
  return key?.kind === 'name' && key.value === access.key ? key.start : undefined;
}

/** Offsets of the keys of a map literal `{a: 1, b: 2}`, one per entry. */
export function mapKeyOffsets(tokens: readonly QueryToken[], map: MapLiteral): (number | undefined)[] {
  const keys = itemStarts(tokens, tokenAt(tokens, map.pos));
  return matchNames(
    tokens,
    keys,
    map.entries.map((entry) => entry.key),
  );
}

/** Offsets of the `.key` selectors of a map projection `v {.a, .b, c: 1}`, in order. */
export function selectorOffsets(
  tokens: readonly QueryToken[],
  projection: MapProjection,
): (number | undefined)[] {
  const keys = projection.items.flatMap((item) => (item.kind === 'PropertySelector' ? [item.key] : []));
  const subject = tokenAt(tokens, projection.pos);
  const selectors = itemStarts(tokens, subject < 0 ? -1 : subject + 1)
    .filter((index) => isSymbolAt(tokens, index, '.') && tokens[index + 1]?.kind === 'name')
    .map((index) => index + 1);
  return matchNames(tokens, selectors, keys);
}

function skipVariable(tokens: readonly QueryToken[], index: number, name: string | undefined): number {
  return name !== undefined && tokens[index]?.kind === 'name' && tokens[index].value === name
    ? index + 1
    : index;
}

function skipColonOrIs(tokens: readonly QueryToken[], index: number): number {
  if (isSymbolAt(tokens, index, ':')) return index + 1;
  const token = tokens[index];
  return token?.kind === 'name' && token.value.toUpperCase() === 'IS' ? index + 1 : -1;
}

/** Pairs found name tokens with the expected names; a mismatch leaves that name without an offset. */
function matchNames(
  tokens: readonly QueryToken[],
  found: readonly number[],
  names: readonly string[],
): (number | undefined)[] {
  return names.map((name, position) => {
    const token = tokens[found[position] ?? -1];
    return token?.kind === 'name' && token.value === name ? token.start : undefined;
  });
}

/**
 * The name tokens of a label expression starting at token `start`, following the parser's grammar:
 * `or (':' or)*`, `or = and ('|' [':'] and)*`, `and = not ('&' not)*`, `not = '!' not | '%' | '(' or ')' | name`.
 */
function scanLabelExpression(tokens: readonly QueryToken[], start: number): number[] {
  const names: number[] = [];
  if (start < 0) return names;
  let index = start;
  const symbol = (value: string): boolean => isSymbolAt(tokens, index, value);
  const not = (): boolean => {
    if (symbol('!')) {
      index++;
      return not();
    }
    if (symbol('%')) {
      index++;
      return true;
    }
    if (symbol('(')) {
      index++;
      if (!or() || !symbol(')')) return false;
      index++;
      return true;
    }
    if (tokens[index]?.kind !== 'name') return false;
    names.push(index++);
    return true;
  };
  const and = (): boolean => {
    let ok = not();
    while (ok && symbol('&')) {
      index++;
      ok = not();
    }
    return ok;
  };
  const or = (): boolean => {
    let ok = and();
    while (ok && symbol('|')) {
      index++;
      if (symbol(':')) index++;
      ok = and();
    }
    return ok;
  };
  let ok = or();
  while (ok && symbol(':')) {
    index++;
    ok = or();
  }
  return names;
}

/** The first token of each comma-separated item inside the bracket at token `open` (`{`, `[` or `(`). */
function itemStarts(tokens: readonly QueryToken[], open: number): number[] {
  const starts: number[] = [];
  if (open < 0 || tokens[open]?.kind !== 'symbol' || !'{[('.includes(tokens[open].value)) return starts;
  let depth = 0;
  let itemStart = true;
  for (let index = open; index < tokens.length; index++) {
    const token = tokens[index];
    if (token === undefined) break;
    const isSymbol = token.kind === 'symbol';
    if (isSymbol && '{[('.includes(token.value)) {
      if (depth === 1 && itemStart) starts.push(index);
      depth++;
      itemStart = depth === 1;
      continue;
    }
    if (isSymbol && '}])'.includes(token.value)) {
      depth--;
      if (depth === 0) break;
      continue;
    }
    if (depth === 1 && itemStart) starts.push(index);
    itemStart = depth === 1 && isSymbol && token.value === ',';
  }
  return starts;
}

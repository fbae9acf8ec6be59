import type { Expression } from '../../cypher/index.js';
import type { CatalogIndex } from '../catalog-view.js';
import type { PlanExpression, SeekQuery } from '../plan/physical-plan.js';
import { referencedVariables } from './expression-tools.js';
import type { PendingPredicate } from './plan-match.js';
import type { PlannerContext, Scope } from './planner-context.js';

/** The best index seek for one pattern element, and the predicates it solves. */
export interface SeekChoice {
  readonly index: CatalogIndex;
  readonly query: SeekQuery;
  /**
   * Predicates the seek guarantees exactly, so no Filter needs to check them again. The storage seek
   * accepts a key by Cypher's own `=`, `<`…, STARTS WITH (values/semantics: `equals`, `compare`, the very
   * functions the Filter would call), walking entries in `orderCompare` order, which ties every pair
   * `equals` calls equal (1 and 1.0; zoned date-times only with the same zone) and keeps every comparable
   * range and string prefix contiguous. NaN, null and values of other types are rejected on both sides.
   * IS NOT NULL on any indexed property holds for every entry: an entity is indexed only with all of them.
   */
  readonly solved: readonly PendingPredicate[];
  /** The fraction of the label's (type's) entities the seek is expected to return. */
  readonly selectivity: number;
}

/** One seekable form of a predicate on one property, values still AST expressions. */
type SeekPart =
  | { readonly kind: 'EQUALS' | 'PREFIX'; readonly value: Expression }
  /** `CONTAINS` / `ENDS WITH`: only a TEXT index can serve them (a scan of its strings). */
  | { readonly kind: 'CONTAINS' | 'SUFFIX'; readonly value: Expression }
  | { readonly kind: 'LOWER' | 'UPPER'; readonly value: Expression; readonly inclusive: boolean }
  | { readonly kind: 'EXISTS' };

interface Candidate {
  readonly predicate: PendingPredicate;
  /** The predicate's position among the pending ones (earlier wins ties, as before composite seeks). */
  readonly position: number;
  readonly part: SeekPart;
}

interface Scored {
  readonly index: CatalogIndex;
  readonly lead: Lead;
  readonly solved: readonly PendingPredicate[];
  readonly selectivity: number;
  /** Compared left to right, higher better: equality values, indexed properties, lead kind, -position. */
  readonly score: readonly number[];
}

/** Neo4j's default selectivities, used only to weigh leaves against each other. */
const EQUALITY_SELECTIVITY = 0.1;
const RANGE_SELECTIVITY = 0.3;

/**
 * Chooses among `indexes` (online, of the entity's label or type) the seek for element `name` solving the
 * most of `pending`. An index is usable when each of its properties has a seekable predicate (`=`, `<`,
 * `<=`, `>`, `>=`, STARTS WITH, IS NOT NULL) whose other side does not read `name` (Neo4j's rule for
 * composite indexes). The query is equality on the longest prefix of properties with an `=`, else the
 * first property's range (both bounds when there are), prefix or existence: what storage can seek. The
 * remaining predicates stay for Filters. Preference: more equality values, then more indexed properties,
 * then range/prefix over existence, then the earlier predicate (so single-property seeks are chosen as
 * before among predicates of one kind). Only the chosen seek's values are compiled.
 */
export function chooseIndexSeek(
  context: PlannerContext,
  scope: Scope,
  name: string,
  indexes: readonly CatalogIndex[],
  pending: readonly PendingPredicate[],
): SeekChoice | undefined {
  const best = bestSeek(name, indexes, pending);
  if (best === undefined) return undefined;
  const query = best.lead.build((expression) => context.expr(expression, scope));
  return { index: best.index, query, solved: best.solved, selectivity: best.selectivity };
}

/** The index `chooseIndexSeek` would choose and its selectivity, without compiling anything. */
export function peekIndexSeek(
  name: string,
  indexes: readonly CatalogIndex[],
  pending: readonly PendingPredicate[],
): { readonly index: CatalogIndex; readonly selectivity: number } | undefined {
  return bestSeek(name, indexes, pending);
}

function bestSeek(
  name: string,
  indexes: readonly CatalogIndex[],
  pending: readonly PendingPredicate[],
): Scored | undefined {
  let best: Scored | undefined;
  for (const index of indexes) {
    const scored = seekOn(name, index, pending);
    if (scored !== undefined && (best === undefined || isBetter(scored.score, best.score))) best = scored;
  }
  return best;
}

function isBetter(score: readonly number[], than: readonly number[]): boolean {
  for (let index = 0; index < score.length; index++) {
    const a = score[index] ?? 0;
    const b = than[index] ?? 0;
    if (a !== b) return a > b;
  }
  return false;
}

function seekOn(name: string, index: CatalogIndex, pending: readonly PendingPredicate[]): Scored | undefined {
  const parts = index.properties.map((property) =>
    pending.flatMap((predicate, position): Candidate[] => {
      const part = seekPart(predicate.expression, name, property);
      if (part === undefined) return [];
      if (index.text === true ? !textSeekable(part) : part.kind === 'CONTAINS' || part.kind === 'SUFFIX')
        return [];
      return [{ predicate, position, part }];
    }),
  );
  if (parts.length === 0 || parts.some((candidates) => candidates.length === 0)) return undefined;
  const equalities: Candidate[] = [];
  for (const candidates of parts) {
    const equality = candidates.find((candidate) => candidate.part.kind === 'EQUALS');
    if (equality === undefined) break;
    equalities.push(equality);
  }
  const lead = equalities.length > 0 ? leadOfEqualities(equalities) : leadOfFirst(parts[0] ?? []);
  const exists = parts.flat().filter((candidate) => candidate.part.kind === 'EXISTS');
  const solved = [...new Set([...lead.used, ...exists].map((candidate) => candidate.predicate))];
  const position = Math.min(...lead.used.map((candidate) => candidate.position));
  const complete = equalities.length === index.properties.length;
  const selectivity =
    lead.kind === 'EQUALS'
      ? index.unique && complete
        ? 0
        : EQUALITY_SELECTIVITY
      : lead.kind === 'EXISTS'
        ? 1
        : RANGE_SELECTIVITY;
  return {
    index,
    lead,
    solved,
    selectivity,
    // A RANGE index wins a tie with a TEXT index on the same property.
    score: [
      equalities.length,
      index.properties.length,
      lead.kind === 'EXISTS' ? 0 : 1,
      -position,
      index.text === true ? 0 : 1,
    ],
  };
}

/**
 * What a TEXT index can answer exactly: STARTS WITH (true only for strings), and `=` or a bound against a
 * string literal. Not IS NOT NULL: entities whose value is not a string are not in the index.
 */
function textSeekable(part: SeekPart): boolean {
  if (part.kind === 'PREFIX' || part.kind === 'CONTAINS' || part.kind === 'SUFFIX') return true;
  if (part.kind === 'EXISTS') return false;
  return part.value.kind === 'Literal' && typeof part.value.value === 'string';
}

/** Compiles a seek value in the element's scope (planning the subqueries inside it). */
type Compile = (expression: Expression) => PlanExpression;

/** The query of a seek and the candidates it uses. */
interface Lead {
  readonly kind: SeekQuery['kind'];
  readonly used: readonly Candidate[];
  readonly build: (compile: Compile) => SeekQuery;
}

function leadOfEqualities(equalities: readonly Candidate[]): Lead {
  return {
    kind: 'EQUALS',
    used: equalities,
    build: (compile) => ({
      kind: 'EQUALS',
      values: equalities.map((candidate) => compile(valueOf(candidate.part))),
    }),
  };
}

/** The first property's query when it has no equality: a range, else a prefix, else existence. */
function leadOfFirst(candidates: readonly Candidate[]): Lead {
  const lower = candidates.find((candidate) => candidate.part.kind === 'LOWER');
  const upper = candidates.find((candidate) => candidate.part.kind === 'UPPER');
  const prefix = candidates.find((candidate) => candidate.part.kind === 'PREFIX');
  const ranged = [lower, upper].filter((candidate) => candidate !== undefined);
  const firstRange = Math.min(...ranged.map((candidate) => candidate.position));
  if (ranged.length > 0 && (prefix === undefined || firstRange < prefix.position)) {
    return {
      kind: 'RANGE',
      used: ranged,
      build: (compile) => ({
        kind: 'RANGE',
        lower: lower === undefined ? undefined : bound(lower.part, compile),
        upper: upper === undefined ? undefined : bound(upper.part, compile),
      }),
    };
  }
  if (prefix !== undefined) {
    return {
      kind: 'PREFIX',
      used: [prefix],
      build: (compile) => ({ kind: 'PREFIX', value: compile(valueOf(prefix.part)) }),
    };
  }
  const scan = candidates.find(
    (candidate) => candidate.part.kind === 'CONTAINS' || candidate.part.kind === 'SUFFIX',
  );
  if (scan !== undefined) {
    const kind = scan.part.kind === 'CONTAINS' ? 'CONTAINS' : 'SUFFIX';
    return {
      kind,
      used: [scan],
      build: (compile) => ({ kind, value: compile(valueOf(scan.part)) }),
    };
  }
  // Every property has a candidate and none above is one: this is an IS NOT NULL.
  const exists = candidates[0];
  return { kind: 'EXISTS', used: exists === undefined ? [] : [exists], build: () => ({ kind: 'EXISTS' }) };
}

function valueOf(part: SeekPart): Expression {
  return 'value' in part ? part.value : { kind: 'Literal', pos: 0, value: null };
}

function bound(part: SeekPart, compile: Compile): { value: PlanExpression; inclusive: boolean } {
  return { value: compile(valueOf(part)), inclusive: 'inclusive' in part && part.inclusive };
}

function isProperty(expression: Expression, name: string, property: string): boolean {
  return (
    expression.kind === 'PropertyAccess' &&
    expression.key === property &&
    expression.subject.kind === 'Variable' &&
    expression.subject.name === name
  );
}

/** `a < b` read from b's side. */
const FLIPPED: Readonly<Record<string, string>> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=' };

/** The seekable form of `expression` on `name.property`, if it has one. */
function seekPart(expression: Expression, name: string, property: string): SeekPart | undefined {
  if (expression.kind === 'IsNull') {
    return expression.negated && isProperty(expression.operand, name, property)
      ? { kind: 'EXISTS' }
      : undefined;
  }
  if (expression.kind !== 'BinaryOperation') return undefined;
  let { left, right } = expression;
  let operator: string = expression.operator;
  if (!isProperty(left, name, property) && isProperty(right, name, property)) {
    if (operator !== '=' && !(operator in FLIPPED)) return undefined;
    [left, right] = [right, left];
    operator = FLIPPED[operator] ?? operator;
  }
  if (!isProperty(left, name, property) || referencedVariables(right).has(name)) return undefined;
  switch (operator) {
    case '=':
      return { kind: 'EQUALS', value: right };
    case 'STARTS WITH':
      return { kind: 'PREFIX', value: right };
    case 'CONTAINS':
      return { kind: 'CONTAINS', value: right };
    case 'ENDS WITH':
      return { kind: 'SUFFIX', value: right };
    case '<':
    case '<=':
      return { kind: 'UPPER', value: right, inclusive: operator === '<=' };
    case '>':
    case '>=':
      return { kind: 'LOWER', value: right, inclusive: operator === '>=' };
    default:
      return undefined;
  }
}

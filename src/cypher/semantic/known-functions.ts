import {
  ANY,
  BOOLEAN,
  FLOAT,
  INTEGER,
  LIST_ANY,
  MAP,
  NODE,
  NUMBER,
  RELATIONSHIP,
  STRING,
  TypeBits,
  listOf,
  type StaticType,
} from './types.js';

/**
 * What the semantic analysis knows about a built-in function: how many arguments it takes, what it
 * returns, whether it aggregates, and (for the few the TCK checks at compile time) which argument types
 * can never be valid. Names are lower-cased; lookups are case-insensitive as in Neo4j.
 */
export interface KnownFunction {
  readonly name: string;
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly returns: StaticType;
  readonly aggregate: boolean;
  /** False for `rand()`, `randomUUID()` and the clock functions. */
  readonly deterministic: boolean;
  /** Per argument, the type bits it accepts (missing = anything). */
  readonly accepts: readonly (number | undefined)[];
}

const T = TypeBits;
const MANY = Number.POSITIVE_INFINITY;
const TEMPORAL: StaticType = { mask: T.Temporal };
const DURATION: StaticType = { mask: T.Duration };
const POINT: StaticType = { mask: T.Point };

const table = new Map<string, KnownFunction>();

function def(
  name: string,
  minArgs: number,
  maxArgs: number,
  returns: StaticType,
  extra: { aggregate?: boolean; deterministic?: boolean; accepts?: readonly (number | undefined)[] } = {},
): void {
  table.set(name.toLowerCase(), {
    name,
    minArgs,
    maxArgs,
    returns,
    aggregate: extra.aggregate ?? false,
    deterministic: extra.deterministic ?? true,
    accepts: extra.accepts ?? [],
  });
}

function aggregate(name: string, args: number, returns: StaticType): void {
  def(name, args, args, returns, { aggregate: true });
}

// Aggregating functions.
aggregate('avg', 1, ANY);
aggregate('collect', 1, LIST_ANY);
aggregate('count', 1, INTEGER);
aggregate('max', 1, ANY);
aggregate('min', 1, ANY);
aggregate('percentileCont', 2, FLOAT);
aggregate('percentileDisc', 2, ANY);
aggregate('stDev', 1, FLOAT);
aggregate('stDevP', 1, FLOAT);
aggregate('sum', 1, ANY);

// Scalar functions.
def('char_length', 1, 1, INTEGER);
def('character_length', 1, 1, INTEGER);
def('coalesce', 1, MANY, ANY);
def('elementId', 1, 1, STRING);
def('db.nameFromElementId', 1, 1, STRING);
def('endNode', 1, 1, NODE, { accepts: [T.Relationship] });
def('head', 1, 1, ANY);
def('id', 1, 1, INTEGER, { accepts: [T.Node | T.Relationship] });
def('last', 1, 1, ANY);
def('length', 1, 1, INTEGER, { accepts: [T.Path | T.String] });
def('nullIf', 2, 2, ANY);
def('properties', 1, 1, MAP, { accepts: [T.Map | T.Node | T.Relationship] });
def('randomUUID', 0, 0, STRING, { deterministic: false });
def('uuid', 0, 2, ANY, { deterministic: false });
def('uuid.mostSignificantBits', 1, 1, INTEGER);
def('uuid.leastSignificantBits', 1, 1, INTEGER);
def('size', 1, 1, INTEGER, { accepts: [T.List | T.String] });
def('startNode', 1, 1, NODE, { accepts: [T.Relationship] });
def('timestamp', 0, 0, INTEGER, { deterministic: false });
def('toBoolean', 1, 1, BOOLEAN);
def('toBooleanOrNull', 1, 1, BOOLEAN);
def('toFloat', 1, 1, FLOAT);
def('toFloatOrNull', 1, 1, FLOAT);
def('toInteger', 1, 1, INTEGER);
def('toIntegerOrNull', 1, 1, INTEGER);
def('type', 1, 1, STRING, { accepts: [T.Relationship] });
def('valueType', 1, 1, STRING);
def('exists', 1, 1, BOOLEAN);
def('isEmpty', 1, 1, BOOLEAN, { accepts: [T.List | T.Map | T.String] });

// LOAD CSV functions: null outside a LOAD CSV (the planner resolves them inside one).
def('linenumber', 0, 0, INTEGER);
def('file', 0, 0, STRING);

// List functions.
def('keys', 1, 1, listOf(STRING), { accepts: [T.Map | T.Node | T.Relationship] });
def('labels', 1, 1, listOf(STRING), { accepts: [T.Node] });
def('nodes', 1, 1, listOf(NODE), { accepts: [T.Path] });
def('range', 2, 3, listOf(INTEGER));
def('relationships', 1, 1, listOf(RELATIONSHIP), { accepts: [T.Path] });
def('reverse', 1, 1, ANY, { accepts: [T.List | T.String] });
def('tail', 1, 1, LIST_ANY);
def('coll.distinct', 1, 1, LIST_ANY, { accepts: [T.List] });
def('coll.flatten', 1, 2, LIST_ANY, { accepts: [T.List, T.Integer] });
def('coll.indexOf', 2, 2, INTEGER, { accepts: [T.List] });
def('coll.insert', 3, 3, LIST_ANY, { accepts: [T.List, T.Integer] });
def('coll.max', 1, 1, ANY, { accepts: [T.List] });
def('coll.min', 1, 1, ANY, { accepts: [T.List] });
def('coll.remove', 2, 2, LIST_ANY, { accepts: [T.List, T.Integer] });
def('coll.sort', 1, 1, LIST_ANY, { accepts: [T.List] });
def('toBooleanList', 1, 1, listOf(BOOLEAN));
def('toFloatList', 1, 1, listOf(FLOAT));
def('toIntegerList', 1, 1, listOf(INTEGER));
def('toStringList', 1, 1, listOf(STRING));

// Mathematical functions.
def('abs', 1, 1, NUMBER);
def('ceil', 1, 1, FLOAT);
def('floor', 1, 1, FLOAT);
def('isNaN', 1, 1, BOOLEAN);
def('rand', 0, 0, FLOAT, { deterministic: false });
def('round', 1, 3, FLOAT);
def('sign', 1, 1, INTEGER);
def('e', 0, 0, FLOAT);
def('exp', 1, 1, FLOAT);
def('log', 1, 1, FLOAT);
def('log10', 1, 1, FLOAT);
def('sqrt', 1, 1, FLOAT);
def('pi', 0, 0, FLOAT);
def('atan2', 2, 2, FLOAT);
for (const name of ['acos', 'asin', 'atan', 'cos', 'cot', 'degrees', 'haversin', 'radians', 'sin', 'tan']) {
  def(name, 1, 1, FLOAT);
}

// String functions.
def('btrim', 1, 2, STRING);
def('left', 2, 2, STRING);
def('lower', 1, 1, STRING);
def('ltrim', 1, 2, STRING);
def('normalize', 1, 2, STRING);
def('replace', 3, 3, STRING);
def('right', 2, 2, STRING);
def('rtrim', 1, 2, STRING);
def('split', 2, 2, listOf(STRING));
def('substring', 2, 3, STRING);
def('toLower', 1, 1, STRING);
def('toString', 1, 1, STRING);
def('toStringOrNull', 1, 1, STRING);
def('toUpper', 1, 1, STRING);
def('trim', 1, 1, STRING);
def('upper', 1, 1, STRING);

// Spatial and vector functions.
def('point', 1, 1, POINT);
def('point.distance', 2, 2, FLOAT);
def('point.withinBBox', 3, 3, BOOLEAN);
def('distance', 2, 2, FLOAT);
def('vector.similarity.euclidean', 2, 2, FLOAT);
def('vector.similarity.cosine', 2, 2, FLOAT);
def('vector', 3, 3, ANY);
def('vector_dimension_count', 1, 1, INTEGER);

// Temporal functions: each type has a constructor, clock variants and `truncate`.
for (const type of ['date', 'datetime', 'localdatetime', 'localtime', 'time']) {
  def(type, 0, 1, TEMPORAL);
  for (const clock of ['realtime', 'statement', 'transaction']) {
    def(`${type}.${clock}`, 0, 1, TEMPORAL, { deterministic: clock !== 'realtime' });
  }
  def(`${type}.truncate`, 2, 3, TEMPORAL);
}
def('datetime.fromepoch', 2, 2, TEMPORAL);
def('datetime.fromepochmillis', 1, 1, TEMPORAL);
def('duration', 1, 1, DURATION);
def('duration.between', 2, 2, DURATION);
def('duration.inDays', 2, 2, DURATION);
def('duration.inMonths', 2, 2, DURATION);
def('duration.inSeconds', 2, 2, DURATION);

/** Looks a function up by name, case-insensitively; undefined for an unknown function. */
export function findFunction(name: string): KnownFunction | undefined {
  return table.get(name.toLowerCase());
}

/** Every known function name in its canonical spelling (for tests and diagnostics). */
export function knownFunctionNames(): readonly string[] {
  return [...table.values()].map((f) => f.name);
}

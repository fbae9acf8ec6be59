import { randomUUID } from 'node:crypto';
import { equals, isCypherMap, Path } from '../../values/index.js';
import { argument, define, invalidArgument, listArgument } from './define.js';
import type { FunctionDefinition } from './function-definition.js';
import { codePointLength } from './string.js';
import { valueType } from './value-type.js';

/** Cypher allows any number of arguments to `coalesce`. */
const UNBOUNDED = Number.MAX_SAFE_INTEGER;

export const SCALAR_FUNCTIONS: readonly FunctionDefinition[] = [
  define({
    name: 'coalesce',
    signature: 'coalesce(input :: ANY) :: ANY',
    description: 'Returns the first non-null value of its arguments.',
    category: 'Scalar',
    minArgs: 1,
    maxArgs: UNBOUNDED,
    nullIn: 'none',
    call: (args) => args.find((value) => value !== null) ?? null,
  }),
  define({
    name: 'nullIf',
    signature: 'nullIf(v1 :: ANY, v2 :: ANY) :: ANY',
    description: 'Returns null if the two values are equal, else the first value.',
    category: 'Scalar',
    nullIn: 'none',
    call: ([first = null, second = null]) => (equals(first, second) === true ? null : first),
  }),
  define({
    name: 'head',
    signature: 'head(list :: LIST<ANY>) :: ANY',
    description: 'Returns the first element of a list.',
    category: 'Scalar',
    call: (args) => listArgument(args, 0)[0] ?? null,
  }),
  define({
    name: 'last',
    signature: 'last(list :: LIST<ANY>) :: ANY',
    description: 'Returns the last element of a list.',
    category: 'Scalar',
    call: (args) => listArgument(args, 0).at(-1) ?? null,
  }),
  define({
    name: 'size',
    signature: 'size(input :: STRING | LIST<ANY>) :: INTEGER',
    description: 'Returns the number of elements of a list or of characters of a string.',
    category: 'Scalar',
    call: ([value = null]) => {
      if (typeof value === 'string') return BigInt(codePointLength(value));
      if (Array.isArray(value)) return BigInt(value.length);
      return invalidArgument('String or List<T>', value);
    },
  }),
  define({
    name: 'length',
    signature: 'length(input :: PATH) :: INTEGER',
    description: 'Returns the number of relationships of a path.',
    category: 'Scalar',
    call: ([value = null]) => {
      if (value instanceof Path) return BigInt(value.length);
      if (typeof value === 'string') return BigInt(codePointLength(value));
      return invalidArgument('Path', value);
    },
  }),
  define({
    name: 'isEmpty',
    signature: 'isEmpty(input :: LIST<ANY> | MAP | STRING) :: BOOLEAN',
    description: 'Returns true if the list, map or string has no elements.',
    category: 'Predicate',
    call: ([value = null]) => {
      if (typeof value === 'string' || Array.isArray(value)) return value.length === 0;
      if (isCypherMap(value)) return Object.keys(value).length === 0;
      return invalidArgument('List<T>, Map or String', value);
    },
  }),
  define({
    name: 'timestamp',
    signature: 'timestamp() :: INTEGER',
    description: 'Returns the milliseconds since the Unix epoch at the start of the statement.',
    category: 'Scalar',
    deterministic: false,
    call: (_args, context) => context.clock.statementEpochNanos / 1_000_000n,
  }),
  define({
    name: 'randomUUID',
    signature: 'randomUUID() :: STRING',
    description: 'Returns a random version 4 UUID.',
    category: 'Scalar',
    deterministic: false,
    call: () => randomUUID(),
  }),
  define({
    name: 'valueType',
    signature: 'valueType(input :: ANY) :: STRING',
    description: 'Returns the type of a value as a string, such as `INTEGER NOT NULL`.',
    category: 'Scalar',
    nullIn: 'none',
    call: (args) => valueType(argument(args, 0)),
  }),
];

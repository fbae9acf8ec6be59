import { randomUUID } from 'node:crypto';
import { Uuid, type CypherValue } from '../../values/index.js';
import { argument, define, integerArgument, invalidArgument, stringArgument } from './define.js';
import type { FunctionDefinition } from './function-definition.js';

/**
 * Cypher 25's UUID constructor, one name for three forms (Neo4j manual, "UUID functions"):
 * `uuid()` a random (version 4) UUID, `uuid(name :: STRING)` the UUID a canonical 8-4-4-4-12 string
 * spells, `uuid(mostSigBits :: INTEGER, leastSigBits :: INTEGER)` the UUID of two signed 64-bit halves.
 * A null argument gives null; any other string is an argument error, any other type a type error.
 * `uuid.mostSignificantBits` and `uuid.leastSignificantBits` give the two halves back.
 */
export const UUID_FUNCTIONS: readonly FunctionDefinition[] = [
  define({
    name: 'uuid',
    signature:
      'uuid() :: UUID | uuid(name :: STRING) :: UUID | uuid(mostSigBits :: INTEGER, leastSigBits :: INTEGER) :: UUID',
    description:
      'Returns a UUID: random with no argument, from its STRING form (8-4-4-4-12 hexadecimal digits) with ' +
      'one, or from its most and least significant 64 bits as two INTEGER values.',
    category: 'Scalar',
    minArgs: 0,
    maxArgs: 2,
    deterministic: false,
    call: (args) => {
      if (args.length === 0) return Uuid.parse(randomUUID());
      if (args.length === 1) return Uuid.parse(stringArgument(args, 0));
      return Uuid.fromBits(integerArgument(args, 0), integerArgument(args, 1));
    },
  }),
  define({
    name: 'uuid.mostSignificantBits',
    signature: 'uuid.mostSignificantBits(uuid :: UUID) :: INTEGER',
    description: 'Returns the most significant 64 bits of a UUID, as a signed INTEGER.',
    category: 'Scalar',
    call: (args) => uuidArgument(args).mostSignificantBits,
  }),
  define({
    name: 'uuid.leastSignificantBits',
    signature: 'uuid.leastSignificantBits(uuid :: UUID) :: INTEGER',
    description: 'Returns the least significant 64 bits of a UUID, as a signed INTEGER.',
    category: 'Scalar',
    call: (args) => uuidArgument(args).leastSignificantBits,
  }),
];

function uuidArgument(args: readonly CypherValue[]): Uuid {
  const value = argument(args, 0);
  return value instanceof Uuid ? value : invalidArgument('UUID', value);
}

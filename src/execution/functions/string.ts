import { CypherArgumentError } from '../../errors/index.js';
import type { CypherValue } from '../../values/index.js';
import { argument, define, integerArgument, invalidArgument, stringArgument } from './define.js';
import type { FunctionDefinition } from './function-definition.js';

/*
 * String functions. Lengths and positions count Unicode code points, as Neo4j's string values do, so a
 * character outside the BMP is one character, never half of a surrogate pair.
 */

/** The number of code points of `text`. */
export function codePointLength(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index++;
    }
    count++;
  }
  return count;
}

/** Code points `start` (inclusive) to `end` (exclusive, clamped). */
function codePointSlice(text: string, start: number, end: number): string {
  // Fast path: no surrogates means code points and UTF-16 units coincide.
  if (!/[\ud800-\udfff]/.test(text)) return text.slice(start, end);
  return Array.from(text).slice(start, end).join('');
}

function nonNegative(value: bigint, what: string): number {
  if (value < 0n) {
    throw new CypherArgumentError(`${what} must be a non-negative integer but was ${value}`, {
      detail: 'NumberOutOfRange',
    });
  }
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

/** Trimming with an optional set of characters (btrim/ltrim/rtrim's second argument); default whitespace. */
function trimmer(name: string, description: string, left: boolean, right: boolean): FunctionDefinition {
  return define({
    name,
    signature: `${name}(input :: STRING, trimCharacterString :: STRING) :: STRING`,
    description,
    category: 'String',
    minArgs: 1,
    call: (args) => {
      const text = stringArgument(args, 0);
      if (args.length < 2) return left && right ? text.trim() : left ? text.trimStart() : text.trimEnd();
      const characters = new Set(Array.from(stringArgument(args, 1)));
      const points = Array.from(text);
      let start = 0;
      let end = points.length;
      while (left && start < end && characters.has(points[start] ?? '')) start++;
      while (right && end > start && characters.has(points[end - 1] ?? '')) end--;
      return points.slice(start, end).join('');
    },
  });
}

function caseMapper(name: string, upper: boolean): FunctionDefinition {
  return define({
    name,
    signature: `${name}(input :: STRING) :: STRING`,
    description: `Returns the string in ${upper ? 'upper' : 'lower'} case.`,
    category: 'String',
    call: (args) => (upper ? stringArgument(args, 0).toUpperCase() : stringArgument(args, 0).toLowerCase()),
  });
}

function lengthFunction(name: string): FunctionDefinition {
  return define({
    name,
    signature: `${name}(input :: STRING) :: INTEGER`,
    description: 'Returns the number of Unicode characters of a string.',
    category: 'String',
    call: (args) => BigInt(codePointLength(stringArgument(args, 0))),
  });
}

export const STRING_FUNCTIONS: readonly FunctionDefinition[] = [
  caseMapper('toUpper', true),
  caseMapper('upper', true),
  caseMapper('toLower', false),
  caseMapper('lower', false),
  trimmer('trim', 'Removes leading and trailing whitespace.', true, true),
  trimmer('btrim', 'Removes leading and trailing whitespace or the given characters.', true, true),
  trimmer('ltrim', 'Removes leading whitespace or the given characters.', true, false),
  trimmer('rtrim', 'Removes trailing whitespace or the given characters.', false, true),
  lengthFunction('char_length'),
  lengthFunction('character_length'),
  define({
    name: 'replace',
    signature: 'replace(original :: STRING, search :: STRING, replace :: STRING) :: STRING',
    description: 'Replaces every occurrence of a search string.',
    category: 'String',
    call: (args) => stringArgument(args, 0).replaceAll(stringArgument(args, 1), stringArgument(args, 2)),
  }),
  define({
    name: 'substring',
    signature: 'substring(original :: STRING, start :: INTEGER, length :: INTEGER) :: STRING',
    description: 'Returns a substring of a string, starting at a 0-based index, of a given length.',
    category: 'String',
    minArgs: 2,
    call: (args) => {
      const text = stringArgument(args, 0);
      const start = nonNegative(integerArgument(args, 1), 'start');
      const length =
        args.length > 2 ? nonNegative(integerArgument(args, 2), 'length') : Number.MAX_SAFE_INTEGER;
      return codePointSlice(text, start, start + length);
    },
  }),
  define({
    name: 'left',
    signature: 'left(original :: STRING, length :: INTEGER) :: STRING',
    description: 'Returns the given number of leftmost characters.',
    category: 'String',
    nullIn: 'none',
    call: (args) => {
      if (argument(args, 0) === null) return null;
      const text = stringArgument(args, 0);
      return codePointSlice(text, 0, nonNegative(integerArgument(args, 1), 'length'));
    },
  }),
  define({
    name: 'right',
    signature: 'right(original :: STRING, length :: INTEGER) :: STRING',
    description: 'Returns the given number of rightmost characters.',
    category: 'String',
    nullIn: 'none',
    call: (args) => {
      if (argument(args, 0) === null) return null;
      const text = stringArgument(args, 0);
      const length = nonNegative(integerArgument(args, 1), 'length');
      const total = codePointLength(text);
      return codePointSlice(text, Math.max(0, total - length), total);
    },
  }),
  define({
    name: 'split',
    signature: 'split(original :: STRING, splitDelimiter :: STRING | LIST<STRING>) :: LIST<STRING>',
    description: 'Splits a string at each occurrence of a delimiter (or of any of a list of delimiters).',
    category: 'String',
    call: (args) => {
      const text = stringArgument(args, 0);
      const delimiter = argument(args, 1);
      if (typeof delimiter === 'string') return splitText(text, [delimiter]);
      if (Array.isArray(delimiter)) {
        const delimiters = (delimiter as readonly CypherValue[]).map((value) =>
          typeof value === 'string' ? value : invalidArgument('String', value),
        );
        return splitText(text, delimiters);
      }
      return invalidArgument('String or List<String>', delimiter);
    },
  }),
  define({
    name: 'reverse',
    signature: 'reverse(input :: STRING | LIST<ANY>) :: STRING | LIST<ANY>',
    description: 'Reverses a string (by character) or a list.',
    category: 'String',
    call: ([value = null]) => {
      if (typeof value === 'string') return Array.from(value).reverse().join('');
      if (Array.isArray(value)) return [...(value as readonly CypherValue[])].reverse();
      return invalidArgument('String or List<T>', value);
    },
  }),
  define({
    name: 'normalize',
    signature: 'normalize(input :: STRING, normalForm :: STRING) :: STRING',
    description: 'Normalizes a string to a Unicode normal form (NFC by default).',
    category: 'String',
    minArgs: 1,
    call: (args) => {
      const text = stringArgument(args, 0);
      const form = args.length > 1 ? stringArgument(args, 1).toUpperCase() : 'NFC';
      if (form !== 'NFC' && form !== 'NFD' && form !== 'NFKC' && form !== 'NFKD') {
        throw new CypherArgumentError(`Unknown normal form: ${form}`, { detail: 'InvalidArgumentValue' });
      }
      return text.normalize(form);
    },
  }),
];

function splitText(text: string, delimiters: readonly string[]): string[] {
  const nonEmpty = delimiters.filter((delimiter) => delimiter !== '');
  if (nonEmpty.length === 0) return delimiters.length === 0 ? [text] : Array.from(text);
  const pattern = new RegExp(nonEmpty.map((d) => d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'u');
  return text.split(pattern);
}

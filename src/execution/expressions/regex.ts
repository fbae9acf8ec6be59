import { CypherArgumentError } from '../../errors/index.js';
import type { CypherValue } from '../../values/index.js';

/*
 * `=~` matches the WHOLE string against a Java regular expression. The translation to a JavaScript RegExp
 * covers what queries use: leading inline flags (`(?i)`, `(?s)`, `(?m)`, `(?u)`, combined as `(?is)`),
 * `\Q…\E` quoting, and whole-string anchoring. Anchoring uses a sticky match at 0 followed by "no character
 * left", which also holds under `(?m)`, where `$` would match before a line break.
 */

const INLINE_FLAGS = /^\(\?([imsux]+)\)/;
const CACHE_LIMIT = 256;
const cache = new Map<string, RegExp>();

/** `text =~ pattern`: null unless both are strings. */
export function regexMatch(text: CypherValue, pattern: CypherValue): boolean | null {
  if (typeof text !== 'string' || typeof pattern !== 'string') return null;
  const regex = compileRegex(pattern);
  regex.lastIndex = 0;
  return regex.test(text);
}

/** The anchored JavaScript RegExp for a Java pattern (cached). @throws CypherArgumentError if invalid */
export function compileRegex(pattern: string): RegExp {
  let regex = cache.get(pattern);
  if (regex !== undefined) return regex;
  regex = translate(pattern);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, regex);
  return regex;
}

function translate(pattern: string): RegExp {
  let source = pattern;
  let flags = 'y';
  let match = INLINE_FLAGS.exec(source);
  while (match !== null) {
    for (const flag of match[1] ?? '') {
      // Java's (?u) and (?x) have no JavaScript counterpart that changes matching of typical patterns.
      if ((flag === 'i' || flag === 'm' || flag === 's') && !flags.includes(flag)) flags += flag;
    }
    source = source.slice(match[0].length);
    match = INLINE_FLAGS.exec(source);
  }
  source = source.replace(/\\Q([\s\S]*?)(?:\\E|$)/g, (_, quoted: string) => escapeLiteral(quoted));
  try {
    return new RegExp(`(?:${source})(?![\\s\\S])`, flags);
  } catch (error) {
    throw new CypherArgumentError(`Invalid Regex: ${pattern}`, {
      detail: 'InvalidArgumentValue',
      cause: error,
    });
  }
}

function escapeLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

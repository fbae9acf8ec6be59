/**
 * Test support: evaluates the small expression language of the openCypher TCK's temporal tables (map,
 * list, string and number literals, bound names and calls of temporal functions such as
 * `date({year: 1984, week: 10})` or `duration.between(a, b)`), so TCK rows can be ported verbatim.
 * Runs with a fixed clock (2017-10-29T00:30Z) and default zone UTC unless told otherwise.
 */
import { invariant } from '../../../errors/index.js';
import type { CypherMap, CypherValue, TemporalValue } from '../../../values/index.js';
import type { ExecutionContext } from '../../runtime/context.js';
import { TEMPORAL_FUNCTIONS } from './functions.js';
import { formatTemporalCompact } from './format.js';

/** 2017-10-29T00:30:00.123456789Z, inside a daylight-saving switch in Europe. */
export const FIXED_EPOCH_NANOS = 1_509_237_000_123_456_789n;

/** An execution context with only what temporal functions read. */
export function temporalContext(defaultTimeZone = 'Z', epochNanos = FIXED_EPOCH_NANOS): ExecutionContext {
  const clock = {
    statementEpochNanos: epochNanos,
    transactionEpochNanos: epochNanos - 1_000_000_000n,
    realtimeEpochNanos: () => epochNanos + 5_000_000_000n,
  };
  return { clock, defaultTimeZone } as unknown as ExecutionContext;
}

/** Calls the temporal function `name` (any case). */
export function callTemporal(
  name: string,
  args: readonly CypherValue[],
  context = temporalContext(),
): CypherValue {
  const definition = TEMPORAL_FUNCTIONS.find(
    (candidate) => candidate.name.toLowerCase() === name.toLowerCase(),
  );
  invariant(definition !== undefined, `no temporal function ${name}`);
  invariant(args.length >= definition.minArgs && args.length <= definition.maxArgs, `arity of ${name}`);
  return definition.call(args, context);
}

class LiteralReader {
  private position = 0;
  private readonly text: string;
  private readonly bindings: Readonly<Record<string, CypherValue>>;
  private readonly context: ExecutionContext;

  constructor(text: string, bindings: Readonly<Record<string, CypherValue>>, context: ExecutionContext) {
    this.text = text;
    this.bindings = bindings;
    this.context = context;
  }

  read(): CypherValue {
    const value = this.expression();
    this.skipSpace();
    invariant(this.position === this.text.length, `trailing text in ${this.text}`);
    return value;
  }

  private skipSpace(): void {
    while (/\s/.test(this.text[this.position] ?? '')) this.position += 1;
  }

  private take(token: string): boolean {
    this.skipSpace();
    if (!this.text.startsWith(token, this.position)) return false;
    this.position += token.length;
    return true;
  }

  private expect(token: string): void {
    invariant(this.take(token), `expected ${token} at ${this.position} in ${this.text}`);
  }

  private expression(): CypherValue {
    this.skipSpace();
    const rest = this.text.slice(this.position);
    if (this.take('{')) return this.map();
    if (this.take('[')) return this.list();
    if (rest.startsWith("'")) return this.string();
    const number = /^-?\d+(\.\d+)?/.exec(rest);
    if (number !== null) {
      this.position += number[0].length;
      return number[1] === undefined ? BigInt(number[0]) : Number(number[0]);
    }
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
    invariant(name !== null, `unexpected text at ${this.position} in ${this.text}`);
    this.position += name[0].length;
    if (name[0] === 'null') return null;
    if (!this.take('(')) {
      invariant(Object.hasOwn(this.bindings, name[0]), `unbound ${name[0]}`);
      return this.bindings[name[0]] ?? null;
    }
    const args: CypherValue[] = [];
    if (!this.take(')')) {
      do args.push(this.expression());
      while (this.take(','));
      this.expect(')');
    }
    return callTemporal(name[0], args, this.context);
  }

  private map(): CypherMap {
    const map: Record<string, CypherValue> = {};
    if (this.take('}')) return map;
    do {
      this.skipSpace();
      const key = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.position));
      invariant(key !== null, `map key expected in ${this.text}`);
      this.position += key[0].length;
      this.expect(':');
      map[key[0]] = this.expression();
    } while (this.take(','));
    this.expect('}');
    return map;
  }

  private list(): CypherValue[] {
    const list: CypherValue[] = [];
    if (this.take(']')) return list;
    do list.push(this.expression());
    while (this.take(','));
    this.expect(']');
    return list;
  }

  private string(): string {
    const end = this.text.indexOf("'", this.position + 1);
    invariant(end > 0, `unterminated string in ${this.text}`);
    const value = this.text.slice(this.position + 1, end);
    this.position = end + 1;
    return value;
  }
}

/** Evaluates one TCK expression. */
export function evaluateTck(
  text: string,
  bindings: Readonly<Record<string, CypherValue>> = {},
  context = temporalContext(),
): CypherValue {
  return new LiteralReader(text, bindings, context).read();
}

/** Renders a result as the TCK writes it: temporals in java.time's compact form, quoted. */
export function renderTck(value: CypherValue): string {
  if (value === null) return 'null';
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return `'${value}'`;
  return `'${formatTemporalCompact(value as TemporalValue)}'`;
}

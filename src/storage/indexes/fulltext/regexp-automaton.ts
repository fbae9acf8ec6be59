/**
 * Lucene regular expressions (`/…/` in a fulltext query) compiled to a Thompson NFA and run by simulating
 * all its states at once: matching a term costs O(term length × states), never the exponential time a
 * backtracking engine such as JavaScript's `RegExp` can take on patterns like `(a+)+z` (a user's query must
 * not stall the server). Lucene itself matches with automata.
 *
 * Syntax: literals, `.` (any code point), classes `[abc]`, `[a-z]`, `[^…]`, grouping `( )`, alternation
 * `|`, repetition `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, `\` escapes, `"…"` literal strings, `@` (any
 * string) and `#` (the empty language). Lucene's complement `~`, intersection `&` and numeric intervals
 * `<n-m>` are rejected.
 */

/** Why a pattern cannot be compiled (the caller words the error). */
export class RegexpSyntaxError extends Error {}

/** The most states a pattern may compile to (bounded repetitions are expanded). */
const MAX_STATES = 10_000;

type CodePointTest = (codePoint: number) => boolean;

type Node =
  | { readonly kind: 'empty' }
  | { readonly kind: 'none' }
  | { readonly kind: 'set'; readonly test: CodePointTest }
  | { readonly kind: 'anyString' }
  | { readonly kind: 'concat'; readonly parts: readonly Node[] }
  | { readonly kind: 'alt'; readonly options: readonly Node[] }
  | { readonly kind: 'repeat'; readonly node: Node; readonly min: number; readonly max: number | undefined };

const ANY: CodePointTest = () => true;
const EMPTY: Node = { kind: 'empty' };

/** A recursive-descent parser over the pattern's code points. */
class Parser {
  private readonly chars: readonly string[];
  private at = 0;

  constructor(pattern: string) {
    this.chars = Array.from(pattern);
  }

  parse(): Node {
    const node = this.alternation();
    if (this.at < this.chars.length) throw this.error(`unexpected '${this.peek() ?? ''}'`);
    return node;
  }

  private peek(): string | undefined {
    return this.chars[this.at];
  }

  private error(message: string): RegexpSyntaxError {
    return new RegexpSyntaxError(`${message} at position ${String(this.at)}`);
  }

  private alternation(): Node {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.at++;
      options.push(this.sequence());
    }
    return options.length === 1 ? (options[0] ?? EMPTY) : { kind: 'alt', options };
  }

  private sequence(): Node {
    const parts: Node[] = [];
    for (let next = this.peek(); next !== undefined && next !== '|' && next !== ')'; next = this.peek()) {
      parts.push(this.repetition());
    }
    return parts.length === 1 ? (parts[0] ?? EMPTY) : { kind: 'concat', parts };
  }

  private repetition(): Node {
    let node = this.atom();
    for (;;) {
      const next = this.peek();
      if (next === '*' || next === '+' || next === '?') {
        this.at++;
        node = { kind: 'repeat', node, min: next === '+' ? 1 : 0, max: next === '?' ? 1 : undefined };
      } else if (next === '{') {
        this.at++;
        const min = this.number();
        let max: number | undefined = min;
        if (this.peek() === ',') {
          this.at++;
          max = this.peek() === '}' ? undefined : this.number();
        }
        if (this.peek() !== '}') throw this.error("expected '}'");
        this.at++;
        if (max !== undefined && max < min)
          throw this.error('a repetition whose maximum is below its minimum');
        node = { kind: 'repeat', node, min, max };
      } else {
        return node;
      }
    }
  }

  private number(): number {
    let digits = '';
    while (/^[0-9]$/u.test(this.peek() ?? '')) digits += this.chars[this.at++] ?? '';
    if (digits === '') throw this.error('expected a number');
    return Number(digits);
  }

  private atom(): Node {
    const char = this.chars[this.at++];
    switch (char) {
      case undefined:
        throw this.error('unexpected end');
      case '(': {
        const node = this.peek() === ')' ? EMPTY : this.alternation();
        if (this.peek() !== ')') throw this.error("expected ')'");
        this.at++;
        return node;
      }
      case '[':
        return { kind: 'set', test: this.characterClass() };
      case '.':
        return { kind: 'set', test: ANY };
      case '@':
        return { kind: 'anyString' };
      case '#':
        return { kind: 'none' };
      case '"': {
        const parts: Node[] = [];
        while (this.peek() !== '"') {
          const literal = this.chars[this.at++];
          if (literal === undefined) throw this.error('unterminated string');
          parts.push(literalNode(literal));
        }
        this.at++;
        return { kind: 'concat', parts };
      }
      case '\\': {
        const escaped = this.chars[this.at++];
        if (escaped === undefined) throw this.error('a dangling escape');
        return literalNode(escaped);
      }
      case '~':
      case '&':
      case '<':
        this.at--;
        throw this.error(`regular expression operator '${char}' is not supported`);
      case '*':
      case '+':
      case '?':
      case '{':
      case ')':
      case ']':
      case '}':
        this.at--;
        throw this.error(`unexpected '${char}'`);
      default:
        return literalNode(char);
    }
  }

  /** The inside of `[…]` (after the `[`): members, ranges `a-z`, `^` negation, `\` escapes. */
  private characterClass(): CodePointTest {
    const negated = this.peek() === '^';
    if (negated) this.at++;
    const ranges: [number, number][] = [];
    const member = (): number => {
      const char = this.chars[this.at++];
      if (char === undefined) throw this.error('unterminated character class');
      const literal = char === '\\' ? this.chars[this.at++] : char;
      if (literal === undefined) throw this.error('a dangling escape');
      return literal.codePointAt(0) ?? 0;
    };
    while (this.peek() !== ']') {
      const low = member();
      let high = low;
      if (this.peek() === '-' && this.chars[this.at + 1] !== ']') {
        this.at++;
        high = member();
        if (high < low) throw this.error('a character range out of order');
      }
      ranges.push([low, high]);
    }
    this.at++;
    return (codePoint) => negated !== ranges.some(([low, high]) => codePoint >= low && codePoint <= high);
  }
}

function literalNode(char: string): Node {
  const expected = char.codePointAt(0) ?? 0;
  return { kind: 'set', test: (codePoint) => codePoint === expected };
}

/** One NFA state: transitions on a code point (`test`) or without input (`test` undefined). */
interface State {
  readonly edges: { readonly test: CodePointTest | undefined; readonly to: number }[];
}

class Automaton {
  readonly states: State[] = [];

  add(): number {
    if (this.states.length >= MAX_STATES) throw new RegexpSyntaxError('the regular expression is too large');
    this.states.push({ edges: [] });
    return this.states.length - 1;
  }

  edge(from: number, to: number, test?: CodePointTest): void {
    this.states[from]?.edges.push({ test, to });
  }

  /** Adds the states of `node` starting at `start`; returns its end state. */
  build(node: Node, start: number): number {
    switch (node.kind) {
      case 'empty':
        return start;
      case 'none':
        return this.add();
      case 'set': {
        const end = this.add();
        this.edge(start, end, node.test);
        return end;
      }
      case 'anyString': {
        const loop = this.add();
        this.edge(start, loop);
        this.edge(loop, loop, ANY);
        return loop;
      }
      case 'concat':
        return node.parts.reduce((at, part) => this.build(part, at), start);
      case 'alt': {
        const end = this.add();
        for (const option of node.options) {
          const entry = this.add();
          this.edge(start, entry);
          this.edge(this.build(option, entry), end);
        }
        return end;
      }
      case 'repeat': {
        let at = start;
        for (let count = 0; count < node.min; count++) at = this.build(node.node, at);
        if (node.max === undefined) {
          const loop = this.add();
          this.edge(at, loop);
          this.edge(this.build(node.node, loop), loop);
          return loop;
        }
        for (let count = node.min; count < node.max; count++) {
          const end = this.add();
          this.edge(at, end);
          this.edge(this.build(node.node, at), end);
          at = end;
        }
        return at;
      }
    }
  }

  /** Adds to `set` every state reachable from the states in `set` without input. */
  close(set: Set<number>): Set<number> {
    const stack = [...set];
    for (let state = stack.pop(); state !== undefined; state = stack.pop()) {
      for (const edge of this.states[state]?.edges ?? []) {
        if (edge.test === undefined && !set.has(edge.to)) {
          set.add(edge.to);
          stack.push(edge.to);
        }
      }
    }
    return set;
  }
}

/**
 * Compiles a Lucene regular expression into a whole-term matcher.
 * @throws RegexpSyntaxError for a pattern outside the syntax above, or one too large
 */
export function compileRegexp(pattern: string): (term: string) => boolean {
  const automaton = new Automaton();
  const start = automaton.add();
  const accept = automaton.build(new Parser(pattern).parse(), start);
  const initial = automaton.close(new Set([start]));
  return (term) => {
    let current = initial;
    for (const char of term) {
      const codePoint = char.codePointAt(0) ?? 0;
      const next = new Set<number>();
      for (const state of current) {
        for (const edge of automaton.states[state]?.edges ?? []) {
          if (edge.test?.(codePoint) === true) next.add(edge.to);
        }
      }
      if (next.size === 0) return false;
      current = automaton.close(next);
    }
    return current.has(accept);
  };
}

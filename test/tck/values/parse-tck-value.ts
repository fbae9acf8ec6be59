import type { TckEntries, TckNode, TckPathStep, TckRelationship, TckValue } from './tck-value.js';

/**
 * Parses one cell of a TCK table in the TCK result notation: `null`, `true`, `42`, `-0.0`, `NaN`, `'text'`
 * (with `\'`, `\\`, `\n`… escapes), `[1, 2]`, `{k: 1}`, nodes `(:A {k: 1})`, relationships `[:T {k: 1}]` and
 * paths `<(:A)-[:T]->(:B)>`. Gherkin has already undone its own cell escapes (`\|`, `\\`, `\n`).
 * @throws Error naming the offset when the text is not a single well-formed value.
 */
export function parseTckValue(text: string): TckValue {
  const reader = new Reader(text);
  const value = reader.value();
  reader.skipSpace();
  if (!reader.atEnd()) reader.fail('end of value');
  return value;
}

const IDENTIFIER = /[\p{L}\p{N}_$]/u;
const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '0': '\0' };

/** A cursor over the cell text; each method parses one production of the notation. */
class Reader {
  private pos = 0;
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  fail(expected: string): never {
    const found = this.atEnd() ? 'end of text' : `'${this.text.slice(this.pos, this.pos + 10)}'`;
    throw new Error(
      `TCK value ${JSON.stringify(this.text)}: expected ${expected} at ${this.pos}, found ${found}`,
    );
  }

  skipSpace(): void {
    while (!this.atEnd() && /\s/.test(this.peek())) this.pos += 1;
  }

  value(): TckValue {
    this.skipSpace();
    const c = this.peek();
    if (c === "'") return { kind: 'string', value: this.string() };
    if (c === '[') return this.lookingAtRelationship() ? this.relationship() : this.list();
    if (c === '{') return { kind: 'map', entries: this.map() };
    if (c === '(') return this.node();
    if (c === '<') return this.path();
    return this.word();
  }

  private peek(offset = 0): string {
    return this.text.charAt(this.pos + offset);
  }

  private accept(token: string): boolean {
    this.skipSpace();
    if (!this.text.startsWith(token, this.pos)) return false;
    this.pos += token.length;
    return true;
  }

  private expect(token: string): void {
    if (!this.accept(token)) this.fail(`'${token}'`);
  }

  /** Keywords and numbers: `null`, `true`, `false`, `NaN`, `Infinity`, `-Infinity`, integers, floats. */
  private word(): TckValue {
    const rest = this.text.slice(this.pos);
    for (const [word, value] of WORDS) {
      if (rest.startsWith(word) && !IDENTIFIER.test(rest.charAt(word.length))) {
        this.pos += word.length;
        return value;
      }
    }
    const match = NUMBER.exec(rest);
    if (match === null) this.fail('a value');
    const literal = match[0];
    this.pos += literal.length;
    if (/[.eE]/.test(literal)) return { kind: 'float', value: Number(literal) };
    return { kind: 'integer', value: BigInt(literal) };
  }

  private string(): string {
    this.pos += 1; // opening quote
    let out = '';
    for (;;) {
      if (this.atEnd()) this.fail("closing '");
      const c = this.peek();
      this.pos += 1;
      if (c === "'") return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      if (this.atEnd()) this.fail('an escaped character');
      const escaped = this.peek();
      this.pos += 1;
      out += ESCAPES[escaped] ?? escaped;
    }
  }

  private list(): TckValue {
    this.expect('[');
    const items: TckValue[] = [];
    if (this.accept(']')) return { kind: 'list', items };
    do items.push(this.value());
    while (this.accept(','));
    this.expect(']');
    return { kind: 'list', items };
  }

  private map(): TckEntries {
    this.expect('{');
    const entries: [string, TckValue][] = [];
    if (this.accept('}')) return entries;
    do {
      const key = this.name();
      if (entries.some(([existing]) => existing === key)) this.fail(`a key other than ${key}`);
      this.expect(':');
      entries.push([key, this.value()]);
    } while (this.accept(','));
    this.expect('}');
    return entries;
  }

  /** An identifier or a back-quoted name (`` `a b` ``, with ``` `` ``` for a back-quote). */
  private name(): string {
    this.skipSpace();
    if (this.peek() === '`') {
      let out = '';
      this.pos += 1;
      for (;;) {
        if (this.atEnd()) this.fail('closing `');
        const c = this.peek();
        this.pos += 1;
        if (c !== '`') out += c;
        else if (this.peek() === '`') {
          out += '`';
          this.pos += 1;
        } else return out;
      }
    }
    const start = this.pos;
    while (!this.atEnd() && IDENTIFIER.test(this.peek())) this.pos += 1;
    if (start === this.pos) this.fail('a name');
    return this.text.slice(start, this.pos);
  }

  private lookingAtRelationship(): boolean {
    let i = this.pos + 1;
    while (/\s/.test(this.text.charAt(i))) i += 1;
    return this.text.charAt(i) === ':';
  }

  private properties(): TckEntries {
    this.skipSpace();
    return this.peek() === '{' ? this.map() : [];
  }

  private node(): TckNode {
    this.expect('(');
    const labels: string[] = [];
    while (this.accept(':')) labels.push(this.name());
    const properties = this.properties();
    this.expect(')');
    return { kind: 'node', labels, properties };
  }

  private relationship(): TckRelationship {
    this.expect('[');
    this.expect(':');
    const type = this.name();
    const properties = this.properties();
    this.expect(']');
    return { kind: 'relationship', type, properties };
  }

  private path(): TckValue {
    this.expect('<');
    const start = this.node();
    const steps: TckPathStep[] = [];
    for (;;) {
      if (this.accept('<-')) {
        const relationship = this.relationship();
        this.expect('-');
        steps.push({ relationship, direction: 'backward', node: this.node() });
      } else if (this.accept('-')) {
        const relationship = this.relationship();
        this.expect('->');
        steps.push({ relationship, direction: 'forward', node: this.node() });
      } else break;
    }
    this.expect('>');
    return { kind: 'path', start, steps };
  }
}

const WORDS: readonly (readonly [string, TckValue])[] = [
  ['null', { kind: 'null' }],
  ['true', { kind: 'boolean', value: true }],
  ['false', { kind: 'boolean', value: false }],
  ['NaN', { kind: 'float', value: NaN }],
  ['Infinity', { kind: 'float', value: Infinity }],
  ['-Infinity', { kind: 'float', value: -Infinity }],
];

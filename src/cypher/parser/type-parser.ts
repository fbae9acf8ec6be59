import type { CypherType, SimpleTypeName } from '../ast/index.js';
import { AtomParser } from './atom-parser.js';

/** Graph and map types, which may also follow ANY (`ANY NODE`, `ANY EDGE`, …). */
const CONTAINER_TYPE_WORDS: readonly (readonly [string, SimpleTypeName])[] = [
  ['NODE', 'NODE'],
  ['VERTEX', 'NODE'],
  ['RELATIONSHIP', 'RELATIONSHIP'],
  ['EDGE', 'RELATIONSHIP'],
  ['MAP', 'MAP'],
  ['PATH', 'PATH'],
];

/** One-word type names and their synonyms. */
const SINGLE_WORD_TYPES: ReadonlyMap<string, SimpleTypeName> = new Map<string, SimpleTypeName>([
  ['BOOLEAN', 'BOOLEAN'],
  ['BOOL', 'BOOLEAN'],
  ['STRING', 'STRING'],
  ['VARCHAR', 'STRING'],
  ['INTEGER', 'INTEGER'],
  ['INT', 'INTEGER'],
  ['FLOAT', 'FLOAT'],
  ['DATE', 'DATE'],
  ['DURATION', 'DURATION'],
  ['POINT', 'POINT'],
  ['NOTHING', 'NOTHING'],
  ['NULL', 'NULL'],
  ['UUID', 'UUID'],
  ...CONTAINER_TYPE_WORDS,
]);

/** After ANY: `ANY VALUE` and the container types (`ANY` alone and `ANY<…>` are handled first). */
const AFTER_ANY: ReadonlyMap<string, SimpleTypeName> = new Map<string, SimpleTypeName>([
  ['VALUE', 'ANY'],
  ...CONTAINER_TYPE_WORDS,
]);

/**
 * The type grammar of type predicate expressions (Neo4j 5, "Types and their synonyms"): simple types with
 * their synonyms, `LIST<T>`/`ARRAY<T>`/`T LIST`, `ANY<A | B>` and `A | B` unions, each part optionally
 * `NOT NULL`. VECTOR types are not accepted here.
 */
export abstract class TypeParser extends AtomParser {
  /** `Type = Alternative ('|' Alternative)*`. */
  protected parseCypherType(): CypherType {
    const first = this.parseTypeAlternative();
    if (!this.isSymbol('|')) return first;
    const alternatives = [first];
    while (this.acceptSymbol('|')) alternatives.push(this.parseTypeAlternative());
    return { kind: 'UnionType', alternatives };
  }

  /** A base type, then any number of `NOT NULL` and postfix `LIST`/`ARRAY`. */
  private parseTypeAlternative(): CypherType {
    let type = this.parseTypeBase();
    for (;;) {
      if (this.isKeyword('NOT') && this.isKeyword('NULL', 1)) {
        this.index += 2;
        type = notNull(type);
      } else if (this.acceptKeyword('LIST') || this.acceptKeyword('ARRAY')) {
        type = { kind: 'ListType', element: type, notNull: false };
      } else {
        return type;
      }
    }
  }

  private parseTypeBase(): CypherType {
    if (this.acceptKeyword('ANY')) {
      if (this.acceptSymbol('<')) {
        const inner = this.parseCypherType();
        this.expectSymbol('>');
        return inner;
      }
      if (this.acceptKeyword('PROPERTY')) {
        this.expectKeyword('VALUE');
        return simple('PROPERTY VALUE');
      }
      const token = this.current;
      const name = token.type === 'identifier' ? AFTER_ANY.get(token.upper) : undefined;
      if (name === undefined) return simple('ANY');
      this.advance();
      return simple(name);
    }
    if ((this.isKeyword('LIST') || this.isKeyword('ARRAY')) && this.isSymbol('<', 1)) {
      this.index += 2;
      const element = this.parseCypherType();
      this.expectSymbol('>');
      return { kind: 'ListType', element, notNull: false };
    }
    const multiWord = this.parseMultiWordType();
    if (multiWord !== undefined) return simple(multiWord);
    const token = this.current;
    const name = token.type === 'identifier' ? SINGLE_WORD_TYPES.get(token.upper) : undefined;
    if (name === undefined) this.fail('a type');
    this.advance();
    return simple(name);
  }

  /** `LOCAL TIME`, `ZONED DATETIME`, `SIGNED INTEGER`, `PROPERTY VALUE`, `TIME WITH TIME ZONE`, … */
  private parseMultiWordType(): SimpleTypeName | undefined {
    if (this.isKeyword('LOCAL') || this.isKeyword('ZONED')) {
      const zoned = this.isKeyword('ZONED');
      if (this.isKeyword('TIME', 1) || this.isKeyword('DATETIME', 1)) {
        const dateTime = this.isKeyword('DATETIME', 1);
        this.index += 2;
        return `${zoned ? 'ZONED' : 'LOCAL'} ${dateTime ? 'DATETIME' : 'TIME'}`;
      }
      return undefined;
    }
    if (this.isKeyword('SIGNED') && this.isKeyword('INTEGER', 1)) {
      this.index += 2;
      return 'INTEGER';
    }
    if (this.isKeyword('PROPERTY') && this.isKeyword('VALUE', 1)) {
      this.index += 2;
      return 'PROPERTY VALUE';
    }
    if (
      (this.isKeyword('TIME') || this.isKeyword('TIMESTAMP')) &&
      (this.isKeyword('WITH', 1) || this.isKeyword('WITHOUT', 1))
    ) {
      const dateTime = this.isKeyword('TIMESTAMP');
      const zoned = this.isKeyword('WITH', 1);
      this.index += 2;
      this.expectKeyword('TIME');
      this.expectKeyword('ZONE');
      return `${zoned ? 'ZONED' : 'LOCAL'} ${dateTime ? 'DATETIME' : 'TIME'}`;
    }
    return undefined;
  }
}

function simple(name: SimpleTypeName): CypherType {
  return { kind: 'SimpleType', name, notNull: false };
}

/** The type without null: `NOT NULL` on a union applies to each alternative. */
function notNull(type: CypherType): CypherType {
  if (type.kind === 'UnionType') return { kind: 'UnionType', alternatives: type.alternatives.map(notNull) };
  return { ...type, notNull: true };
}

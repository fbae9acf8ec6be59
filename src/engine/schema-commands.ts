import type { SchemaCommand } from '../cypher/index.js';
import { DatabaseError, Status } from '../errors/index.js';
import {
  SCALAR_PROPERTY_TYPES,
  type ConstraintKind,
  type GraphStore,
  type PropertyType,
} from '../storage/index.js';
import type { CypherValue } from '../values/index.js';
import type { CommandOutcome } from './command-result.js';
import { indexSettings } from './index-options.js';

/** Neo4j statuses that `IF NOT EXISTS` / `IF EXISTS` turn into a no-op. */
const ALREADY_EXISTS = new Set<string>([
  Status.EquivalentSchemaRuleAlreadyExists.code,
  Status.IndexWithNameAlreadyExists.code,
  Status.ConstraintWithNameAlreadyExists.code,
]);
const NOT_FOUND = new Set<string>([Status.IndexNotFound.code, Status.ConstraintNotFound.code]);

const CONSTRAINT_KINDS: Readonly<Record<string, ConstraintKind>> = {
  UNIQUE: 'UNIQUENESS',
  'NOT NULL': 'EXISTENCE',
  'NODE KEY': 'KEY',
  'RELATIONSHIP KEY': 'KEY',
  'PROPERTY TYPE': 'PROPERTY_TYPE',
};

/**
 * Runs CREATE/DROP INDEX/CONSTRAINT against the store; resolves with the schema counters. `options` is a
 * CREATE INDEX's OPTIONS, evaluated.
 */
export async function runSchemaCommand(
  store: GraphStore,
  command: SchemaCommand,
  options?: CypherValue,
): Promise<CommandOutcome> {
  const tokens = store.tokens;
  try {
    switch (command.kind) {
      case 'CreateIndex': {
        const settings = indexSettings(command, options);
        const label = command.label ?? '';
        const entityTokens = command.entity === 'NODE' ? tokens.labels : tokens.relationshipTypes;
        // A FULLTEXT index may cover several labels or types: `(n:A|B)`, `()-[r:T|U]-()`.
        const scope =
          settings.type === 'FULLTEXT'
            ? [...new Set(label.split('|'))].map((name) => entityTokens.getOrCreate(name))
            : [entityTokens.getOrCreate(label)];
        await store.createIndex({
          ...(command.name === undefined ? {} : { name: command.name }),
          entity: command.entity,
          token: scope[0] ?? -1,
          ...(settings.type === 'FULLTEXT' ? { tokens: scope } : {}),
          properties: command.properties.map((key) => tokens.propertyKeys.getOrCreate(key)),
          ...settings,
        });
        return { rows: [], statistics: { indexesAdded: 1 } };
      }
      case 'DropIndex':
        await store.dropIndex(command.name);
        return { rows: [], statistics: { indexesRemoved: 1 } };
      case 'CreateConstraint': {
        const kind = CONSTRAINT_KINDS[command.constraintType];
        if (kind === undefined) throw new DatabaseError(Status.SyntaxError, `Unknown constraint type`);
        const entityTokens = command.entity === 'NODE' ? tokens.labels : tokens.relationshipTypes;
        await store.createConstraint({
          ...(command.name === undefined ? {} : { name: command.name }),
          kind,
          entity: command.entity,
          token: entityTokens.getOrCreate(command.label),
          properties: command.properties.map((key) => tokens.propertyKeys.getOrCreate(key)),
          ...(command.propertyType === undefined ? {} : { types: propertyTypes(command.propertyType) }),
        });
        return { rows: [], statistics: { constraintsAdded: 1 } };
      }
      case 'DropConstraint':
        await store.dropConstraint(command.name);
        return { rows: [], statistics: { constraintsRemoved: 1 } };
    }
  } catch (error) {
    if (error instanceof DatabaseError) {
      const ifNotExists =
        (command.kind === 'CreateIndex' || command.kind === 'CreateConstraint') && command.ifNotExists;
      const ifExists =
        (command.kind === 'DropIndex' || command.kind === 'DropConstraint') && command.ifExists;
      if ((ifNotExists && ALREADY_EXISTS.has(error.code)) || (ifExists && NOT_FOUND.has(error.code))) {
        return { rows: [] };
      }
    }
    throw error;
  }
}

/** The types a property type constraint may name: a storable scalar type, or a list of one without nulls. */
const PROPERTY_TYPES: ReadonlySet<string> = new Set<string>([
  ...SCALAR_PROPERTY_TYPES,
  ...SCALAR_PROPERTY_TYPES.map((type) => `LIST<${type} NOT NULL>`),
]);

/**
 * The types of `IS :: type`, from the parser's canonical spelling (`INTEGER | LIST<STRING NOT NULL>`).
 * @throws DatabaseError `Statement.SyntaxError` for a type no property can be constrained to (NODE, MAP,
 * `INTEGER NOT NULL`, a list whose elements may be null, …).
 */
function propertyTypes(text: string): PropertyType[] {
  const types = splitTopLevelUnion(text);
  for (const type of types) {
    if (!PROPERTY_TYPES.has(type)) {
      throw new DatabaseError(
        Status.SyntaxError,
        `Invalid property type constraint: '${type}' is not a property type. A property type constraint takes ` +
          `${SCALAR_PROPERTY_TYPES.join(', ')}, or LIST<type NOT NULL> of one of them, or a union of these`,
      );
    }
  }
  return types as PropertyType[];
}

/** `A | LIST<B | C> | D` → `A`, `LIST<B | C>`, `D`: the alternatives outside any `<…>`. */
function splitTopLevelUnion(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '<') depth++;
    else if (char === '>') depth--;
    else if (char === '|' && depth === 0) {
      parts.push(text.slice(start, index).trim());
      start = index + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

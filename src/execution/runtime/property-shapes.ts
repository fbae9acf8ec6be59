import type { TokenRegistries } from '../../storage/index.js';
import type { CypherValue } from '../../values/index.js';
import { setEntry } from './map-entry.js';

/** A key sequence: its template (the keys in order, values null) and its extensions by one more key. */
interface Shape {
  readonly template: Record<string, CypherValue>;
  readonly keys: readonly number[];
  readonly names: readonly string[];
  readonly children: Map<number, Shape>;
}

/** How many shapes one token registry keeps at most; past it, maps are built key by key (still correct). */
const MAX_SHAPES = 4096;

/**
 * Builds the property maps of result entities from their property key tokens. Every entity with the same
 * key sequence gets a copy of one template object, so the maps share a hidden class and filling them only
 * overwrites existing properties; growing each map key by key through one shared store site costs several
 * times more per property (V8 adds properties through a megamorphic keyed store) and was the largest part
 * of streaming nodes. Key names never change for a token, so the shapes of one registry are shared by all
 * statements; their number is bounded by {@link MAX_SHAPES}.
 */
export class PropertyShapes {
  private readonly tokens: TokenRegistries;
  private readonly root: Shape = { template: {}, keys: [], names: [], children: new Map() };
  private count = 0;
  /** The shape built last: a stream of entities mostly repeats it, and comparing keys beats the walk. */
  private last: Shape = this.root;

  constructor(tokens: TokenRegistries) {
    this.tokens = tokens;
  }

  /** The map of the first `size` entries of `keys` (property key tokens, distinct) and `values`. */
  build(keys: readonly number[], values: readonly CypherValue[], size: number): Record<string, CypherValue> {
    let shape: Shape | undefined = this.last;
    if (!sameKeys(shape.keys, keys, size)) {
      shape = this.root;
      for (let index = 0; index < size && shape !== undefined; index++) {
        shape = this.child(shape, keys[index] ?? 0);
      }
      if (shape === undefined) return this.buildSlowly(keys, values, size);
      this.last = shape;
    }
    const result = { ...shape.template };
    const names = shape.names;
    for (let index = 0; index < size; index++) result[names[index] ?? ''] = values[index] ?? null;
    return result;
  }

  private child(shape: Shape, key: number): Shape | undefined {
    const existing = shape.children.get(key);
    if (existing !== undefined || this.count >= MAX_SHAPES) return existing;
    const name = this.tokens.propertyKeys.nameOf(key);
    const template = { ...shape.template };
    setEntry(template, name, null);
    const created: Shape = {
      template,
      keys: [...shape.keys, key],
      names: [...shape.names, name],
      children: new Map(),
    };
    shape.children.set(key, created);
    this.count++;
    return created;
  }

  private buildSlowly(
    keys: readonly number[],
    values: readonly CypherValue[],
    size: number,
  ): Record<string, CypherValue> {
    const result: Record<string, CypherValue> = {};
    const names = this.tokens.propertyKeys;
    for (let index = 0; index < size; index++) {
      setEntry(result, names.nameOf(keys[index] ?? 0), values[index] ?? null);
    }
    return result;
  }
}

function sameKeys(shapeKeys: readonly number[], keys: readonly number[], size: number): boolean {
  if (shapeKeys.length !== size) return false;
  for (let index = 0; index < size; index++) if (shapeKeys[index] !== keys[index]) return false;
  return true;
}

const byRegistry = new WeakMap<TokenRegistries, PropertyShapes>();

/** The shapes of the entities whose keys `tokens` names (one set per registry, so per database). */
export function propertyShapesOf(tokens: TokenRegistries): PropertyShapes {
  let shapes = byRegistry.get(tokens);
  if (shapes === undefined) {
    shapes = new PropertyShapes(tokens);
    byRegistry.set(tokens, shapes);
  }
  return shapes;
}
